import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { files } from '../../db/schema/files.js';
import {
  identificationListSchools,
  identificationLists,
  identificationOrders,
  identificationResults,
  identificationRuns,
  listDecisions,
  methodologies,
} from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';
import type { LowProcedure } from './identify.js';
import { kindColumn, LIST_KIND_FLAG, type ListKind, listKindTitle } from './list-kinds.js';
import { accessFor, type ListAccess, type ListRow, listVisible, loadListAccess } from './lists-access.js';
import type {
  decisionView,
  listCountsView,
  listDetailView,
  listEntryView,
  listSchoolRef,
  listSummaryView,
  listUnitRef,
  runRefView,
} from './views.js';

// The region's list of a kind (ШНОР, ШНСУ, зона риска, резильентные) of a year: a run reviewed by the
// regional operator, who includes or excludes schools with a written reason, and approves it by an order
// (one order may approve several lists as its appendices). One draft and at most one approved list of a
// kind per region and year; an approved list is frozen and a new draft of its kind and year is refused.

export type Decision = 'include' | 'exclude';

/**
 * THE rule of the list: the schools its run flags for the list's kind (`LIST_KIND_FLAG`: ШНОР for a ШНОР
 * list), plus the schools the operator included, minus the schools he excluded. Everything that needs «the approved ШНОР of a year» (the lists, their views and
 * exports, and past years in a run via `approvedShnorOfYear`) must use it.
 */
export function includedSchools(
  computed: Set<string>,
  decisions: { schoolId: string; decision: Decision }[],
): Set<string> {
  const out = new Set(computed);
  for (const d of decisions) {
    if (d.decision === 'include') out.add(d.schoolId);
    else out.delete(d.schoolId);
  }
  return out;
}

export type UserRef = { id: string; fullName: string };
export type UnitRef = z.infer<typeof listUnitRef>;
export type SchoolRef = z.infer<typeof listSchoolRef>;
export type DecisionView = z.infer<typeof decisionView>;
export type ListEntry = z.infer<typeof listEntryView>;
export type ListCounts = z.infer<typeof listCountsView>;
export type RunRef = z.infer<typeof runRefView>;
export type ListSummary = z.infer<typeof listSummaryView>;
export type ListDetail = z.infer<typeof listDetailView>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const municipality = alias(orgUnits, 'municipality');

// ---- reading -------------------------------------------------------------------------------------

async function runRef(db: Db, runId: string): Promise<RunRef> {
  const [row] = await db
    .select({
      id: identificationRuns.id,
      year: identificationRuns.year,
      createdAt: identificationRuns.createdAt,
      finishedAt: identificationRuns.finishedAt,
      m: {
        id: methodologies.id,
        code: methodologies.code,
        version: methodologies.version,
        name: methodologies.name,
      },
    })
    .from(identificationRuns)
    .innerJoin(methodologies, eq(methodologies.id, identificationRuns.methodologyId))
    .where(eq(identificationRuns.id, runId));
  if (!row) throw notFound('Расчёт');
  return {
    id: row.id,
    year: row.year,
    createdAt: row.createdAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    methodology: row.m,
  };
}

async function userRef(db: Db, id: string | null): Promise<UserRef | null> {
  if (!id) return null;
  const [u] = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.id, id));
  return u ?? null;
}

/**
 * The schools of the list's run the actor may see, with the run's result and the operator's decision.
 * Below the region, only the list's own rows (frozen at approval) unless `allOfScope` (counts of the
 * actor's own schools, e.g. the share of a municipality's schools in the list).
 */
export async function loadEntries(
  db: Db,
  access: ListAccess,
  opts: { allOfScope?: boolean } = {},
): Promise<ListEntry[]> {
  const { list } = access;
  const conds: SQL[] = [eq(identificationResults.runId, list.runId)];
  const scope = access.schoolFilter(orgUnits.path);
  if (scope) conds.push(scope);
  // Below the region only the list's own rows, as frozen at approval: a school sees its row in a list it
  // is in, not its flags in a list it is not in.
  if (!access.regionLevel && !opts.allOfScope)
    conds.push(
      inArray(
        identificationResults.schoolId,
        db
          .select({ id: identificationListSchools.schoolId })
          .from(identificationListSchools)
          .where(eq(identificationListSchools.listId, list.id)),
      ),
    );
  const flag = LIST_KIND_FLAG[list.kind];
  const rows = await db
    .select({
      r: identificationResults,
      s: {
        id: orgUnits.id,
        name: orgUnits.name,
        code: orgUnits.code,
        isRural: orgUnits.isRural,
        isSmall: orgUnits.isSmall,
      },
      m: { id: municipality.id, name: municipality.name, kind: municipality.kind },
      d: {
        decision: listDecisions.decision,
        reason: listDecisions.reason,
        decidedAt: listDecisions.decidedAt,
        byId: users.id,
        byName: users.fullName,
      },
    })
    .from(identificationResults)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationResults.schoolId))
    .leftJoin(municipality, eq(municipality.id, orgUnits.parentId))
    .leftJoin(
      listDecisions,
      and(eq(listDecisions.listId, list.id), eq(listDecisions.schoolId, identificationResults.schoolId)),
    )
    .leftJoin(users, eq(users.id, listDecisions.decidedBy))
    .where(and(...conds));
  const entries = rows.map(({ r, s, m, d }): ListEntry => {
    const decision: DecisionView | null =
      d?.decision && d.decidedAt
        ? {
            decision: d.decision,
            reason: d.reason ?? '',
            decidedBy: d.byId ? { id: d.byId, fullName: d.byName ?? '' } : null,
            decidedAt: d.decidedAt.toISOString(),
          }
        : null;
    return {
      school: {
        id: s.id,
        name: s.name,
        code: s.code,
        municipality: m && m.kind === 'municipality' ? { id: m.id, name: m.name } : null,
        isRural: s.isRural,
        isSmall: s.isSmall,
      },
      flags: {
        shnor: r.shnor,
        shnsu: r.shnsu,
        riskZone: r.riskZone,
        resilient: r.resilient,
        stagnation: r.stagnation,
        repeat: r.repeat,
        exit: r.exit,
        objectivity: r.objectivity,
      },
      isbsh: r.isbsh,
      cluster: r.cluster,
      resultIndex: r.resultIndex,
      lowProcedures: (r.lowProcedures ?? []) as LowProcedure[],
      reasons: (r.reasons ?? []) as string[],
      computed: r[flag],
      decision,
      included: false,
    };
  });
  // `included` by the one rule.
  const set = includedSchools(
    new Set(entries.filter((e) => e.computed).map((e) => e.school.id)),
    entries.flatMap((e) => (e.decision ? [{ schoolId: e.school.id, decision: e.decision.decision }] : [])),
  );
  for (const e of entries) e.included = set.has(e.school.id);
  return entries.sort(
    (a, b) =>
      byRussian((e: ListEntry) => e.school.municipality?.name ?? '')(a, b) ||
      byRussian((e: ListEntry) => e.school.name)(a, b),
  );
}

export function countsOf(entries: ListEntry[]): ListCounts {
  let computed = 0;
  let included = 0;
  let excluded = 0;
  for (const e of entries) {
    if (e.computed) computed++;
    if (e.included) included++;
    if (e.computed && !e.included) excluded++;
  }
  return { computed, included, excluded };
}

/** Counts without loading the entries: the run's ШНОР and the decisions, in the actor's scope. */
async function countsFor(db: Db, access: ListAccess): Promise<ListCounts> {
  const { list } = access;
  const shnorConds: SQL[] = [eq(identificationResults.runId, list.runId), eq(kindColumn(list.kind), true)];
  const decisionConds: SQL[] = [eq(listDecisions.listId, list.id)];
  const scope = access.schoolFilter(orgUnits.path);
  if (scope) {
    shnorConds.push(scope);
    decisionConds.push(scope);
  }
  // One after another: `db` may be a transaction, whose one connection takes one query at a time.
  const computed = await db
    .select({ id: identificationResults.schoolId })
    .from(identificationResults)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationResults.schoolId))
    .where(and(...shnorConds));
  const decisions = await db
    .select({ schoolId: listDecisions.schoolId, decision: listDecisions.decision })
    .from(listDecisions)
    .innerJoin(orgUnits, eq(orgUnits.id, listDecisions.schoolId))
    .where(and(...decisionConds));
  const computedSet = new Set(computed.map((r) => r.id));
  const included = includedSchools(computedSet, decisions);
  let excluded = 0;
  for (const id of computedSet) if (!included.has(id)) excluded++;
  return { computed: computedSet.size, included: included.size, excluded };
}

async function summaryOf(db: Db, access: ListAccess, counts?: ListCounts): Promise<ListSummary> {
  const { list, region } = access;
  // One after another: `db` may be a transaction (see countsFor).
  const run = await runRef(db, list.runId);
  const approvedBy = await userRef(db, list.approvedBy);
  const c = counts ?? (await countsFor(db, access));
  const appendices = list.orderId
    ? (
        await db
          .select({ id: identificationLists.id })
          .from(identificationLists)
          .where(eq(identificationLists.orderId, list.orderId))
      ).length
    : 0;
  const [orderFile] = list.orderId
    ? await db
        .select({ id: files.id, name: files.name })
        .from(identificationOrders)
        .innerJoin(files, eq(files.id, identificationOrders.fileId))
        .where(eq(identificationOrders.id, list.orderId))
    : [];
  return {
    id: list.id,
    year: list.year,
    kind: list.kind,
    title: listKindTitle(list.kind, list.year),
    status: list.status,
    orderId: list.orderId,
    appendixNo: list.appendixNo,
    orderAppendices: appendices,
    orderFile: orderFile ?? null,
    orderNumber: list.orderNumber,
    orderDate: list.orderDate,
    approvedAt: iso(list.approvedAt),
    approvedBy,
    region: { id: region.id, name: region.name },
    run,
    counts: c,
    version: list.version,
    createdAt: list.createdAt.toISOString(),
    canEdit: access.canWrite && list.status === 'draft',
    complete: access.regionLevel,
  };
}

/** The list's summary as the actor sees it (access checked). */
export async function getListSummary(db: Db, opts: { actor: Actor; listId: string }): Promise<ListSummary> {
  return summaryOf(db, await loadListAccess(db, opts.actor, opts.listId));
}

export const FLAG_FILTERS = [
  'shnor',
  'shnsu',
  'riskZone',
  'resilient',
  'stagnation',
  'repeat',
  'exit',
  'objectivity',
  'included',
  'excluded',
  'decided',
] as const;

export const listEntriesFilter = z.object({
  flag: z.enum(FLAG_FILTERS, { message: 'Неизвестный признак' }).optional(),
  municipalityId: z.uuid({ message: 'Неверный идентификатор' }).optional(),
  cluster: z.coerce.number().int().min(1).max(20).optional(),
  rural: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  small: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListEntriesFilter = z.output<typeof listEntriesFilter>;

function matches(e: ListEntry, f: ListEntriesFilter): boolean {
  if (f.flag) {
    const ok =
      f.flag === 'included'
        ? e.included
        : f.flag === 'excluded'
          ? e.computed && !e.included
          : f.flag === 'decided'
            ? e.decision !== null
            : e.flags[f.flag];
    if (!ok) return false;
  }
  if (f.municipalityId && e.school.municipality?.id !== f.municipalityId) return false;
  if (f.cluster !== undefined && e.cluster !== f.cluster) return false;
  if (f.rural !== undefined && Boolean(e.school.isRural) !== f.rural) return false;
  if (f.small !== undefined && Boolean(e.school.isSmall) !== f.small) return false;
  if (f.q) {
    const q = f.q.toLocaleLowerCase('ru');
    if (
      !e.school.name.toLocaleLowerCase('ru').includes(q) &&
      !(e.school.code ?? '').toLowerCase().includes(q)
    )
      return false;
  }
  return true;
}

/**
 * The list with its entries (the schools of its run); counts are over all the actor may see, entries
 * are filtered. Access: region roles see everything, others an approved list and only their schools.
 */
export async function getList(
  db: Db,
  opts: { actor: Actor; listId: string; filter?: ListEntriesFilter },
): Promise<ListDetail> {
  const access = await loadListAccess(db, opts.actor, opts.listId);
  const entries = await loadEntries(db, access);
  const summary = await summaryOf(db, access, countsOf(entries));
  const f = opts.filter ?? {};
  return { ...summary, entries: entries.filter((e) => matches(e, f)) };
}

/** Lists the actor may see, newest year first. */
export async function listLists(
  db: Db,
  opts: { actor: Actor; year?: number; kind?: ListKind },
): Promise<ListSummary[]> {
  const conds: SQL[] = [listVisible(opts.actor)];
  if (opts.year !== undefined) conds.push(eq(identificationLists.year, opts.year));
  if (opts.kind !== undefined) conds.push(eq(identificationLists.kind, opts.kind));
  const rows = await db
    .select({ l: identificationLists, r: { id: orgUnits.id, name: orgUnits.name, path: orgUnits.path } })
    .from(identificationLists)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationLists.regionId))
    .where(and(...conds))
    .orderBy(desc(identificationLists.year), desc(identificationLists.createdAt));
  const out: ListSummary[] = [];
  for (const row of rows) out.push(await summaryOf(db, accessFor(opts.actor, row.l, row.r)));
  return out;
}

export function approvedMessage(list: Pick<ListRow, 'year' | 'kind' | 'orderNumber' | 'orderDate'>): string {
  const order = [
    list.orderNumber ? `№ ${list.orderNumber}` : '',
    list.orderDate ? `от ${formatRuDate(list.orderDate)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${listKindTitle(list.kind, list.year)} уже утверждён приказом ${order}. Утверждённый список не изменяется.`;
}
