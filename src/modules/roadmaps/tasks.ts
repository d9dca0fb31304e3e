import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { cascadeTasks, type ItemStatus, items, roadmaps } from '../../db/schema/roadmaps.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { managedUnitIds } from '../access/managed-units.js';
import { recordEvent } from '../audit/record-event.js';
import { boundValuesOfUnits } from '../organisation/bound-rollup.js';
import { loadItemAccess } from './item-access.js';
import { overdueSql, taskStatusSql } from './read-model.js';

const taskUnit = alias(orgUnits, 'task_unit');
const ownerUnit = alias(orgUnits, 'owner_unit');

const taskColumns = {
  id: cascadeTasks.id,
  version: cascadeTasks.version,
  status: taskStatusSql,
  ownStatus: cascadeTasks.status,
  comment: cascadeTasks.comment,
  linkedItemId: cascadeTasks.linkedItemId,
  linkedRoadmapId: sql<
    string | null
  >`(select li.roadmap_id from roadmap_items li where li.id = ${cascadeTasks.linkedItemId})`,
  unit: { id: taskUnit.id, name: taskUnit.name, kind: taskUnit.kind },
  source: {
    itemId: items.id,
    number: items.number,
    measure: items.measure,
    deadlineText: items.deadlineText,
    dueDate: items.dueDate,
    indicator: items.indicator,
    level: items.level,
    overdue: overdueSql,
  },
  roadmap: { id: roadmaps.id, title: roadmaps.title, unitName: ownerUnit.name },
};

function tasksQuery(db: Db) {
  return db
    .select(taskColumns)
    .from(cascadeTasks)
    .innerJoin(items, eq(items.id, cascadeTasks.sourceItemId))
    .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
    .innerJoin(ownerUnit, eq(ownerUnit.id, roadmaps.orgUnitId))
    .innerJoin(taskUnit, eq(taskUnit.id, cascadeTasks.orgUnitId));
}

export type TaskView = Awaited<ReturnType<typeof listUnitTasks>>[number];

/** «К исполнению»: measures of the level above addressed to the units the actor keeps. */
export async function listMyTasks(db: Db, opts: { actor: Actor }) {
  return listUnitTasks(db, await managedUnitIds(db, opts.actor));
}

/** Tasks of approved roadmaps addressed to these units (the caller decided they are the actor's). */
export async function listUnitTasks(db: Db, units: string[]) {
  if (units.length === 0) return [];
  const rows = await tasksQuery(db)
    .where(and(inArray(cascadeTasks.orgUnitId, units), eq(roadmaps.status, 'approved')))
    .orderBy(asc(items.dueDate), asc(items.position));
  return rows.map(fixTask);
}

/** The roll-up of one measure: every addressed unit the actor may see, with its status. Access: who sees the item. */
export async function listTasksOfItem(db: Db, opts: { actor: Actor; itemId: string }) {
  const { item, roadmap, owner } = await loadItemAccess(db, opts.actor, opts.itemId);
  const rows = await tasksQuery(db).where(
    and(eq(cascadeTasks.sourceItemId, item.id), pathReadable(opts.actor, taskUnit.path)),
  );
  // A bound indicator: each addressed unit's own value of the metric (issue 12 §4).
  const values = await boundValuesOfUnits(db, {
    binding: item.coverageBinding,
    roadmap,
    ownerPath: owner.path,
    unitIds: rows.map((t) => t.unit.id),
  });
  return rows
    .map((t) => ({ ...fixTask(t), ...(values && { coverageValue: values.get(t.unit.id) ?? null }) }))
    .sort(byRussian((t) => t.unit.name));
}

// Drivers return `boolean` from SQL as booleans but some aggregate types as strings: normalise.
const fixTask = <T extends { source: { overdue: unknown } }>(t: T) => ({
  ...t,
  source: { ...t.source, overdue: Boolean(t.source.overdue) },
});

/**
 * A task of a unit the actor keeps. A task of a unit he only sees is forbidden; any other is reported
 * exactly as a missing one.
 */
export async function loadKeptTask(db: Db, actor: Actor, taskId: string) {
  const [task] = await db.select().from(cascadeTasks).where(eq(cascadeTasks.id, taskId));
  if (!task) throw notFound('Задача');
  const units = await managedUnitIds(db, actor);
  if (units.includes(task.orgUnitId)) return task;
  const [visible] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, task.orgUnitId), pathReadable(actor, orgUnits.path)));
  if (!visible) throw notFound('Задача');
  throw forbidden('Отмечать исполнение может только организация, которой адресовано мероприятие');
}

/**
 * Access: whoever keeps the addressed unit. Sets the task's own status, or links it to an item of
 * the unit's own roadmap whose execution then counts for the task.
 */
export async function updateTask(
  db: Db,
  opts: {
    actor: Actor;
    taskId: string;
    input: { status?: ItemStatus; comment?: string | null; linkedItemId?: string | null; version: number };
  },
) {
  const { actor, input } = opts;
  const task = await loadKeptTask(db, actor, opts.taskId);
  if (task.version !== input.version) throw conflict({ version: task.version });
  if (input.linkedItemId) {
    const [linked] = await db
      .select({ id: items.id })
      .from(items)
      .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
      .where(and(eq(items.id, input.linkedItemId), eq(roadmaps.orgUnitId, task.orgUnitId)));
    if (!linked)
      throw invalid('Связать можно только с мероприятием своей дорожной карты', [
        { field: 'linkedItemId', message: 'Чужое мероприятие' },
      ]);
  }
  const patch = {
    ...(input.status !== undefined && { status: input.status }),
    ...(input.comment !== undefined && { comment: input.comment }),
    ...(input.linkedItemId !== undefined && { linkedItemId: input.linkedItemId }),
  };
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(cascadeTasks)
      .set({
        ...patch,
        updatedBy: actor.userId,
        version: sql`${cascadeTasks.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(cascadeTasks.id, task.id), eq(cascadeTasks.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    const [unit] = await tx
      .select({ name: orgUnits.name })
      .from(orgUnits)
      .where(eq(orgUnits.id, task.orgUnitId));
    const changes = Object.entries(patch).map(([field, v]) => ({
      field,
      old: task[field as keyof typeof task] ?? null,
      new: v,
    }));
    await recordEvent(
      tx,
      actor,
      'task.updated',
      { entityType: 'task', entityId: task.id, itemId: task.sourceItemId, orgUnitId: task.orgUnitId },
      { unit: unit?.name ?? '', changes },
    );
    // The own item remembers which measure above it executes; a replaced link forgets it.
    if (input.linkedItemId !== undefined && task.linkedItemId && task.linkedItemId !== input.linkedItemId) {
      await tx.update(items).set({ sourceItemId: null }).where(eq(items.id, task.linkedItemId));
    }
    if (input.linkedItemId) {
      await tx.update(items).set({ sourceItemId: task.sourceItemId }).where(eq(items.id, input.linkedItemId));
    }
    return updated;
  });
}
