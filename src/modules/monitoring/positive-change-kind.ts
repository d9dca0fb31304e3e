import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError } from '../../lib/errors.js';
import { regionOfPath } from '../access/region-level.js';
import { summarise } from '../analysis/change-summary.js';
import { positiveChangeOf } from '../analysis/positive-change.js';
import type { PositiveChangeView, SchoolChangeView } from '../analysis/views.js';
import type { ComputeArgs, ComputedDetail, ComputedTable } from './computed.js';

// «Мониторинг наступления позитивных изменений» (issue 13 §2–3, г. Пенза): for each participant, the ШНОР
// of the monitoring's list year below it and their change to the next year — the same rows and the same
// summary as the page «Позитивные изменения» (analysis/positive-change.ts), computed once for the region
// and grouped by participant (a school is its own row, a municipality its schools).

const COLUMNS: ComputedTable['columns'] = [
  { key: 'schools', label: 'ШНОР списка', unit: 'count' },
  { key: 'withResults', label: 'С результатами обоих лет', unit: 'count' },
  { key: 'improved', label: 'R вырос', unit: 'count' },
  { key: 'meanChange', label: 'Среднее изменение R', unit: 'share' },
  { key: 'left', label: 'Вышли из списка', unit: 'count' },
  { key: 'stagnating', label: 'Снова в списке', unit: 'count' },
  { key: 'lowBefore', label: 'Низких процедур (было)', unit: 'count' },
  { key: 'lowAfter', label: 'Низких процедур (стало)', unit: 'count' },
  { key: 'executionShare', label: 'Исполнение карт школ', unit: 'share' },
];

/** The region's positive change of the list year, or the reason there is none. */
async function regionChange(db: Db, args: ComputeArgs): Promise<PositiveChangeView | string> {
  const regionId = args.units[0] ? regionOfPath(args.units[0].path) : null;
  if (!regionId) return 'Нет участников';
  const [region] = await db
    .select({
      id: orgUnits.id,
      kind: orgUnits.kind,
      parentId: orgUnits.parentId,
      path: orgUnits.path,
      name: orgUnits.name,
    })
    .from(orgUnits)
    .where(eq(orgUnits.id, regionId));
  if (!region) return 'Нет участников';
  try {
    const view = await positiveChangeOf(db, { unit: { ...region, regionId }, year: args.year, actor: null });
    return view.summary ? view : (view.message ?? 'Нет данных');
  } catch (e) {
    // A list year without the next year's results: the monitoring says so instead of failing.
    if (e instanceof AppError) return e.message;
    throw e;
  }
}

const ofUnit = (view: PositiveChangeView, unitId: string): SchoolChangeView[] =>
  view.schools.filter((s) => s.school.id === unitId || s.municipality.id === unitId);

export async function positiveChangeTable(db: Db, args: ComputeArgs): Promise<ComputedTable> {
  const view = await regionChange(db, args);
  if (typeof view === 'string') return { columns: COLUMNS, rows: [], note: view };
  const nextKnown = view.nextList !== null;
  const rows = args.units.map((u) => {
    const s = summarise({ id: u.id, name: '', kind: 'school' }, ofUnit(view, u.id), nextKnown);
    const { unit: _, meanBefore: _b, meanAfter: _a, ...values } = s;
    return { unitId: u.id, values };
  });
  const note =
    `ШНОР утверждённого списка ${view.year} года и изменение к ${(view.year ?? 0) + 1} году: R — индекс ` +
    `результатов методики opora-default; ${nextKnown ? `выход и повторное включение — по ${view.nextListBasis}` : view.nextListBasis}`;
  return { columns: COLUMNS, rows, note };
}

/** The participant's schools behind its row. */
export async function positiveChangeSchools(
  db: Db,
  args: ComputeArgs & { unit: { id: string; path: string; kind: string } },
): Promise<ComputedDetail> {
  const view = await regionChange(db, { ...args, units: [args.unit] });
  const rows = typeof view === 'string' ? [] : ofUnit(view, args.unit.id);
  const share = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  return {
    columns: [
      { key: 'school', label: 'Школа' },
      { key: 'rBefore', label: 'R (было)' },
      { key: 'rAfter', label: 'R (стало)' },
      { key: 'rChange', label: 'Изменение R' },
      { key: 'lowBefore', label: 'Низких процедур (было)' },
      { key: 'lowAfter', label: 'Низких процедур (стало)' },
      { key: 'leftList', label: 'Вышла из списка' },
    ],
    rows: rows.map((r) => ({
      school: r.school.name,
      rBefore: share(r.rBefore),
      rAfter: share(r.rAfter),
      rChange: share(r.rChange),
      lowBefore: r.lowBefore,
      lowAfter: r.lowAfter,
      leftList: r.leftList,
    })),
  };
}
