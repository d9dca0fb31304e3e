import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { diagnosticResults, staffMembers } from '../../db/schema/people.js';
import { notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable, readablePrefixes } from '../access/actor.js';
import { staffReader } from '../access/people-rules.js';
import { type LoadedDiagnostic, loadDiagnostic } from './access.js';
import { fullNameOf } from './import-store.js';
import type { distributionView, summaryView } from './views.js';

// The results of a diagnostic for a unit: the distribution of levels (total and per block) for the unit
// and each unit below it — counts; shares are counts over `total` — and the teachers' list with levels
// for those who read teachers' data (`staffVisible` minus the teacher himself: he has «Мои результаты»).

type Summary = z.infer<typeof summaryView>;
type Distribution = z.infer<typeof distributionView>;
export const TEACHERS_LIMIT = 1000;

const empty = (): Distribution => ({ total: 0, levels: {}, blocks: {} });

/** The unit to show by default: the owner if the actor reads it, else his own unit inside the owner. */
async function unitToShow(db: Db, actor: Actor, d: LoadedDiagnostic, unitId: string | undefined) {
  const reader = staffReader(actor);
  const cols = {
    id: orgUnits.id,
    name: orgUnits.name,
    kind: orgUnits.kind,
    path: orgUnits.path,
    parentId: orgUnits.parentId,
  };
  if (unitId) {
    const [u] = await db
      .select(cols)
      .from(orgUnits)
      .where(and(eq(orgUnits.id, unitId), pathReadable(reader, orgUnits.path)));
    if (!u) throw notFound('Организация');
    return u;
  }
  const prefixes = readablePrefixes(reader);
  const path = prefixes.some((p) => d.ownerPath.startsWith(p))
    ? d.ownerPath
    : prefixes.find((p) => p.startsWith(d.ownerPath));
  const [u] = path ? await db.select(cols).from(orgUnits).where(eq(orgUnits.path, path)) : [];
  if (!u) throw notFound('Организация');
  return u;
}

type CountRow = { path: string; level: string; block: string | null; n: number };

export async function getSummary(
  db: Db,
  opts: { actor: Actor; diagnosticId: string; unitId?: string | undefined; teachersLimit?: number },
): Promise<Summary> {
  const { actor } = opts;
  const limit = opts.teachersLimit ?? TEACHERS_LIMIT;
  const d = await loadDiagnostic(db, actor, opts.diagnosticId);
  const unit = await unitToShow(db, actor, d, opts.unitId);
  const reader = staffReader(actor);
  const scope = and(
    eq(diagnosticResults.diagnosticId, d.id),
    like(orgUnits.path, `${unit.path}%`),
    pathReadable(reader, orgUnits.path),
  );
  // One row per school and total level, and one per school, block and block level.
  const totals = await db
    .select({ path: orgUnits.path, level: diagnosticResults.level, n: sql<number>`count(*)::int` })
    .from(diagnosticResults)
    .innerJoin(orgUnits, eq(orgUnits.id, diagnosticResults.schoolId))
    .where(scope)
    .groupBy(orgUnits.path, diagnosticResults.level);
  const blockRows = await db
    .select({
      path: orgUnits.path,
      block: sql<string>`b.key`,
      level: sql<string>`b.value`,
      n: sql<number>`count(*)::int`,
    })
    .from(diagnosticResults)
    .innerJoin(orgUnits, eq(orgUnits.id, diagnosticResults.schoolId))
    .innerJoin(sql`jsonb_each_text(${diagnosticResults.blockLevels}) as b`, sql`true`)
    .where(scope)
    .groupBy(orgUnits.path, sql`b.key`, sql`b.value`);
  const children = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, unit.id), pathReadable(reader, orgUnits.path)));
  const withKids = new Set(
    (
      await db
        .select({ parentId: orgUnits.parentId })
        .from(orgUnits)
        .where(like(orgUnits.path, `${unit.path}%/%/`))
        .groupBy(orgUnits.parentId)
    ).map((r) => r.parentId),
  );
  const all = empty();
  const perChild = new Map(children.map((c) => [c.id, empty()]));
  const childOf = (path: string) => children.find((c) => path.startsWith(c.path));
  const add = (dist: Distribution, r: CountRow) => {
    if (r.block === null) {
      dist.total += r.n;
      dist.levels[r.level] = (dist.levels[r.level] ?? 0) + r.n;
    } else {
      const b = dist.blocks[r.block] ?? {};
      b[r.level] = (b[r.level] ?? 0) + r.n;
      dist.blocks[r.block] = b;
    }
  };
  for (const r of [...totals.map((t) => ({ ...t, block: null })), ...blockRows] as CountRow[]) {
    add(all, r);
    const c = childOf(r.path);
    const dist = c && perChild.get(c.id);
    if (dist) add(dist, r);
  }
  const teachers = await db
    .select({
      staffId: staffMembers.id,
      lastName: staffMembers.lastName,
      firstName: staffMembers.firstName,
      middleName: staffMembers.middleName,
      position: staffMembers.position,
      schoolName: orgUnits.name,
      scores: diagnosticResults.scores,
      totalPercent: diagnosticResults.totalPercent,
      level: diagnosticResults.level,
      blockLevels: diagnosticResults.blockLevels,
      matchedBy: diagnosticResults.matchedBy,
    })
    .from(diagnosticResults)
    .innerJoin(orgUnits, eq(orgUnits.id, diagnosticResults.schoolId))
    .innerJoin(staffMembers, eq(staffMembers.id, diagnosticResults.staffMemberId))
    .where(scope)
    .orderBy(asc(staffMembers.id))
    .limit(limit + 1);
  return {
    diagnosticId: d.id,
    unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId },
    all,
    children: children
      .map((c) => ({
        ...(perChild.get(c.id) ?? empty()),
        unitId: c.id,
        name: c.name,
        kind: c.kind,
        hasChildren: withKids.has(c.id),
      }))
      .filter((c) => c.total > 0)
      .sort(byRussian((c) => c.name)),
    teachers: teachers
      .slice(0, limit)
      .map(({ lastName, firstName, middleName, ...t }) => ({
        ...t,
        fullName: fullNameOf({ lastName, firstName, middleName }),
      }))
      .sort(
        (a, b) =>
          byRussian<typeof a>((x) => x.schoolName)(a, b) || byRussian<typeof a>((x) => x.fullName)(a, b),
      ),
    teachersTruncated: teachers.length > limit,
  };
}
