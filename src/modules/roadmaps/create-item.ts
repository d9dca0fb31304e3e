import { and, count, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items, sections } from '../../db/schema/roadmaps.js';
import { invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { syncCascade } from './cascade.js';
import { itemTarget } from './item-access.js';
import { resolveDeadline, setResponsibles } from './item-fields.js';
import { loadManagedRoadmap } from './roadmap-access.js';
import { type CreateItemInput, createItemInput } from './schemas.js';

/** Access: whoever keeps the roadmap. Inserts at `position` (default: end of the section). */
export async function createItem(
  db: Db,
  opts: { actor: Actor; roadmapId: string; input: CreateItemInput; sourceItemId?: string | null },
) {
  const { actor } = opts;
  const input = parseInput(createItemInput, opts.input);
  const { roadmap, owner } = await loadManagedRoadmap(db, actor, opts.roadmapId);
  const [section] = await db
    .select()
    .from(sections)
    .where(and(eq(sections.id, input.sectionId), eq(sections.roadmapId, roadmap.id)));
  if (!section)
    throw invalid('Раздел не принадлежит этой дорожной карте', [
      { field: 'sectionId', message: 'Чужой раздел' },
    ]);
  const deadline = resolveDeadline({ ...input, deadlineText: input.deadlineText ?? null }, null, roadmap);
  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(items)
      .where(eq(items.sectionId, section.id));
    const position = Math.min(input.position ?? n, n);
    // Positions in a section are 0…n-1 (delete-item closes the gap): appending moves nothing.
    if (position < n)
      await tx
        .update(items)
        .set({ position: sql`${items.position} + 1` })
        .where(and(eq(items.sectionId, section.id), gte(items.position, position)));
    const [created] = await tx
      .insert(items)
      .values({
        roadmapId: roadmap.id,
        sectionId: section.id,
        position,
        number: input.number ?? null,
        level: input.level ?? null,
        measure: input.measure,
        description: input.description ?? null,
        responsibleText: input.responsibleText ?? null,
        participants: input.participants ?? null,
        indicator: input.indicator ?? null,
        targetComparator: input.targetComparator ?? null,
        targetValue: input.targetValue ?? null,
        targetUnit: input.targetUnit ?? null,
        actualValue: input.actualValue ?? null,
        evidenceKind: input.evidenceKind ?? null,
        targetCoverage: input.targetCoverage ?? false,
        proofWaiver: input.proofWaiver ?? null,
        sourceItemId: opts.sourceItemId ?? null,
        ...deadline,
      })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    if (input.responsibleUnitIds?.length)
      await setResponsibles(tx, created.id, owner.path, input.responsibleUnitIds, { isNew: true });
    await recordEvent(tx, actor, 'item.created', itemTarget(created), {
      measure: created.measure,
      number: created.number,
    });
    if (created.level) await syncCascade(tx, roadmap.id);
    return created;
  });
}
