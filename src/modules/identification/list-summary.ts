import { and, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { files } from '../../db/schema/files.js';
import {
  identificationLists,
  identificationOrders,
  identificationResults,
  identificationRuns,
  listDecisions,
  methodologies,
} from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import type { ListCounts } from './list-entries.js';
import { kindColumn, listKindTitle } from './list-kinds.js';
import { includedSchools } from './list-rule.js';
import { type ListAccess, loadListAccess } from './lists-access.js';
import type { listSummaryView, runRefView } from './views.js';

// The summary of a list: its run, its order, who approved it, and its counts in the actor's scope.

export type UserRef = { id: string; fullName: string };
export type RunRef = z.infer<typeof runRefView>;
export type ListSummary = z.infer<typeof listSummaryView>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

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

export async function summaryOf(db: Db, access: ListAccess, counts?: ListCounts): Promise<ListSummary> {
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
