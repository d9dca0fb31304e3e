import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { authorPaths } from './practice-access.js';
import { factorTitles } from './practice-rows.js';
import { resilientHintFor } from './resilient.js';
import { PRACTICE_CRITERIA, PRACTICE_SUBJECTS } from './strings.js';
import type { PracticeOptions } from './views.js';

// What the bank's page offers the actor: the filters' choices of his region (risk factors, subjects,
// municipalities), the review criteria, the units he writes practices for, and the resilient hint.

export async function practiceOptions(db: Db, opts: { actor: Actor }): Promise<PracticeOptions> {
  const { actor } = opts;
  const regions = [...new Set(actor.assignments.map((a) => regionOfPath(a.unitPath) ?? ''))].filter(Boolean);
  const titles = await factorTitles(db, regions);
  // Municipalities to filter by: those the actor sees and those with published practices of his region
  // (their names are public with the practices); never the whole region's list for a school.
  const municipalities = regions.length
    ? await db
        .selectDistinct({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(
          and(
            eq(orgUnits.kind, 'municipality'),
            inArray(orgUnits.parentId, regions),
            or(
              pathReadable(actor, orgUnits.path),
              sql`exists (select 1 from practices p join org_units a on a.id = p.author_unit_id
                where p.status = 'published' and (a.id = ${orgUnits.id} or a.parent_id = ${orgUnits.id}))`,
            ),
          ),
        )
        .orderBy(asc(orgUnits.name))
    : [];
  const own = authorPaths(actor);
  const authorUnits = own.length
    ? await db
        .select({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(inArray(orgUnits.path, own))
    : [];
  return {
    riskFactors: [...titles.entries()].map(([key, title]) => ({ key, title })),
    subjects: [...PRACTICE_SUBJECTS],
    municipalities: municipalities.sort(byRussian((m) => m.name)),
    criteria: PRACTICE_CRITERIA.map((c) => ({ key: c.key, title: c.title, max: c.max })),
    authorUnits: authorUnits.sort(byRussian((u) => u.name)),
    resilientHint: await resilientHintFor(db, actor),
  };
}
