import { asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import {
  cascadeTasks,
  ITEM_STATUSES,
  type ItemStatus,
  itemComments,
  itemEvidence,
  itemResponsibles,
  items,
  type roadmaps,
} from '../../db/schema/roadmaps.js';
import { type ItemView, periodLabel, type RoadmapSummary, type UnitRef } from './types.js';

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

type ProgressMap = Map<string, RoadmapSummary['progress']>;

export async function progressOf(db: Db, roadmapIds: string[]): Promise<ProgressMap> {
  const out: ProgressMap = new Map();
  for (const id of roadmapIds) out.set(id, emptyProgress());
  if (roadmapIds.length === 0) return out;
  const rows = await db
    .select({ roadmapId: items.roadmapId, status: items.status, overdue: overdueSql, n: count() })
    .from(items)
    .where(inArray(items.roadmapId, roadmapIds))
    .groupBy(items.roadmapId, items.status, overdueSql);
  for (const r of rows) {
    const p = out.get(r.roadmapId);
    if (!p) continue;
    p[r.status] += r.n;
    p.total += r.n;
    if (r.overdue) p.overdue += r.n;
  }
  return out;
}

export function emptyProgress(): RoadmapSummary['progress'] {
  const p = { total: 0, overdue: 0 } as RoadmapSummary['progress'];
  for (const s of ITEM_STATUSES) p[s] = 0;
  return p;
}

export function toSummary(
  r: typeof roadmaps.$inferSelect,
  unit: UnitRef,
  progress: RoadmapSummary['progress'],
): RoadmapSummary {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    periodKind: r.periodKind,
    periodYear: r.periodYear,
    periodLabel: periodLabel(r.periodKind, r.periodYear),
    status: r.status,
    orgUnit: unit,
    approvalBody: r.approvalBody,
    orderNumber: r.orderNumber,
    orderDate: r.orderDate,
    orderFileId: r.orderFileId,
    isDemo: r.isDemo,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    progress,
  };
}

/** Item rows with everything a table row shows, in section and position order. */
export async function itemViews(db: Db, where: SQL | undefined): Promise<ItemView[]> {
  const rows = await db
    .select({ i: items, overdue: overdueSql })
    .from(items)
    .where(where)
    .orderBy(asc(items.sectionId), asc(items.position));
  return decorate(db, rows);
}

async function decorate(
  db: Db,
  rows: { i: typeof items.$inferSelect; overdue: boolean }[],
): Promise<ItemView[]> {
  const ids = rows.map((r) => r.i.id);
  if (ids.length === 0) return [];
  const [resp, ev, cm, roll] = await Promise.all([
    db
      .select({
        itemId: itemResponsibles.itemId,
        id: orgUnits.id,
        name: orgUnits.name,
        short: orgUnits.shortName,
        kind: orgUnits.kind,
      })
      .from(itemResponsibles)
      .innerJoin(orgUnits, eq(orgUnits.id, itemResponsibles.orgUnitId))
      .where(inArray(itemResponsibles.itemId, ids)),
    db
      .select({ itemId: itemEvidence.itemId, n: count() })
      .from(itemEvidence)
      .where(inArray(itemEvidence.itemId, ids))
      .groupBy(itemEvidence.itemId),
    db
      .select({ itemId: itemComments.itemId, n: count() })
      .from(itemComments)
      .where(inArray(itemComments.itemId, ids))
      .groupBy(itemComments.itemId),
    db
      .select({
        itemId: cascadeTasks.sourceItemId,
        kind: orgUnits.kind,
        total: count(),
        done: sql<number>`count(*) filter (where ${taskStatusSql} = 'done')`.mapWith(Number),
      })
      .from(cascadeTasks)
      .innerJoin(orgUnits, eq(orgUnits.id, cascadeTasks.orgUnitId))
      .where(inArray(cascadeTasks.sourceItemId, ids))
      .groupBy(cascadeTasks.sourceItemId, orgUnits.kind),
  ]);
  const group = <T extends { itemId: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) m.set(x.itemId, [...(m.get(x.itemId) ?? []), x]);
    return m;
  };
  const respBy = group(resp);
  const evBy = new Map(ev.map((e) => [e.itemId, e.n]));
  const cmBy = new Map(cm.map((e) => [e.itemId, e.n]));
  const rollBy = new Map(roll.map((e) => [e.itemId, e]));
  return rows.map(({ i, overdue }) => {
    const r = rollBy.get(i.id);
    return {
      id: i.id,
      sectionId: i.sectionId,
      parentItemId: i.parentItemId,
      position: i.position,
      number: i.number,
      level: i.level,
      measure: i.measure,
      description: i.description,
      deadlineText: i.deadlineText,
      periodFrom: i.periodFrom,
      periodTo: i.periodTo,
      recurrence: i.recurrence,
      dueDate: i.dueDate,
      responsibleUnits: (respBy.get(i.id) ?? []).map((u) => ({
        id: u.id,
        name: u.short ?? u.name,
        kind: u.kind,
      })),
      responsibleText: i.responsibleText,
      participants: i.participants,
      indicator: i.indicator,
      targetComparator: i.targetComparator,
      targetValue: i.targetValue,
      targetUnit: i.targetUnit,
      actualValue: i.actualValue,
      status: i.status,
      statusComment: i.statusComment,
      overdue: Boolean(overdue),
      confirmation: i.confirmation,
      confirmationComment: i.confirmationComment,
      evidenceCount: evBy.get(i.id) ?? 0,
      commentCount: cmBy.get(i.id) ?? 0,
      rollUp: r
        ? { done: r.done, total: r.total, unitKind: r.kind === 'school' ? 'school' : 'municipality' }
        : null,
      sourceItemId: i.sourceItemId,
      version: i.version,
      updatedAt: i.updatedAt.toISOString(),
    };
  });
}

export const unitRef = (u: typeof orgUnits.$inferSelect): UnitRef => ({
  id: u.id,
  name: u.shortName ?? u.name,
  kind: u.kind,
});
