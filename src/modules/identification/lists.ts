import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { identificationLists } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';
import { countsOf, type ListEntriesFilter, loadEntries, matchesFilter } from './list-entries.js';
import { type ListKind, listKindTitle } from './list-kinds.js';
import { type ListSummary, summaryOf } from './list-summary.js';
import { accessFor, type ListRow, listVisible, loadListAccess } from './lists-access.js';
import type { listDetailView } from './views.js';

// The region's list of a kind (ШНОР, ШНСУ, зона риска, резильентные) of a year: a run reviewed by the
// regional operator, who includes or excludes schools with a written reason, and approves it by an order
// (one order may approve several lists as its appendices). One draft and at most one approved list of a
// kind per region and year; an approved list is frozen and a new draft of its kind and year is refused.

// The rule of the list is in list-rule.ts, its entries (and their filter) in list-entries.ts, its summary in
// list-summary.ts.

export type ListDetail = z.infer<typeof listDetailView>;

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
  return { ...summary, entries: entries.filter((e) => matchesFilter(e, f)) };
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
