import type { Db } from '../../db/client.js';
import { invalid } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import type { UnitRef } from '../organisation/body-access.js';
import { readableUnitOfRegion } from '../organisation/get-coverage.js';
import { beforeAfterChart, distributionChart, municipalitiesChart, summarise } from './change-summary.js';
import { allMembers, type ListRow, shnorLists, visibleMembers } from './list-members.js';
import { regionData } from './region-data.js';
import { resultChanges } from './result-change.js';
import { schoolWork } from './school-work.js';
import { ANALYSIS_TEXT, CHANGE_WORDS } from './strings.js';
import type { PositiveChangeView, SchoolChangeView } from './views.js';

// «Позитивные изменения» (issue 13 §3): for each school of year T's approved ШНОР list, the change from T to
// T+1 — R and the low procedures (identification of opora-default), the share of «2» per procedure, whether
// it left the list (T+1's approved list, else its draft — the view says which), stagnation (on the list
// again), its high risks было → стало, the execution of its roadmap and its programmes. Summaries for the
// unit and for each municipality below it. Access in the query: a region sees every school, a municipality
// his, a curator the schools he is assigned to; an unseen unit is 404.

export async function getPositiveChange(
  db: Db,
  opts: { actor: Actor; unitId: string; year?: number },
): Promise<PositiveChangeView> {
  const unit = await readableUnitOfRegion(db, opts.actor, opts.unitId);
  return positiveChangeOf(db, { unit, year: opts.year, actor: opts.actor });
}

/**
 * Positive change below a unit. `actor` null: every school of the list below the unit, for a computation
 * over units already in scope (a monitoring's participants, chosen within its owner's subtree).
 */
export async function positiveChangeOf(
  db: Db,
  opts: { unit: UnitRef & { regionId: string }; year?: number; actor: Actor | null },
): Promise<PositiveChangeView> {
  const { unit } = opts;
  const unitRef = { id: unit.id, name: unit.name, kind: unit.kind };
  const data = await regionData(db, unit.regionId);
  const has = new Set(data.years);
  const lists = await shnorLists(db, unit.regionId);
  const usable = lists.filter((l) => l.status === 'approved' && has.has(l.year) && has.has(l.year + 1));
  const years = usable.map((l) => l.year);
  if (opts.year !== undefined && !years.includes(opts.year))
    throw invalid(ANALYSIS_TEXT.noListYear(opts.year));
  const list = usable.find((l) => l.year === (opts.year ?? years.at(-1)));
  if (!list) {
    return {
      unit: unitRef,
      year: null,
      years,
      list: null,
      nextList: null,
      nextListBasis: '',
      message: ANALYSIS_TEXT.noChangeYears,
      summary: null,
      units: [],
      schools: [],
      charts: { beforeAfter: null, distribution: null, municipalities: null },
      sources: null,
    };
  }
  const T = list.year;
  const next = lists.find((l) => l.year === T + 1) ?? null;
  const nextSchools = next ? ((await allMembers(db, [next])).get(next.id) ?? new Set<string>()) : null;
  const basis = !next
    ? CHANGE_WORDS.noNextList(T + 1)
    : next.status === 'approved'
      ? CHANGE_WORDS.nextListApproved(T + 1, orderText(next))
      : CHANGE_WORDS.nextListDraft(T + 1);

  const members = await visibleMembers(db, { actor: opts.actor, listId: list.id, unitPath: unit.path });
  const codes = members.map((m) => data.codeByOrgUnitId.get(m.schoolId) ?? '');
  const changes = resultChanges(data.pkg, codes, T);
  const work = await schoolWork(
    db,
    members.map((m) => m.schoolId),
    T,
  );
  const schools: SchoolChangeView[] = members.map((m, i) => {
    const c = changes.get(codes[i] as string);
    const w = work.get(m.schoolId);
    const rBefore = c?.rBefore ?? null;
    const rAfter = c?.rAfter ?? null;
    return {
      school: { id: m.schoolId, name: m.schoolName },
      municipality: { id: m.municipalityId, name: m.municipalityName },
      rBefore,
      rAfter,
      rChange: rBefore !== null && rAfter !== null ? rAfter - rBefore : null,
      lowBefore: c?.lowBefore ?? null,
      lowAfter: c?.lowAfter ?? null,
      leftList: nextSchools ? !nextSchools.has(m.schoolId) : null,
      stagnating: nextSchools ? nextSchools.has(m.schoolId) : null,
      highRisksBefore: w?.highRisksBefore ?? null,
      highRisksAfter: w?.highRisksAfter ?? null,
      roadmapDone: w?.roadmapDone ?? null,
      roadmapTotal: w?.roadmapTotal ?? null,
      programs: w?.programs ?? 0,
      procedures: c?.procedures ?? [],
      subjects: c?.subjects ?? [],
    };
  });
  schools.sort(byRussian((s) => s.school.name));

  // The municipalities below a region, each with the schools of it the actor sees.
  const units =
    unit.kind === 'region'
      ? groupBy(schools, (s) => s.municipality.id)
          .map((rows) =>
            summarise(
              {
                id: rows[0]?.municipality.id ?? '',
                name: rows[0]?.municipality.name ?? '',
                kind: 'municipality',
              },
              rows,
              nextSchools !== null,
            ),
          )
          .sort(byRussian((u) => u.unit.name))
      : [];
  const summary = summarise(unitRef, schools, nextSchools !== null);
  return {
    unit: unitRef,
    year: T,
    years,
    list: listRef(list),
    nextList: next ? listRef(next) : null,
    nextListBasis: basis,
    message: null,
    summary,
    units,
    schools,
    charts: {
      beforeAfter: beforeAfterChart(schools, T),
      distribution: distributionChart(schools),
      municipalities: unit.kind === 'region' ? municipalitiesChart(units, T) : null,
    },
    sources: {
      r: CHANGE_WORDS.source.r(T),
      left: CHANGE_WORDS.source.left(T, basis),
      low: CHANGE_WORDS.source.low(T),
      execution: CHANGE_WORDS.source.execution(T),
      risks: CHANGE_WORDS.source.risks(),
    },
  };
}

const listRef = (l: ListRow) => ({
  id: l.id,
  year: l.year,
  status: l.status,
  orderNumber: l.orderNumber,
  orderDate: l.orderDate,
});

const orderText = (l: ListRow) =>
  l.orderNumber
    ? `приказ № ${l.orderNumber}${l.orderDate ? ` от ${ruDate(l.orderDate)}` : ''}`
    : 'без приказа';

const ruDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

function groupBy<T>(xs: T[], key: (x: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    m.set(k, [...(m.get(k) ?? []), x]);
  }
  return [...m.values()];
}
