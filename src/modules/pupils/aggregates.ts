import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { PUPIL_CATEGORIES, type PupilStatus } from '../../db/schema/values.js';
import { AppError, notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { pupilSummaryVisible } from '../access/pupil-rules.js';
import { defaultPair } from './dynamics.js';
import {
  CATEGORY_NAMES,
  CAUSE_GROUP_KEYS,
  CAUSE_GROUPS,
  causeGroupOf,
  DYNAMICS,
  DYNAMICS_NAMES,
  defaultCheckpoints,
  dynamicsOf,
} from './reference.js';
import { PUPIL_MSG } from './strings.js';
import { type Cell, type CountNode, shareOf, suppressTree } from './suppress.js';

// Counts of pupils at risk above the school (issue 14 §2): by category, cause group, grade, subject and
// dynamics, per municipality (for the region) or per school (for a municipality or a school), with
// every count from 1 to 4 replaced by «менее 5» here, on the server, and complementary cells hidden
// (suppress.ts). The database counts groups of pupils per school of the whole region; one tree
// (schools → municipalities → region) is suppressed per table, and every view is cut from it — so no
// level shows what another hides. Every table counts every pupil registered in the year (excluded ones
// too): equal totals, so no table's total minus another's gives a hidden cell away. No row about one
// pupil and no name ever reaches this answer.

type Row = { id: string; name: string };
/** A group of pupils of one school with the same values (counted by the database): `n` pupils. */
type Group = { schoolId: string; n: number };
/** The region's units as a tree: schools under their municipality (or the region), by path. */
type Tree = { index: Map<string, number>; parents: (number | null)[] };

function table<G extends Group>(
  tree: Tree,
  view: { rows: Row[]; unitId: string },
  groups: G[],
  columns: { key: string; name: string }[],
  valuesOf: (g: G) => string[],
  exclusive: boolean,
) {
  const col = new Map(columns.map((c, i) => [c.key, i]));
  const nodes: CountNode[] = tree.parents.map((parent) => ({
    parent,
    counts: columns.map(() => 0),
    total: 0,
  }));
  for (const g of groups) {
    // A school's pupils count in the school and in every unit above it.
    for (let i: number | null = tree.index.get(g.schoolId) ?? null; i !== null; i = tree.parents[i] ?? null) {
      const node = nodes[i] as CountNode;
      node.total += g.n;
      for (const v of new Set(valuesOf(g))) {
        const j = col.get(v);
        if (j !== undefined) node.counts[j] = (node.counts[j] ?? 0) + g.n;
      }
    }
  }
  const shown = suppressTree(nodes, exclusive);
  const of = (id: string) => shown[tree.index.get(id) ?? -1] ?? { cells: columns.map(() => 0), total: 0 };
  const shares = (cells: Cell[], total: Cell) => cells.map((c) => shareOf(c, total));
  const whole = of(view.unitId);
  return {
    columns,
    rows: view.rows.map((r) => {
      const x = of(r.id);
      return {
        unitId: r.id,
        unitName: r.name,
        total: x.total,
        cells: x.cells,
        shares: shares(x.cells, x.total),
      };
    }),
    total: { total: whole.total, cells: whole.cells, shares: shares(whole.cells, whole.total) },
  };
}

export async function pupilAggregates(
  db: Db,
  opts: { actor: Actor; unitId: string; year: number; from?: string; to?: string },
) {
  const { actor } = opts;
  const [unit] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, opts.unitId), pathReadable(actor, orgUnits.path)));
  if (!unit || !['region', 'municipality', 'school'].includes(unit.kind)) throw notFound('Организация');
  const [covered] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unit.id), pupilSummaryVisible(actor, orgUnits.path)));
  if (!covered) throw new AppError('FORBIDDEN', PUPIL_MSG.summaryOnly);
  // Rows: the municipalities of a region, the schools of a municipality, the school itself.
  const rows: Row[] =
    unit.kind === 'school'
      ? [{ id: unit.id, name: unit.name }]
      : (
          await db
            .select({ id: orgUnits.id, name: orgUnits.name })
            .from(orgUnits)
            .where(
              and(
                eq(orgUnits.parentId, unit.id),
                inArray(orgUnits.kind, unit.kind === 'region' ? ['municipality'] : ['school']),
                pupilSummaryVisible(actor, orgUnits.path),
              ),
            )
        ).sort(byRussian((r) => r.name));
  // The region's schools and municipalities: the tree every table is counted and suppressed over.
  const regionPath = `/${unit.path.split('/')[1]}/`;
  const units = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(
      and(
        sql`${orgUnits.path} like ${`${regionPath}%`}`,
        inArray(orgUnits.kind, ['region', 'municipality', 'school']),
      ),
    );
  const index = new Map(units.map((u, i) => [u.id, i]));
  const parents = units.map((u) => {
    const ids = u.path.split('/').filter(Boolean);
    for (let k = ids.length - 2; k >= 0; k--) {
      const p = index.get(ids[k] as string);
      if (p !== undefined) return p;
    }
    return null;
  });
  const tree: Tree = { index, parents };
  const view = { rows, unitId: unit.id };
  const scope = sql`from pupil_records r join org_units s on s.id = r.school_id
    where s.path like ${`${regionPath}%`} and r.year = ${opts.year}`;
  const rowsOf = async <T>(q: SQL) => (await db.execute(q)) as unknown as { rows: T[] };
  const present = new Set(
    (
      await rowsOf<{ key: string }>(
        sql`select distinct x.checkpoint_key as key from pupil_results x where x.record_id in (select r.id ${scope})`,
      )
    ).rows.map((r) => r.key),
  );
  const checkpoints = defaultCheckpoints(opts.year);
  const known = new Set([...checkpoints.map((c) => c.key)]);
  const keys = [
    ...checkpoints.map((c) => c.key).filter((k) => present.has(k)),
    ...[...present].filter((k) => !known.has(k)),
  ];
  const pair = defaultPair(
    keys.map((k, i) => ({ key: k, name: k, date: '', sort: i })),
    present,
  );
  const from = opts.from ?? pair.from;
  const to = opts.to ?? pair.to;
  // «Выбыл» counts only when he left by the later checkpoint (the school's own date, else the region's,
  // else the default one); a pupil who left later is compared like the others.
  const toDefault = checkpoints.find((c) => c.key === to)?.date ?? null;
  type Main = Group & {
    category: string;
    grade: number;
    left: boolean;
    before: PupilStatus | null;
    after: PupilStatus | null;
  };
  const main = (
    await rowsOf<Main>(sql`select r.school_id as "schoolId", r.category, r.grade,
        (r.excluded_on is not null and r.excluded_on <= coalesce((select c.date from pupil_checkpoints c
          where c.key = ${to ?? ''} and c.year = ${opts.year} and (c.unit_id = s.id or s.path like '/' || c.unit_id || '/%')
          order by (c.unit_id = s.id) desc limit 1), ${toDefault}::date, r.excluded_on)) as "left",
        b.status as before, a.status as after, count(*)::int as n
      from pupil_records r join org_units s on s.id = r.school_id
      left join pupil_results b on b.record_id = r.id and b.checkpoint_key = ${from ?? ''}
      left join pupil_results a on a.record_id = r.id and a.checkpoint_key = ${to ?? ''}
      where s.path like ${`${regionPath}%`} and r.year = ${opts.year}
      group by 1, 2, 3, 4, 5, 6`)
  ).rows;
  const arrays = async (column: SQL) =>
    (
      await rowsOf<Group & { values: string[] }>(
        sql`select r.school_id as "schoolId", ${column} as values, count(*)::int as n ${scope} group by 1, 2`,
      )
    ).rows;
  const bySubjects = await arrays(sql`r.subjects`);
  const byCauses = await arrays(sql`r.causes`);
  // What the viewer may see of the columns: the values present in his own unit.
  const mine = (schoolId: string) => (units[index.get(schoolId) ?? -1]?.path ?? '').startsWith(unit.path);
  const subjects = [...new Set(bySubjects.filter((g) => mine(g.schoolId)).flatMap((g) => g.values))].sort(
    byRussian((x) => x),
  );
  const grades = [...new Set(main.filter((g) => mine(g.schoolId)).map((g) => g.grade))].sort((a, b) => a - b);
  // Dynamics of every pupil of the year; the one rule of dynamicsOf classifies, «нет данных» without a pair.
  const dynamicsOfGroup = (g: Main) =>
    (from && to && (g.left ? 'left' : g.before && dynamicsOf(g.before, g.after, false))) || 'noData';
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    year: opts.year,
    rowsAre: unit.kind === 'region' ? ('municipalities' as const) : ('schools' as const),
    from,
    to,
    checkpointKeys: keys,
    byCategory: table(
      tree,
      view,
      main,
      PUPIL_CATEGORIES.map((c) => ({ key: c, name: CATEGORY_NAMES[c] })),
      (g) => [g.category],
      true,
    ),
    byCauseGroup: table(
      tree,
      view,
      byCauses,
      CAUSE_GROUP_KEYS.map((g) => ({ key: g, name: CAUSE_GROUPS[g].name })),
      (g) => g.values.map((c) => causeGroupOf(c) ?? ''),
      false,
    ),
    byGrade: table(
      tree,
      view,
      main,
      grades.map((g) => ({ key: String(g), name: `${g} класс` })),
      (g) => [String(g.grade)],
      true,
    ),
    bySubject: table(
      tree,
      view,
      bySubjects,
      subjects.map((x) => ({ key: x, name: x })),
      (g) => g.values,
      false,
    ),
    byDynamics: table(
      tree,
      view,
      main,
      [...DYNAMICS.map((d) => ({ key: d, name: DYNAMICS_NAMES[d] })), { key: 'noData', name: 'Нет данных' }],
      (g) => [dynamicsOfGroup(g)],
      true,
    ),
  };
}
