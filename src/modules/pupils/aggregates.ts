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
import { type Cell, shareOf, suppressTable } from './suppress.js';

// Counts of pupils at risk above the school (issue 14 §2): by category, cause group, grade, subject and
// dynamics, per municipality (for the region) or per school (for a municipality or a school), with
// every count from 1 to 4 replaced by «менее 5» here, on the server, and complementary cells hidden
// (suppress.ts). No row about one pupil and no name ever reaches this answer.

type Row = { id: string; name: string };
/** A group of pupils of one row with the same values (counted by the database): `n` pupils. */
type Group = { rowId: string; n: number };

function table<G extends Group>(
  rows: Row[],
  groups: G[],
  columns: { key: string; name: string }[],
  valuesOf: (g: G) => string[],
  exclusive: boolean,
) {
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const counts = rows.map(() => columns.map(() => 0));
  const rowTotals = rows.map(() => 0);
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  for (const g of groups) {
    const i = rowIndex.get(g.rowId);
    if (i === undefined) continue;
    rowTotals[i] = (rowTotals[i] ?? 0) + g.n;
    for (const v of new Set(valuesOf(g))) {
      const j = index.get(v);
      const line = counts[i];
      if (j !== undefined && line) line[j] = (line[j] ?? 0) + g.n;
    }
  }
  const s = suppressTable({ counts, rowTotals, exclusive });
  const shares = (cells: Cell[], total: Cell) => cells.map((c) => shareOf(c, total));
  return {
    columns,
    rows: rows.map((r, i) => ({
      unitId: r.id,
      unitName: r.name,
      total: s.rowTotals[i] as Cell,
      cells: s.cells[i] as Cell[],
      shares: shares(s.cells[i] as Cell[], s.rowTotals[i] as Cell),
    })),
    total: { total: s.grandTotal, cells: s.columnTotals, shares: shares(s.columnTotals, s.grandTotal) },
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
  // The database counts groups of pupils (no record leaves it): a region of 60,000 pupils is a few
  // grouped scans. A row is the school's municipality for a region, the school otherwise.
  const rowOf = unit.kind === 'region' ? sql`split_part(s.path, '/', 3)` : sql`s.id::text`;
  const scope = sql`from pupil_records r join org_units s on s.id = r.school_id
    where s.kind = 'school' and s.path like ${`${unit.path}%`} and ${pupilSummaryVisible(actor, sql`s.path`)}
      and r.year = ${opts.year}`;
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
  type Main = Group & {
    category: string;
    grade: number;
    left: boolean;
    before: PupilStatus | null;
    after: PupilStatus | null;
  };
  const main = (
    await rowsOf<Main>(sql`select ${rowOf} as "rowId", r.category, r.grade, r.excluded_on is not null as "left",
        b.status as before, a.status as after, count(*)::int as n
      from pupil_records r join org_units s on s.id = r.school_id
      left join pupil_results b on b.record_id = r.id and b.checkpoint_key = ${from ?? ''}
      left join pupil_results a on a.record_id = r.id and a.checkpoint_key = ${to ?? ''}
      where s.kind = 'school' and s.path like ${`${unit.path}%`} and ${pupilSummaryVisible(actor, sql`s.path`)}
        and r.year = ${opts.year}
      group by 1, 2, 3, 4, 5, 6`)
  ).rows;
  const arrays = async (column: SQL) =>
    (
      await rowsOf<Group & { values: string[] }>(
        sql`select ${rowOf} as "rowId", ${column} as values, count(*)::int as n ${scope} and r.excluded_on is null
          group by 1, 2`,
      )
    ).rows;
  const bySubjects = await arrays(sql`r.subjects`);
  const byCauses = await arrays(sql`r.causes`);
  const active = main.filter((g) => !g.left);
  const subjects = [...new Set(bySubjects.flatMap((g) => g.values))].sort(byRussian((x) => x));
  const grades = [...new Set(active.map((g) => g.grade))].sort((a, b) => a - b);
  // The cohort of the dynamics: pupils with a result at `from`; the one rule of dynamicsOf classifies.
  const cohort = from && to ? main.filter((g) => g.before !== null) : [];
  const dynamicsOfGroup = (g: Main) => (g.before && dynamicsOf(g.before, g.after, g.left)) ?? 'noData';
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    year: opts.year,
    rowsAre: unit.kind === 'region' ? ('municipalities' as const) : ('schools' as const),
    from,
    to,
    checkpointKeys: keys,
    byCategory: table(
      rows,
      active,
      PUPIL_CATEGORIES.map((c) => ({ key: c, name: CATEGORY_NAMES[c] })),
      (g) => [g.category],
      true,
    ),
    byCauseGroup: table(
      rows,
      byCauses,
      CAUSE_GROUP_KEYS.map((g) => ({ key: g, name: CAUSE_GROUPS[g].name })),
      (g) => g.values.map((c) => causeGroupOf(c) ?? ''),
      false,
    ),
    byGrade: table(
      rows,
      active,
      grades.map((g) => ({ key: String(g), name: `${g} класс` })),
      (g) => [String(g.grade)],
      true,
    ),
    bySubject: table(
      rows,
      bySubjects,
      subjects.map((x) => ({ key: x, name: x })),
      (g) => g.values,
      false,
    ),
    byDynamics: table(
      rows,
      cohort,
      [...DYNAMICS.map((d) => ({ key: d, name: DYNAMICS_NAMES[d] })), { key: 'noData', name: 'Нет данных' }],
      (g) => [dynamicsOfGroup(g)],
      true,
    ),
  };
}
