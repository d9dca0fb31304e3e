import { getTableName, sql } from 'drizzle-orm';
import { cascadeTasks, type ItemStatus, items } from '../../db/schema/roadmaps.js';
import { OPEN_STATUSES, overdue, taskStatus } from './read-sql.js';

// SQL conditions shared by the drizzle queries of the roadmap module: the rules of read-sql.ts (the
// hand-written card and lists) applied to the unaliased tables, so each rule is written once.

export { OPEN_STATUSES };

const itemsTable = `"${getTableName(items)}"`;

/** SQL "this item is overdue today" (the rule: `overdue` in read-sql.ts). */
export const overdueSql = sql<boolean>`${sql.raw(
  overdue(itemsTable, `(select r.status from roadmaps r where r.id = ${itemsTable}.roadmap_id)`),
)}`;

/** Status of a cascaded task: the linked own item's when there is one. */
export const taskStatusSql = sql<ItemStatus>`${sql.raw(taskStatus(`"${getTableName(cascadeTasks)}"`))}`;
