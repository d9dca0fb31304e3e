import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  identificationLists,
  identificationResults,
  identificationRuns,
  type ListStatus,
  listDecisions,
} from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { approvedListOfYear } from './approved-lists.js';
import type { Flags, LowProcedure } from './identify.js';
import { type ListEntry, loadEntries, type SchoolRef, type UnitRef } from './list-entries.js';
import { includedSchools } from './list-rule.js';
import { accessFor, isRegionReader, loadListAccess } from './lists-access.js';
import type { listComparisonView, municipalityConcentrationView, schoolCardView } from './views.js';

// Views of a list: the comparison with the previous year's approved list, the concentration of ШНОР by
// municipality, and a school's card over all years. Each one shows only what the actor may see.

export type SchoolBrief = { id: string; name: string; municipality: UnitRef | null };

const brief = (s: SchoolRef): SchoolBrief => ({ id: s.id, name: s.name, municipality: s.municipality });
const byName = byRussian((s: SchoolBrief) => s.name);
const byPlace = (a: SchoolBrief, b: SchoolBrief) =>
  byRussian((s: SchoolBrief) => s.municipality?.name ?? '')(a, b) || byName(a, b);

export type ListComparison = z.infer<typeof listComparisonView>;

/**
 * The list's included schools against those of the previous year's approved list: new, left, stayed.
 * Without an approved list of the previous year every array is empty and `previousListId` is null.
 */
export async function listComparison(
  db: Db,
  opts: { actor: Actor; listId: string },
): Promise<ListComparison> {
  const access = await loadListAccess(db, opts.actor, opts.listId);
  const { list } = access;
  const previousYear = list.year - 1;
  const prev = await approvedListOfYear(db, list.regionId, previousYear, list.kind);
  if (!prev)
    return { previousListId: null, previousYear, previousOrder: null, new: [], left: [], stayed: [] };
  const [current, previous] = await Promise.all([
    loadEntries(db, access),
    loadEntries(db, accessFor(opts.actor, prev, access.region)),
  ]);
  const included = (entries: ListEntry[]) =>
    new Map(entries.filter((e) => e.included).map((e) => [e.school.id, brief(e.school)]));
  const cur = included(current);
  const old = included(previous);
  return {
    previousListId: prev.id,
    previousYear,
    previousOrder: { number: prev.orderNumber, date: prev.orderDate },
    new: [...cur]
      .filter(([id]) => !old.has(id))
      .map(([, s]) => s)
      .sort(byPlace),
    left: [...old]
      .filter(([id]) => !cur.has(id))
      .map(([, s]) => s)
      .sort(byPlace),
    stayed: [...cur]
      .filter(([id]) => old.has(id))
      .map(([, s]) => s)
      .sort(byPlace),
  };
}

export type MunicipalityConcentration = z.infer<typeof municipalityConcentrationView>;

/** ШНОР of the list by municipality, the highest share first (then more ШНОР, then by name). */
export async function municipalityConcentration(
  db: Db,
  opts: { actor: Actor; listId: string },
): Promise<MunicipalityConcentration[]> {
  const access = await loadListAccess(db, opts.actor, opts.listId);
  // Every school of the actor's scope: the share is of a municipality's schools, not of its rows.
  const entries = await loadEntries(db, access, { allOfScope: true });
  const groups = new Map<string, MunicipalityConcentration>();
  for (const e of entries) {
    const m = e.school.municipality;
    const key = m?.id ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { municipality: m, schools: 0, shnor: 0, share: 0 };
      groups.set(key, g);
    }
    g.schools++;
    if (e.included) g.shnor++;
  }
  const out = [...groups.values()];
  for (const g of out) g.share = g.schools ? g.shnor / g.schools : 0;
  return out.sort(
    (a, b) =>
      b.share - a.share ||
      b.shnor - a.shnor ||
      byRussian((g: MunicipalityConcentration) => g.municipality?.name ?? '')(a, b),
  );
}

// ---- the school card -------------------------------------------------------------------------------

export type CardYear = {
  year: number;
  /** 'approved': the year's approved list; 'run': the latest finished run (region roles only). */
  source: 'approved' | 'run';
  listId: string | null;
  runId: string;
  order: { number: string | null; date: string | null } | null;
  flags: Flags;
  /** On the approved list (the operator's decisions applied); null for a run. */
  included: boolean | null;
  decision: { decision: 'include' | 'exclude'; reason: string } | null;
  isbsh: number | null;
  cluster: number | null;
  resultIndex: number | null;
  lowProcedures: LowProcedure[];
  reasons: string[];
};

export type IndicatorValues = {
  /** Index of results R. */
  r: number | null;
  isbsh: number | null;
  /** Share of participants with «2» over the counted procedures: 1 − R. */
  lowShareAvg: number | null;
};
export type CardIndicators = {
  year: number;
  runId: string;
  school: IndicatorValues & { cluster: number | null };
  cluster: (IndicatorValues & { cluster: number; schools: number }) | null;
  region: IndicatorValues & { schools: number };
};

export type SchoolCard = z.infer<typeof schoolCardView>;

const municipality = alias(orgUnits, 'municipality');
type ResultRow = typeof identificationResults.$inferSelect;

function flagsOf(r: ResultRow): Flags {
  return {
    shnor: r.shnor,
    shnsu: r.shnsu,
    riskZone: r.riskZone,
    resilient: r.resilient,
    stagnation: r.stagnation,
    repeat: r.repeat,
    exit: r.exit,
    objectivity: r.objectivity,
  };
}

const lowShare = (r: number | null) => (r === null ? null : 1 - r);

async function averages(db: Db, runId: string, where?: SQL) {
  const [row] = await db
    .select({
      schools: sql<number>`count(*)::int`,
      r: sql<number | null>`avg(${identificationResults.resultIndex})::float8`,
      isbsh: sql<number | null>`avg(${identificationResults.isbsh})::float8`,
    })
    .from(identificationResults)
    .where(and(eq(identificationResults.runId, runId), where));
  const r = row?.r === null || row?.r === undefined ? null : Number(row.r);
  const isbsh = row?.isbsh === null || row?.isbsh === undefined ? null : Number(row.isbsh);
  return { schools: Number(row?.schools ?? 0), r, isbsh, lowShareAvg: lowShare(r) };
}

/**
 * A school's flags over all years (approved lists where there are; otherwise, for region roles, the
 * latest finished run of the year) and its indicators of the latest year against its cluster and the
 * region. Access: whoever reads the school; municipalities and schools see only approved years.
 */
export async function schoolCard(db: Db, opts: { actor: Actor; schoolId: string }): Promise<SchoolCard> {
  const { actor, schoolId } = opts;
  if (!/^[0-9a-f-]{36}$/i.test(schoolId)) throw notFound('Школа');
  const [unit] = await db
    .select({ s: orgUnits, m: { id: municipality.id, name: municipality.name, kind: municipality.kind } })
    .from(orgUnits)
    .leftJoin(municipality, eq(municipality.id, orgUnits.parentId))
    .where(and(eq(orgUnits.id, schoolId), eq(orgUnits.kind, 'school'), pathReadable(actor, orgUnits.path)));
  if (!unit) throw notFound('Школа');
  const school: SchoolRef = {
    id: unit.s.id,
    name: unit.s.name,
    code: unit.s.code,
    municipality: unit.m && unit.m.kind === 'municipality' ? { id: unit.m.id, name: unit.m.name } : null,
    isRural: unit.s.isRural,
    isSmall: unit.s.isSmall,
  };
  const regionId = unit.s.path.split('/').filter(Boolean)[0] ?? '';
  const regionLevel = isRegionReader(actor, regionId);

  const approved = await db
    .select({
      list: identificationLists,
      result: identificationResults,
      decision: { decision: listDecisions.decision, reason: listDecisions.reason },
    })
    .from(identificationLists)
    .innerJoin(
      identificationResults,
      and(
        eq(identificationResults.runId, identificationLists.runId),
        eq(identificationResults.schoolId, schoolId),
      ),
    )
    .leftJoin(
      listDecisions,
      and(eq(listDecisions.listId, identificationLists.id), eq(listDecisions.schoolId, schoolId)),
    )
    .where(
      and(
        eq(identificationLists.regionId, regionId),
        // The card's years are the school's ШНОР history; other lists are shown on their own pages.
        eq(identificationLists.kind, 'shnor'),
        eq(identificationLists.status, 'approved' satisfies ListStatus),
      ),
    )
    .orderBy(asc(identificationLists.year), desc(identificationLists.approvedAt));

  const years = new Map<number, CardYear>();
  for (const { list, result, decision } of approved) {
    if (years.has(list.year)) continue;
    const d = decision?.decision ? { decision: decision.decision, reason: decision.reason ?? '' } : null;
    const included = includedSchools(
      new Set(result.shnor ? [schoolId] : []),
      d ? [{ schoolId, decision: d.decision }] : [],
    ).has(schoolId);
    years.set(list.year, {
      year: list.year,
      source: 'approved',
      listId: list.id,
      runId: list.runId,
      order: { number: list.orderNumber, date: list.orderDate },
      flags: { ...flagsOf(result), shnor: included },
      included,
      decision: d,
      isbsh: result.isbsh,
      cluster: result.cluster,
      resultIndex: result.resultIndex,
      lowProcedures: (result.lowProcedures ?? []) as LowProcedure[],
      reasons: [...((result.reasons ?? []) as string[]), ...(d ? [decisionReason(d)] : [])],
    });
  }

  if (regionLevel) {
    const runs = await db
      .select({ run: identificationRuns, result: identificationResults })
      .from(identificationRuns)
      .innerJoin(
        identificationResults,
        and(
          eq(identificationResults.runId, identificationRuns.id),
          eq(identificationResults.schoolId, schoolId),
        ),
      )
      .where(and(eq(identificationRuns.regionId, regionId), eq(identificationRuns.status, 'done')))
      .orderBy(
        asc(identificationRuns.year),
        sql`${identificationRuns.finishedAt} desc nulls last`,
        desc(identificationRuns.createdAt),
      );
    for (const { run, result } of runs) {
      if (years.has(run.year)) continue;
      years.set(run.year, {
        year: run.year,
        source: 'run',
        listId: null,
        runId: run.id,
        order: null,
        flags: flagsOf(result),
        included: null,
        decision: null,
        isbsh: result.isbsh,
        cluster: result.cluster,
        resultIndex: result.resultIndex,
        lowProcedures: (result.lowProcedures ?? []) as LowProcedure[],
        reasons: (result.reasons ?? []) as string[],
      });
    }
  }

  const list = [...years.values()].sort((a, b) => a.year - b.year);
  const latest = list[list.length - 1];
  let indicators: CardIndicators | null = null;
  if (latest) {
    const [region, cluster] = await Promise.all([
      averages(db, latest.runId),
      latest.cluster === null
        ? Promise.resolve(null)
        : averages(db, latest.runId, eq(identificationResults.cluster, latest.cluster)),
    ]);
    indicators = {
      year: latest.year,
      runId: latest.runId,
      school: {
        r: latest.resultIndex,
        isbsh: latest.isbsh,
        lowShareAvg: lowShare(latest.resultIndex),
        cluster: latest.cluster,
      },
      cluster: cluster && latest.cluster !== null ? { ...cluster, cluster: latest.cluster } : null,
      region,
    };
  }
  return { school, years: list, indicators, staff: { pupils: unit.s.pupils, teachers: unit.s.teachers } };
}

export function decisionReason(d: { decision: 'include' | 'exclude'; reason: string }): string {
  return d.decision === 'include'
    ? `Включена в перечень решением регионального оператора: ${d.reason}`
    : `Исключена из перечня решением регионального оператора: ${d.reason}`;
}
