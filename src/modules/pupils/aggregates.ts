import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { pupilRecords } from '../../db/schema/pupils.js';
import { PUPIL_CATEGORIES } from '../../db/schema/values.js';
import { AppError, notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { pupilSummaryVisible } from '../access/pupil-rules.js';
import { defaultPair, loadFacts, pupilDynamics } from './dynamics.js';
import {
  CATEGORY_NAMES,
  CAUSE_GROUP_KEYS,
  CAUSE_GROUPS,
  causeGroupOf,
  DYNAMICS,
  DYNAMICS_NAMES,
  defaultCheckpoints,
} from './reference.js';
import { PUPIL_MSG } from './strings.js';
import { type Cell, shareOf, suppressTable } from './suppress.js';

// Counts of pupils at risk above the school (issue 14 §2): by category, cause group, grade, subject and
// dynamics, per municipality (for the region) or per school (for a municipality or a school), with
// every count from 1 to 4 replaced by «менее 5» here, on the server, and complementary cells hidden
// (suppress.ts). No row about one pupil and no name ever reaches this answer.

type Row = { id: string; name: string };
type Fact = Awaited<ReturnType<typeof loadFacts>>['facts'][number] & { unitId: string };

function table(
  rows: Row[],
  facts: Fact[],
  columns: { key: string; name: string }[],
  valuesOf: (f: Fact) => string[],
  exclusive: boolean,
) {
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const counts = rows.map(() => columns.map(() => 0));
  const rowTotals = rows.map(() => 0);
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  for (const f of facts) {
    const i = rowIndex.get(f.unitId);
    if (i === undefined) continue;
    rowTotals[i] = (rowTotals[i] ?? 0) + 1;
    for (const v of new Set(valuesOf(f))) {
      const j = index.get(v);
      const line = counts[i];
      if (j !== undefined && line) line[j] = (line[j] ?? 0) + 1;
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
  const schools = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, 'school'),
        sql`${orgUnits.path} like ${`${unit.path}%`}`,
        pupilSummaryVisible(actor, orgUnits.path),
      ),
    );
  const rowOfSchool = new Map<string, string>();
  for (const s of schools) {
    const row = rows.find((r) => s.path.includes(`/${r.id}/`));
    if (row) rowOfSchool.set(s.id, row.id);
  }
  const schoolIds = [...rowOfSchool.keys()];
  const loaded = schoolIds.length
    ? await loadFacts(db, and(inArray(pupilRecords.schoolId, schoolIds), eq(pupilRecords.year, opts.year)))
    : { facts: [], keys: new Set<string>() };
  const all: Fact[] = loaded.facts.map((f) => ({ ...f, unitId: rowOfSchool.get(f.schoolId) ?? '' }));
  const active = all.filter((f) => f.excludedOn === null);
  const subjects = [...new Set(active.flatMap((f) => f.subjects))].sort(byRussian((s) => s));
  const grades = [...new Set(active.map((f) => f.grade))].sort((a, b) => a - b);
  const checkpoints = defaultCheckpoints(opts.year);
  const known = new Set([...checkpoints.map((c) => c.key)]);
  const keys = [
    ...checkpoints.map((c) => c.key).filter((k) => loaded.keys.has(k)),
    ...[...loaded.keys].filter((k) => !known.has(k)),
  ];
  const pair = defaultPair(
    keys.map((k, i) => ({ key: k, name: k, date: '', sort: i })),
    loaded.keys,
  );
  const from = opts.from ?? pair.from;
  const to = opts.to ?? pair.to;
  const dyn = from && to ? pupilDynamics(all, from, to) : [];
  const dynOf = new Map(dyn.map((d) => [d.pupil.id, d.dynamics]));
  const cohort = all.filter((f) => dynOf.has(f.id));
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
      (f) => [f.category],
      true,
    ),
    byCauseGroup: table(
      rows,
      active,
      CAUSE_GROUP_KEYS.map((g) => ({ key: g, name: CAUSE_GROUPS[g].name })),
      (f) => f.causes.map((c) => causeGroupOf(c) ?? ''),
      false,
    ),
    byGrade: table(
      rows,
      active,
      grades.map((g) => ({ key: String(g), name: `${g} класс` })),
      (f) => [String(f.grade)],
      true,
    ),
    bySubject: table(
      rows,
      active,
      subjects.map((s) => ({ key: s, name: s })),
      (f) => f.subjects,
      false,
    ),
    byDynamics: table(
      rows,
      cohort,
      [...DYNAMICS.map((d) => ({ key: d, name: DYNAMICS_NAMES[d] })), { key: 'noData', name: 'Нет данных' }],
      (f) => [dynOf.get(f.id) ?? 'noData'],
      true,
    ),
  };
}
