import { and, count, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items, sections } from '../../db/schema/roadmaps.js';
import { invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvents } from '../audit/record-event.js';
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
  const [created] = await createItems(db, {
    actor: opts.actor,
    roadmapId: opts.roadmapId,
    inputs: [opts.input],
    sourceItemId: opts.sourceItemId,
  });
  if (!created) throw new Error('insert returned nothing');
  return created;
}

/**
 * Several measures of one section in one transaction, in order (a template's measures, the demo): one
 * check of the roadmap, one insert of the rows, of their responsibles and of their history events.
 * Access: whoever keeps the roadmap. `position` of the first input places them all (default: the end).
 */
export async function createItems(
  db: Db,
  opts: { actor: Actor; roadmapId: string; inputs: CreateItemInput[]; sourceItemId?: string | null },
) {
  const { actor } = opts;
  const inputs = opts.inputs.map((x) => parseInput(createItemInput, x));
  const first = inputs[0];
  if (!first) return [];
  if (inputs.some((x) => x.sectionId !== first.sectionId)) {
    throw invalid('Мероприятия добавляются в один раздел', [
      { field: 'sectionId', message: 'Разные разделы' },
    ]);
  }
  const { roadmap, owner } = await loadManagedRoadmap(db, actor, opts.roadmapId);
  const [section] = await db
    .select()
    .from(sections)
    .where(and(eq(sections.id, first.sectionId), eq(sections.roadmapId, roadmap.id)));
  if (!section)
    throw invalid('Раздел не принадлежит этой дорожной карте', [
      { field: 'sectionId', message: 'Чужой раздел' },
    ]);
  const deadlines = inputs.map((x) =>
    resolveDeadline({ ...x, deadlineText: x.deadlineText ?? null }, null, roadmap),
  );
  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(items)
      .where(eq(items.sectionId, section.id));
    const position = Math.min(first.position ?? n, n);
    // Positions in a section are 0…n-1 (delete-item closes the gap): appending moves nothing.
    if (position < n)
      await tx
        .update(items)
        .set({ position: sql`${items.position} + ${inputs.length}` })
        .where(and(eq(items.sectionId, section.id), gte(items.position, position)));
    const created = await tx
      .insert(items)
      .values(
        inputs.map((input, k) => ({
          roadmapId: roadmap.id,
          sectionId: section.id,
          position: position + k,
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
          ...deadlines[k],
        })),
      )
      .returning();
    await setResponsibles(
      tx,
      owner.path,
      created.map((row, k) => ({ itemId: row.id, unitIds: inputs[k]?.responsibleUnitIds ?? [] })),
      { isNew: true },
    );
    await recordEvents(
      tx,
      actor,
      'item.created',
      created.map((row) => ({
        target: itemTarget(row),
        payload: { measure: row.measure, number: row.number },
      })),
    );
    if (created.some((row) => row.level)) await syncCascade(tx, roadmap.id);
    return created;
  });
}
