import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { roadmaps, roadmapTargets, sections } from '../../db/schema/roadmaps.js';
import { forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canManageUnit } from '../access/roadmap-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { assertFileAttachable } from '../files/file-access.js';
import { isBelow } from './cascade.js';
import { type CreateRoadmapInput, createRoadmapInput } from './schemas.js';

/** Access: whoever keeps the unit's roadmaps (canManageUnit). Starts as a draft with one empty section. */
export async function createRoadmap(
  db: Db,
  opts: { actor: Actor; input: CreateRoadmapInput; isDemo?: boolean },
) {
  const { actor } = opts;
  const input = parseInput(createRoadmapInput, opts.input);
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.orgUnitId), pathReadable(actor, orgUnits.path)));
  if (!unit) throw notFound('Организация');
  if (!canManageUnit(actor, unit))
    throw forbidden('Создавать дорожные карты этой организации вам не разрешено');
  if (input.targetUnitIds && !(await isBelow(db, unit.path, input.targetUnitIds))) {
    throw invalid('Адресаты дорожной карты должны входить в её территорию', [
      { field: 'targetUnitIds', message: 'Чужая организация' },
    ]);
  }
  if (input.orderFileId) await assertFileAttachable(db, actor, input.orderFileId, 'orderFileId');
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(roadmaps)
      .values({
        orgUnitId: unit.id,
        title: input.title,
        kind: input.kind,
        periodKind: input.periodKind,
        periodYear: input.periodYear,
        approvalBody: input.approvalBody ?? null,
        orderNumber: input.orderNumber ?? null,
        orderDate: input.orderDate ?? null,
        orderFileId: input.orderFileId ?? null,
        isDemo: opts.isDemo ?? false,
        createdBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await tx.insert(sections).values({ roadmapId: created.id, position: 0, number: null, title: null });
    if (input.targetUnitIds?.length) {
      await tx
        .insert(roadmapTargets)
        .values([...new Set(input.targetUnitIds)].map((id) => ({ roadmapId: created.id, orgUnitId: id })));
    }
    await recordEvent(
      tx,
      actor,
      'roadmap.created',
      { entityType: 'roadmap', entityId: created.id, roadmapId: created.id, orgUnitId: unit.id },
      { title: created.title },
    );
    return created;
  });
}
