import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type RoadmapStatus, roadmaps, roadmapTargets } from '../../db/schema/roadmaps.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { assertFileAttachable } from '../files/file-access.js';
import { refreshBoundIndicators } from '../organisation/refresh-bound.js';
import { assertArchivableAsRecord, markExecutionImported } from './archive-record.js';
import { isBelow, syncCascade } from './cascade.js';
import { countPastDue, pastDeadlinesWarning } from './past-deadlines.js';
import { loadManagedRoadmap } from './roadmap-access.js';
import { type UpdateRoadmapInput, updateRoadmapInput } from './schemas.js';
import { ROADMAP_STATUS_LABELS } from './types.js';

const TRANSITIONS: Record<RoadmapStatus, RoadmapStatus[]> = {
  // A draft goes to the archive only as a record of a period that has ended (archiveAsRecord).
  draft: ['approved', 'archived'],
  approved: ['archived', 'draft'],
  archived: ['approved'],
};

const FIELDS = [
  'title',
  'kind',
  'periodKind',
  'periodYear',
  'approvalBody',
  'orderNumber',
  'orderDate',
  'orderFileId',
] as const;

/** Access: whoever keeps the roadmap. A stale `version` is a conflict and changes nothing. */
export async function updateRoadmap(
  db: Db,
  opts: { actor: Actor; roadmapId: string; input: UpdateRoadmapInput },
) {
  const { actor } = opts;
  const input = parseInput(updateRoadmapInput, opts.input);
  const { roadmap: before, owner } = await loadManagedRoadmap(db, actor, opts.roadmapId);
  if (before.version !== input.version) throw conflict({ version: before.version });
  const next = input.status ?? before.status;
  if (next !== before.status) {
    if (!TRANSITIONS[before.status].includes(next)) {
      throw invalid(
        `Нельзя перевести дорожную карту из статуса «${ROADMAP_STATUS_LABELS[before.status]}» в «${ROADMAP_STATUS_LABELS[next]}»`,
      );
    }
    const orderNumber = input.orderNumber !== undefined ? input.orderNumber : before.orderNumber;
    const orderDate = input.orderDate !== undefined ? input.orderDate : before.orderDate;
    if (next === 'approved' && (!orderNumber || !orderDate)) {
      throw invalid('Для утверждения укажите номер и дату приказа', [
        { field: 'orderNumber', message: 'Обязательно при утверждении' },
        { field: 'orderDate', message: 'Обязательно при утверждении' },
      ]);
    }
  }
  const asRecord = before.status === 'draft' && next === 'archived';
  if (asRecord) assertArchivableAsRecord(before, input.archiveAsRecord);
  if (next === 'approved' && before.status !== 'approved' && !input.acknowledgePastDeadlines) {
    const past = await countPastDue(db, before.id);
    if (past > 0) throw pastDeadlinesWarning(past);
  }
  if (input.targetUnitIds && !(await isBelow(db, owner.path, input.targetUnitIds))) {
    throw invalid('Адресаты дорожной карты должны входить в её территорию', [
      { field: 'targetUnitIds', message: 'Чужая организация' },
    ]);
  }
  if (input.orderFileId) await assertFileAttachable(db, actor, input.orderFileId, 'orderFileId');
  const patch: Partial<typeof roadmaps.$inferInsert> = {};
  for (const f of FIELDS) if (input[f] !== undefined) Object.assign(patch, { [f]: input[f] });
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(roadmaps)
      .set({
        ...patch,
        status: next,
        ...(asRecord && { executionImported: true }),
        version: sql`${roadmaps.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(roadmaps.id, before.id), eq(roadmaps.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    const target = {
      entityType: 'roadmap' as const,
      entityId: before.id,
      roadmapId: before.id,
      orgUnitId: owner.id,
    };
    const changes = diff(before, patch, [...FIELDS]);
    if (changes.length) await recordEvent(tx, actor, 'roadmap.updated', target, { changes });
    if (asRecord) await markExecutionImported(tx, before.id);
    if (next !== before.status)
      await recordEvent(tx, actor, 'roadmap.status_changed', target, {
        from: before.status,
        to: next,
        ...(asRecord && { executionImported: true }),
      });
    if (input.targetUnitIds) {
      await tx.delete(roadmapTargets).where(eq(roadmapTargets.roadmapId, before.id));
      const ids = [...new Set(input.targetUnitIds)];
      if (ids.length)
        await tx.insert(roadmapTargets).values(ids.map((id) => ({ roadmapId: before.id, orgUnitId: id })));
    }
    await syncCascade(tx, before.id);
    if (next !== before.status)
      await refreshBoundIndicators(tx, { regionId: regionOfPath(owner.path) ?? '' });
    return updated;
  });
}
