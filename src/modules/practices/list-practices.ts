import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { practices } from '../../db/schema/practices.js';
import { parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { type PracticeListQuery, practiceListQuery } from './input.js';
import { authorPaths, practiceVisible } from './practice-access.js';
import { parentUnit, selectPractices, summariesOf, textMatches } from './practice-rows.js';

// The bank's search (issue 15 §2, point 4): published practices of the actor's region, his own unit's
// drafts and submissions, and what reviewers see of their scope — with the filters of the page.

/** The filter conditions shared by the bank and the public site. */
export function filterConditions(q: Omit<PracticeListQuery, 'mine' | 'status'>): SQL[] {
  const where: SQL[] = [];
  if (q.riskFactor) where.push(sql`${q.riskFactor} = any(${practices.riskFactors})`);
  if (q.subject) where.push(sql`${q.subject} = any(${practices.subjects})`);
  if (q.level) where.push(sql`${q.level} = any(${practices.levels})`);
  if (q.year !== undefined) where.push(eq(practices.year, q.year));
  if (q.municipalityId) {
    const m = or(eq(orgUnits.id, q.municipalityId), eq(parentUnit.id, q.municipalityId));
    if (m) where.push(m);
  }
  if (q.q) where.push(textMatches(q.q));
  return where;
}

export async function listPractices(db: Db, opts: { actor: Actor; query?: PracticeListQuery }) {
  const { actor } = opts;
  const q = parseInput(practiceListQuery, opts.query ?? {});
  const own = authorPaths(actor);
  const where = [practiceVisible(actor, orgUnits.path, practices.status), ...filterConditions(q)];
  if (q.status) where.push(eq(practices.status, q.status));
  if (q.mine === 'true')
    where.push(
      own.length
        ? sql`${orgUnits.path} in (${sql.join(
            own.map((p) => sql`${p}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  const rows = await selectPractices(db, and(...where));
  return summariesOf(db, rows, own);
}
