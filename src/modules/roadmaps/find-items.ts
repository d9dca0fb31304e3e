import { and, asc, eq, exists, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { type ItemStatus, itemResponsibles, items, type Level, roadmaps } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { managedUnitIds } from '../access/managed-units.js';
import { itemViews, OPEN_STATUSES, overdueSql } from './read-model.js';
import { ownerRules, roadmapVisible } from './roadmap-access.js';
import type { foundItemView } from './views.js';

export const ITEM_VIEWS = ['all', 'mine', 'overdue', 'upcoming', 'awaiting'] as const;
export type ItemViewName = (typeof ITEM_VIEWS)[number];

export type ItemFilter = {
  view: ItemViewName;
  roadmapId?: string;
  sectionId?: string;
  level?: Level;
  status?: ItemStatus;
  responsibleUnitId?: string;
  /** Due dates in [from, to], ISO dates; used by the calendar. */
  dueFrom?: string;
  dueTo?: string;
  days?: number;
};

export type FoundItem = z.infer<typeof foundItemView>;

const parentUnit = alias(orgUnits, 'parent_unit');
const LIMIT = 2000;

/** Items across every roadmap the actor may see, narrowed to one of the working views. */
export async function findItems(db: Db, opts: { actor: Actor; filter: ItemFilter }): Promise<FoundItem[]> {
  const { actor, filter: f } = opts;
  const conds: SQL[] = [roadmapVisible(actor), ne(roadmaps.status, 'archived')];
  if (f.roadmapId) conds.push(eq(items.roadmapId, f.roadmapId));
  if (f.sectionId) conds.push(eq(items.sectionId, f.sectionId));
  if (f.level) conds.push(eq(items.level, f.level));
  if (f.status) conds.push(eq(items.status, f.status));
  if (f.dueFrom) conds.push(gte(items.dueDate, f.dueFrom));
  if (f.dueTo) conds.push(lte(items.dueDate, f.dueTo));
  if (f.responsibleUnitId) conds.push(responsibleIs([f.responsibleUnitId]));
  if (f.view === 'overdue') conds.push(overdueSql);
  if (f.view === 'upcoming') {
    conds.push(
      eq(roadmaps.status, 'approved'),
      inArray(items.status, OPEN_STATUSES),
      sql`${items.dueDate} between current_date and current_date + ${f.days ?? 30}::int`,
    );
  }
  if (f.view === 'mine') {
    const units = await managedUnitIds(db, actor);
    if (units.length === 0) return [];
    conds.push(sql`(${inArray(roadmaps.orgUnitId, units)} or ${responsibleIs(units)})`);
  }
  if (f.view === 'awaiting') conds.push(eq(items.status, 'done'), eq(items.confirmation, 'pending'));
  const rows = await db
    .select({
      id: items.id,
      roadmapId: roadmaps.id,
      title: roadmaps.title,
      unit: orgUnits,
      parentKind: parentUnit.kind,
    })
    .from(items)
    .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .leftJoin(parentUnit, eq(parentUnit.id, orgUnits.parentId))
    .where(and(...conds))
    .orderBy(asc(items.dueDate), asc(items.position))
    .limit(LIMIT);
  // «Ждут подтверждения» are those this actor confirms, decided by the same rule as confirmItem.
  const kept =
    f.view === 'awaiting' ? rows.filter((r) => ownerRules(actor, r.unit, r.parentKind).canConfirm) : rows;
  if (kept.length === 0) return [];
  const views = await itemViews(
    db,
    inArray(
      items.id,
      kept.map((r) => r.id),
    ),
  );
  const byId = new Map(views.map((v) => [v.id, v]));
  return kept.flatMap((r) => {
    const v = byId.get(r.id);
    return v
      ? [
          {
            ...v,
            roadmap: {
              id: r.roadmapId,
              title: r.title,
              unitName: r.unit.shortName ?? r.unit.name,
              orgUnitId: r.unit.id,
            },
          },
        ]
      : [];
  });
}

function responsibleIs(unitIds: string[]): SQL {
  return exists(
    sql`(select 1 from ${itemResponsibles} where ${itemResponsibles.itemId} = ${items.id} and ${inArray(itemResponsibles.orgUnitId, unitIds)})`,
  );
}
