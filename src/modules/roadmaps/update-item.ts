import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items, sections } from '../../db/schema/roadmaps.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { refreshBoundIndicators } from '../organisation/refresh-bound.js';
import { syncCascade } from './cascade.js';
import { itemTarget, loadManagedItem } from './item-access.js';
import { EDITABLE_ITEM_FIELDS, resolveDeadline, responsibleIds, setResponsibles } from './item-fields.js';
import { type UpdateItemInput, updateItemInput } from './schemas.js';

export const BOUND_VALUE_MESSAGE =
  'Фактическое значение рассчитывается по данным системы: чтобы ввести его вручную, снимите привязку к охвату';

const DEADLINE_FIELDS = ['deadlineText', 'periodFrom', 'periodTo', 'recurrence', 'dueDate'] as const;

/**
 * Access: whoever keeps the roadmap. Saves only when `version` is the stored one: a save based on a
 * stale copy is a conflict, so a concurrent edit is never overwritten silently.
 */
export async function updateItem(db: Db, opts: { actor: Actor; itemId: string; input: UpdateItemInput }) {
  const { actor } = opts;
  const input = parseInput(updateItemInput, opts.input);
  const { item: before, roadmap, owner } = await loadManagedItem(db, actor, opts.itemId);
  if (before.version !== input.version) throw conflict({ version: before.version });
  const patch: Partial<typeof items.$inferInsert> = {};
  for (const f of EDITABLE_ITEM_FIELDS)
    if (input[f] !== undefined) Object.assign(patch, { [f]: input[f] ?? null });
  Object.assign(patch, resolveDeadline(input, before, roadmap));
  const bound = input.coverageBinding !== undefined ? input.coverageBinding : before.coverageBinding;
  // A bound indicator's value is the system's count (issue 12 §4): typing one over it is refused.
  if (bound && input.actualValue !== undefined && (input.actualValue ?? null) !== before.actualValue)
    throw invalid(BOUND_VALUE_MESSAGE, [
      { field: 'actualValue', message: 'Рассчитывается по данным системы' },
    ]);
  if (input.coverageBinding !== undefined) {
    patch.coverageBinding = input.coverageBinding ?? null;
    if (!input.coverageBinding) patch.actualComputedAt = null;
  }
  const moving =
    (input.sectionId !== undefined && input.sectionId !== before.sectionId) ||
    (input.position !== undefined && input.position !== before.position);
  if (input.sectionId && input.sectionId !== before.sectionId) {
    const [s] = await db
      .select({ id: sections.id })
      .from(sections)
      .where(and(eq(sections.id, input.sectionId), eq(sections.roadmapId, roadmap.id)));
    if (!s)
      throw invalid('Раздел не принадлежит этой дорожной карте', [
        { field: 'sectionId', message: 'Чужой раздел' },
      ]);
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(items)
      .set({ ...patch, version: sql`${items.version} + 1`, updatedAt: new Date() })
      .where(and(eq(items.id, before.id), eq(items.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    const changes = diff(before, patch, [...EDITABLE_ITEM_FIELDS, ...DEADLINE_FIELDS, 'coverageBinding']);
    if (input.responsibleUnitIds !== undefined) {
      const old = await responsibleIds(tx, before.id);
      await setResponsibles(tx, owner.path, [{ itemId: before.id, unitIds: input.responsibleUnitIds }]);
      const now = await responsibleIds(tx, before.id);
      if (old.join() !== now.join()) changes.push({ field: 'responsibleUnitIds', old, new: now });
    }
    if (changes.length) await recordEvent(tx, actor, 'item.updated', itemTarget(before), { changes });
    if (moving) {
      const toSection = input.sectionId ?? before.sectionId;
      await placeItem(tx, before.id, before.sectionId, toSection, input.position ?? Number.MAX_SAFE_INTEGER);
      const [after] = await tx
        .select({ position: items.position })
        .from(items)
        .where(eq(items.id, before.id));
      await recordEvent(tx, actor, 'item.moved', itemTarget(before), {
        fromSection: before.sectionId,
        toSection,
        from: before.position,
        to: after?.position ?? 0,
      });
    }
    if (patch.level !== undefined && patch.level !== before.level) await syncCascade(tx, roadmap.id);
    const regionId = regionOfPath(owner.path);
    if (patch.coverageBinding && regionId)
      await refreshBoundIndicators(tx, { regionId, itemIds: [before.id] });
    const [fresh] = await tx.select().from(items).where(eq(items.id, before.id));
    return fresh ?? updated;
  });
}

/** Puts the item at `position` in `toSection` and renumbers both sections densely. */
async function placeItem(db: Db, id: string, fromSection: string, toSection: string, position: number) {
  const ordered = async (sectionId: string) =>
    (
      await db
        .select({ id: items.id })
        .from(items)
        .where(eq(items.sectionId, sectionId))
        .orderBy(asc(items.position))
    )
      .map((r) => r.id)
      .filter((x) => x !== id);
  const target = await ordered(toSection);
  target.splice(Math.max(0, Math.min(position, target.length)), 0, id);
  await db.update(items).set({ sectionId: toSection }).where(eq(items.id, id));
  for (const [i, x] of target.entries()) await db.update(items).set({ position: i }).where(eq(items.id, x));
  if (fromSection !== toSection) {
    for (const [i, x] of (await ordered(fromSection)).entries())
      await db.update(items).set({ position: i }).where(eq(items.id, x));
  }
}
