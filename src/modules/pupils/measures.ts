import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { pupilMeasures } from '../../db/schema/pupils.js';
import { AppError, conflict, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { checkStaff, keptPupil } from './access.js';
import { decryptPersonal, encryptPersonal } from './pupil-crypto.js';
import type { createMeasureInput, updateMeasureInput } from './schemas.js';
import { PUPIL_MSG } from './strings.js';

// Support measures of a pupil, kept by the school's team. A «ученик–ученик» pair names the other pupil:
// encrypted like the pupil's own name and never in the history (the event says only that it changed).

const partnerCheck = (kind: string, partner: string | null | undefined) => {
  if (partner && kind !== 'pupil_pair')
    throw invalid(PUPIL_MSG.partnerOnlyPair, [{ field: 'partner', message: PUPIL_MSG.partnerOnlyPair }]);
};

export async function createMeasure(
  db: Db,
  opts: { actor: Actor; pupilId: string; input: z.infer<typeof createMeasureInput> },
) {
  const { actor, input } = opts;
  const { r } = await keptPupil(db, actor, opts.pupilId);
  partnerCheck(input.kind, input.partner);
  if (input.responsibleStaffId)
    await checkStaff(db, r.schoolId, [input.responsibleStaffId], 'responsibleStaffId');
  return db.transaction(async (tx) => {
    const [m] = await tx
      .insert(pupilMeasures)
      .values({
        recordId: r.id,
        kind: input.kind,
        topic: input.topic,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        responsibleStaffId: input.responsibleStaffId ?? null,
        partnerEnc: input.partner ? encryptPersonal(input.partner) : null,
        notes: input.notes ?? null,
      })
      .returning({ id: pupilMeasures.id, version: pupilMeasures.version });
    if (!m) throw new Error('insert returned nothing');
    await recordEvent(
      tx,
      actor,
      'pupil_measure.created',
      { entityType: 'pupil_record', entityId: r.id, orgUnitId: r.schoolId },
      { measureId: m.id, kind: input.kind },
    );
    return m;
  });
}

async function keptMeasure(db: Db, actor: Actor, pupilId: string, id: string) {
  // Not readable as a pupil → 404 (from keptPupil), as if the measure did not exist.
  const row = await keptPupil(db, actor, pupilId);
  const [m] = await db
    .select()
    .from(pupilMeasures)
    .where(and(eq(pupilMeasures.id, id), eq(pupilMeasures.recordId, row.r.id)));
  if (!m) throw new AppError('NOT_FOUND', PUPIL_MSG.measureNotFound);
  return { m, r: row.r };
}

const MEASURE_FIELDS = ['kind', 'topic', 'startsOn', 'endsOn', 'responsibleStaffId', 'notes'] as const;

export async function updateMeasure(
  db: Db,
  opts: { actor: Actor; pupilId: string; id: string; input: z.infer<typeof updateMeasureInput> },
) {
  const { actor, input } = opts;
  const { m, r } = await keptMeasure(db, actor, opts.pupilId, opts.id);
  const kind = input.kind ?? m.kind;
  partnerCheck(kind, input.partner === undefined ? (m.partnerEnc ? 'есть' : null) : input.partner);
  if (input.responsibleStaffId)
    await checkStaff(db, r.schoolId, [input.responsibleStaffId], 'responsibleStaffId');
  const plain = Object.fromEntries(
    MEASURE_FIELDS.filter((k) => k in input).map((k) => [k, input[k] ?? null]),
  );
  const changes = diff(m as Record<string, unknown>, plain, [...MEASURE_FIELDS]);
  if (
    input.partner !== undefined &&
    (input.partner ?? null) !== (m.partnerEnc ? decryptPersonal(m.partnerEnc) : null)
  )
    changes.push({ field: 'partner', old: null, new: null });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(pupilMeasures)
      .set({
        ...plain,
        ...(input.partner !== undefined
          ? { partnerEnc: input.partner ? encryptPersonal(input.partner) : null }
          : {}),
        version: sql`${pupilMeasures.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(pupilMeasures.id, m.id), eq(pupilMeasures.version, input.version)))
      .returning({ id: pupilMeasures.id, version: pupilMeasures.version });
    if (!row) throw conflict({ version: m.version });
    if (changes.length)
      await recordEvent(
        tx,
        actor,
        'pupil_measure.updated',
        { entityType: 'pupil_record', entityId: r.id, orgUnitId: r.schoolId },
        { measureId: m.id, changes },
      );
    return row;
  });
}

export async function deleteMeasure(
  db: Db,
  opts: { actor: Actor; pupilId: string; id: string; version: number },
) {
  const { m, r } = await keptMeasure(db, opts.actor, opts.pupilId, opts.id);
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(pupilMeasures)
      .where(and(eq(pupilMeasures.id, m.id), eq(pupilMeasures.version, opts.version)))
      .returning({ id: pupilMeasures.id });
    if (!gone) throw conflict({ version: m.version });
    await recordEvent(
      tx,
      opts.actor,
      'pupil_measure.deleted',
      { entityType: 'pupil_record', entityId: r.id, orgUnitId: r.schoolId },
      { measureId: m.id, kind: m.kind },
    );
  });
}
