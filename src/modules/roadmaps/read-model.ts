import { sql } from 'drizzle-orm';
import { cascadeTasks, type ItemStatus, items } from '../../db/schema/roadmaps.js';

// SQL conditions shared by the drizzle queries of the roadmap module. The card and the item lists are
// hand-written SQL (read-sql.ts) that states the same rules.

/** Statuses in which an item whose due date has passed counts as overdue. */
export const OPEN_STATUSES: ItemStatus[] = ['planned', 'in_progress', 'postponed'];

/**
 * SQL "this item is overdue today": past its due date, still open, in a roadmap that is in force
 * (a draft is not executed yet, an archived one no longer). The date is the database's, the same
 * for every instance.
 */
export const overdueSql = sql<boolean>`(${items.dueDate} < current_date and ${items.status} in ('planned','in_progress','postponed') and exists (select 1 from roadmaps r where r.id = ${items.roadmapId} and r.status = 'approved'))`;

/** Status of a cascaded task: the linked own item's when there is one. */
export const taskStatusSql = sql<ItemStatus>`coalesce((select li.status from roadmap_items li where li.id = ${cascadeTasks.linkedItemId}), ${cascadeTasks.status})`;
