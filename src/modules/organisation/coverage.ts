import type { Db } from '../../db/client.js';
import type { CoverageBinding, CoverageMetric, EventKind, SchoolGroup } from '../../db/schema/values.js';
import { isPeopleMetric, peopleBindingValues } from '../people-coverage/binding-values.js';
import {
  type EventCounts,
  eventCounts,
  heldEventCounts,
  meetingCounts,
  municipalityEventCounts,
  type ShnorCounts,
  shnorCounts,
} from './coverage-sql.js';
import { type ListInForce, listInForce } from './list-in-force.js';
import { schoolYearPeriod, todayIso } from './school-year.js';

// THE definition of every coverage metric (issue 12 §4): the summary endpoint, the «Пробелы» page and
// the bound roadmap indicators all read their numbers from here. The SQL is in coverage-sql.ts; this
// file decides the base of each share (the ШНОР list in force, the group's schools, the period).

export type Period = { from: string; to: string };

/** n of total in percent, one decimal; no base — no share (never 0 % of nothing). */
export const shareOf = (n: number, total: number): number | null =>
  total > 0 ? Math.round((1000 * n) / total) / 10 : null;

export type EventCoverage = Omit<EventCounts, 'unitId'> & {
  schoolsShare: number | null;
  teachersShare: number | null;
};

export type UnitCoverage = {
  unitId: string;
  shnor: Omit<ShnorCounts, 'unitId'>;
  events: Record<SchoolGroup, EventCoverage>;
  meetingsHeld: number;
};

export type CoverageBase = {
  year: number;
  period: Period;
  /** the ШНОР list in force for the year (null: none approved yet — no ШНОР shares) */
  shnorList: ListInForce | null;
  riskZoneList: ListInForce | null;
};

export async function coverageBase(
  db: Db,
  opts: { regionId: string; year: number; period?: Period },
): Promise<CoverageBase> {
  const [shnorList, riskZoneList] = await Promise.all([
    listInForce(db, { regionId: opts.regionId, year: opts.year, kind: 'shnor' }),
    listInForce(db, { regionId: opts.regionId, year: opts.year, kind: 'riskZone' }),
  ]);
  return { year: opts.year, period: opts.period ?? schoolYearPeriod(opts.year), shnorList, riskZoneList };
}

/** The list whose schools make a group (null for «all schools»: every school of the subtree). */
const listOfGroup = (base: CoverageBase, group: SchoolGroup): string | null =>
  group === 'all' ? null : group === 'shnor' ? (base.shnorList?.id ?? null) : (base.riskZoneList?.id ?? null);

function withShares({ unitId: _, ...c }: EventCounts): EventCoverage {
  return {
    ...c,
    schoolsShare: shareOf(c.schoolsAttended, c.schools),
    teachersShare: shareOf(c.teachersAttendedStaffed, c.teachers),
  };
}

/** Every metric for each unit (a few statements for all of them), event metrics over all event kinds. */
export async function coverageOfUnits(
  db: Db,
  opts: { base: CoverageBase; unitIds: string[]; kinds?: EventKind[] },
): Promise<UnitCoverage[]> {
  const { base, unitIds } = opts;
  const events = async (group: SchoolGroup) =>
    eventCounts(db, {
      unitIds,
      group,
      groupListId: listOfGroup(base, group),
      ...base.period,
      kinds: opts.kinds,
    });
  const shnor = await shnorCounts(db, { unitIds, listId: base.shnorList?.id ?? null, year: base.year });
  const all = await events('all');
  const sh = await events('shnor');
  const rz = await events('risk_zone');
  const meetings = await meetingCounts(db, { unitIds, ...base.period, today: todayIso() });
  const byUnit = <T extends { unitId: string }>(rows: T[]) => new Map(rows.map((r) => [r.unitId, r]));
  const [mShnor, mAll, mSh, mRz, mMeet] = [
    byUnit(shnor),
    byUnit(all),
    byUnit(sh),
    byUnit(rz),
    byUnit(meetings),
  ];
  return unitIds.map((unitId) => {
    const { unitId: _, ...counts } = mShnor.get(unitId) ?? emptyShnor(unitId);
    return {
      unitId,
      shnor: counts,
      events: {
        all: withShares(mAll.get(unitId) ?? emptyEvents(unitId)),
        shnor: withShares(mSh.get(unitId) ?? emptyEvents(unitId)),
        risk_zone: withShares(mRz.get(unitId) ?? emptyEvents(unitId)),
      },
      meetingsHeld: mMeet.get(unitId)?.meetingsHeld ?? 0,
    };
  });
}

const emptyShnor = (unitId: string): ShnorCounts => ({
  unitId,
  total: 0,
  withCurator: 0,
  withMentor: 0,
  withAgreement: 0,
  withRoadmap: 0,
  withProgram: 0,
  withVerifiedProfile: 0,
});
const emptyEvents = (unitId: string): EventCounts => ({
  unitId,
  schools: 0,
  schoolsAttended: 0,
  teachers: 0,
  schoolsWithoutStaff: 0,
  teachersAttended: 0,
  teachersAttendedStaffed: 0,
  participants: 0,
});

const SHNOR_FIELD: Partial<Record<CoverageMetric, keyof Omit<ShnorCounts, 'unitId' | 'total'>>> = {
  shnor_with_curator: 'withCurator',
  shnor_with_mentor: 'withMentor',
  shnor_with_agreement: 'withAgreement',
  shnor_with_roadmap: 'withRoadmap',
  shnor_with_program: 'withProgram',
  shnor_with_verified_profile: 'withVerifiedProfile',
};

/**
 * The value of a bound indicator for each unit: % or a count (METRIC_UNITS). Units sharing the year,
 * period, group and kinds of a binding are answered by one set of statements; only the statement the
 * metric needs is run. Null: no base to take a share of.
 */
export async function bindingValues(
  db: Db,
  opts: { base: CoverageBase; unitIds: string[]; binding: CoverageBinding },
): Promise<Map<string, number | null>> {
  const { base, unitIds, binding } = opts;
  // Teachers' support (issue 14 §1): the SQL of modules/people-coverage.
  if (isPeopleMetric(binding.metric)) return peopleBindingValues(db, opts);
  const out = new Map<string, number | null>();
  const field = SHNOR_FIELD[binding.metric];
  if (field) {
    const rows = await shnorCounts(db, { unitIds, listId: base.shnorList?.id ?? null, year: base.year });
    for (const r of rows) out.set(r.unitId, shareOf(r[field], r.total));
    return out;
  }
  if (binding.metric === 'municipalities_at_events') {
    for (const r of await municipalityEventCounts(db, { unitIds, ...base.period, kinds: binding.eventKinds }))
      out.set(r.unitId, shareOf(r.attended, r.municipalities));
    return out;
  }
  if (binding.metric === 'events_held') {
    for (const r of await heldEventCounts(db, { unitIds, ...base.period, kinds: binding.eventKinds }))
      out.set(r.unitId, r.eventsHeld);
    return out;
  }
  if (binding.metric === 'meetings_held') {
    for (const r of await meetingCounts(db, { unitIds, ...base.period, today: todayIso() }))
      out.set(r.unitId, r.meetingsHeld);
    return out;
  }
  const group = binding.group ?? 'all';
  const rows = await eventCounts(db, {
    unitIds,
    group,
    groupListId: listOfGroup(base, group),
    ...base.period,
    kinds: binding.eventKinds,
  });
  for (const r of rows) {
    const c = withShares(r);
    out.set(
      r.unitId,
      binding.metric === 'schools_at_events'
        ? c.schoolsShare
        : binding.metric === 'teachers_at_events'
          ? c.teachersShare
          : c.participants,
    );
  }
  return out;
}
