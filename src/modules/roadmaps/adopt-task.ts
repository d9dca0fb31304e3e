import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items, roadmaps } from '../../db/schema/roadmaps.js';
import { invalid, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { createItem } from './create-item.js';
import { loadKeptTask, updateTask } from './tasks.js';

/**
 * Access: whoever keeps the addressed unit. Copies a measure of the level above into a section of
 * the unit's own roadmap and links the task to it, so the unit plans and reports it in one place.
 */
export async function adoptTask(
  db: Db,
  opts: { actor: Actor; taskId: string; roadmapId: string; sectionId: string },
) {
  const task = await loadKeptTask(db, opts.actor, opts.taskId);
  const [own] = await db.select().from(roadmaps).where(eq(roadmaps.id, opts.roadmapId));
  if (!own || own.orgUnitId !== task.orgUnitId) {
    throw invalid('Выберите дорожную карту своей организации', [
      { field: 'roadmapId', message: 'Чужая дорожная карта' },
    ]);
  }
  const [source] = await db.select().from(items).where(eq(items.id, task.sourceItemId));
  if (!source) throw notFound('Мероприятие');
  return db.transaction(async (tx) => {
    const created = await createItem(tx, {
      actor: opts.actor,
      roadmapId: own.id,
      sourceItemId: source.id,
      input: {
        sectionId: opts.sectionId,
        number: null,
        measure: source.measure,
        description: source.description,
        deadlineText: source.deadlineText,
        periodFrom: source.periodFrom,
        periodTo: source.periodTo,
        recurrence: source.recurrence,
        dueDate: source.dueDate,
        responsibleText: null,
        participants: source.participants,
        indicator: source.indicator,
        targetComparator: source.targetComparator,
        targetValue: source.targetValue,
        targetUnit: source.targetUnit,
        actualValue: null,
      },
    });
    await updateTask(tx, {
      actor: opts.actor,
      taskId: task.id,
      input: { linkedItemId: created.id, version: task.version },
    });
    return created;
  });
}
