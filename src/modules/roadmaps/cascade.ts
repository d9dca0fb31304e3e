import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { cascadeTasks, items, type Level, roadmaps, roadmapTargets } from '../../db/schema/roadmaps.js';

const KIND_OF_LEVEL: Partial<Record<Level, 'municipality' | 'school'>> = {
  municipal: 'municipality',
  school: 'school',
};

/**
 * Makes every measure of an approved roadmap that is addressed to a lower level appear as a task
 * («к исполнению») for each addressed unit. Units are the roadmap's targets of that kind, or, for
 * municipal measures, the municipalities of the target schools; with no targets, every unit of that
 * kind below the owner. Idempotent: call it after approval and after any change of items.
 */
export async function syncCascade(db: Db, roadmapId: string): Promise<void> {
  const [row] = await db
    .select({ r: roadmaps, u: orgUnits })
    .from(roadmaps)
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .where(eq(roadmaps.id, roadmapId));
  if (row?.r.status !== 'approved') return;
  // An institution's roadmap addresses the units of the region or municipality it belongs to.
  const scopePath = row.u.kind === 'institution' ? row.u.path.replace(/[^/]+\/$/, '') : row.u.path;
  const all = await db
    .select({ id: items.id, level: items.level })
    .from(items)
    .where(eq(items.roadmapId, roadmapId));
  const targets = await db
    .select({ id: orgUnits.id, kind: orgUnits.kind, parentId: orgUnits.parentId })
    .from(roadmapTargets)
    .innerJoin(orgUnits, eq(orgUnits.id, roadmapTargets.orgUnitId))
    .where(eq(roadmapTargets.roadmapId, roadmapId));
  const below = await db
    .select({ id: orgUnits.id, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(like(orgUnits.path, `${scopePath}%`), inArray(orgUnits.kind, ['municipality', 'school'])));
  const unitsFor = (kind: 'municipality' | 'school'): string[] => {
    if (kind === row.u.kind) return []; // a municipality's municipal measures are its own
    const explicit = targets.filter((t) => t.kind === kind).map((t) => t.id);
    if (explicit.length) return explicit;
    if (kind === 'municipality' && targets.length) {
      return [
        ...new Set(targets.filter((t) => t.kind === 'school' && t.parentId).map((t) => t.parentId as string)),
      ];
    }
    return below.filter((u) => u.kind === kind).map((u) => u.id);
  };
  const wanted: { sourceItemId: string; orgUnitId: string }[] = [];
  const cascading: string[] = [];
  for (const it of all) {
    const kind = it.level ? KIND_OF_LEVEL[it.level] : undefined;
    if (!kind) continue;
    const units = unitsFor(kind);
    if (units.length) cascading.push(it.id);
    for (const u of units) wanted.push({ sourceItemId: it.id, orgUnitId: u });
  }
  const notCascading = all.map((i) => i.id).filter((id) => !cascading.includes(id));
  if (notCascading.length) {
    // A measure moved to the owner's own level no longer has tasks below.
    await db.delete(cascadeTasks).where(inArray(cascadeTasks.sourceItemId, notCascading));
  }
  for (let i = 0; i < wanted.length; i += 1000) {
    await db
      .insert(cascadeTasks)
      .values(wanted.slice(i, i + 1000))
      .onConflictDoNothing();
  }
}

/** Units below a unit (for the target picker and checks). */
export async function isBelow(db: Db, ancestorPath: string, unitIds: string[]): Promise<boolean> {
  if (unitIds.length === 0) return true;
  const [r] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(orgUnits)
    .where(and(inArray(orgUnits.id, unitIds), like(orgUnits.path, `${ancestorPath}%`)));
  return (r?.n ?? 0) === new Set(unitIds).size;
}
