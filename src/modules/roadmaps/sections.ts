import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items, sections } from '../../db/schema/roadmaps.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { loadManagedRoadmap } from './roadmap-access.js';
import { ROADMAP_COUNTED } from './strings.js';

// Sections («направления») are small: their four operations share this file.
// Access for all of them: whoever keeps the roadmap.

async function loadSection(db: Db, actor: Actor, sectionId: string) {
  const [s] = await db.select().from(sections).where(eq(sections.id, sectionId));
  if (!s) throw notFound('Раздел');
  const access = await loadManagedRoadmap(db, actor, s.roadmapId);
  return { section: s, ...access };
}

const target = (s: { id: string; roadmapId: string }) => ({
  entityType: 'section' as const,
  entityId: s.id,
  roadmapId: s.roadmapId,
});

export async function createSection(
  db: Db,
  opts: {
    actor: Actor;
    roadmapId: string;
    input: { number: string | null; title: string | null };
    position?: number;
  },
) {
  await loadManagedRoadmap(db, opts.actor, opts.roadmapId);
  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(sections)
      .where(eq(sections.roadmapId, opts.roadmapId));
    const position = Math.min(opts.position ?? n, n);
    // Positions are 0…n-1 (deleting a section closes the gap): appending moves nothing.
    if (position < n)
      await tx
        .update(sections)
        .set({ position: sql`${sections.position} + 1` })
        .where(and(eq(sections.roadmapId, opts.roadmapId), gt(sections.position, position - 1)));
    const [created] = await tx
      .insert(sections)
      .values({ roadmapId: opts.roadmapId, position, number: opts.input.number, title: opts.input.title })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await recordEvent(tx, opts.actor, 'section.created', target(created), {
      title: created.title ?? '',
      number: created.number,
    });
    return created;
  });
}

export async function updateSection(
  db: Db,
  opts: {
    actor: Actor;
    sectionId: string;
    input: { number?: string | null; title?: string | null; position?: number; version: number };
  },
) {
  const { section: before } = await loadSection(db, opts.actor, opts.sectionId);
  if (before.version !== opts.input.version) throw conflict({ version: before.version });
  const patch = { number: opts.input.number, title: opts.input.title };
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(sections)
      .set({
        ...(patch.number !== undefined && { number: patch.number }),
        ...(patch.title !== undefined && { title: patch.title }),
        version: sql`${sections.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(sections.id, before.id), eq(sections.version, opts.input.version)))
      .returning();
    if (!updated) throw conflict();
    const changes = diff(before, patch, ['number', 'title']);
    if (changes.length) await recordEvent(tx, opts.actor, 'section.updated', target(before), { changes });
    if (opts.input.position !== undefined && opts.input.position !== before.position) {
      await moveRow(tx, before.roadmapId, before.id, opts.input.position);
      await recordEvent(tx, opts.actor, 'section.moved', target(before), {
        from: before.position,
        to: opts.input.position,
      });
    }
    return updated;
  });
}

/** Reorders sections so that the moved one lands at `to`, keeping positions dense. */
async function moveRow(db: Db, roadmapId: string, id: string, to: number) {
  const all = await db
    .select({ id: sections.id })
    .from(sections)
    .where(eq(sections.roadmapId, roadmapId))
    .orderBy(asc(sections.position));
  const order = all.map((s) => s.id).filter((x) => x !== id);
  order.splice(Math.max(0, Math.min(to, order.length)), 0, id);
  for (const [i, sid] of order.entries())
    await db.update(sections).set({ position: i }).where(eq(sections.id, sid));
}

export async function deleteSection(db: Db, opts: { actor: Actor; sectionId: string; version: number }) {
  const { section } = await loadSection(db, opts.actor, opts.sectionId);
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(items)
    .where(eq(items.sectionId, section.id));
  if (n > 0) throw invalid(ROADMAP_COUNTED.sectionNotEmpty.render(n));
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(sections)
      .where(and(eq(sections.id, section.id), eq(sections.version, opts.version)))
      .returning({ id: sections.id });
    if (gone.length === 0) throw conflict();
    await tx
      .update(sections)
      .set({ position: sql`${sections.position} - 1` })
      .where(and(eq(sections.roadmapId, section.roadmapId), gt(sections.position, section.position)));
    await recordEvent(tx, opts.actor, 'section.deleted', target(section), { title: section.title ?? '' });
  });
}
