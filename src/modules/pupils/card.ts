import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { pupilMeasures, pupilResults } from '../../db/schema/pupils.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { currentStaff, keptPupil, keptSchool, readablePupil, staffName } from './access.js';
import { checkpointsOf } from './checkpoints.js';
import { historyLine } from './history.js';
import { decryptPersonal } from './pupil-crypto.js';

// A pupil's card: the one read that returns his identity. Every read writes `pupil.card_read` (who,
// when; no name) in a transaction of its own, before the answer leaves — so a read is recorded even
// when the reader's request fails afterwards. The school's team sees the list of reads on the card and
// the register of reads of the school.

/** Everything the system holds about the pupil, decrypted (the card and the export for a parent). */
export async function pupilDossier(db: Db, row: Awaited<ReturnType<typeof readablePupil>>) {
  const { r } = row;
  const [measures, results, staff, checkpoints] = await Promise.all([
    db
      .select()
      .from(pupilMeasures)
      .where(eq(pupilMeasures.recordId, r.id))
      .orderBy(asc(pupilMeasures.startsOn)),
    db.select().from(pupilResults).where(eq(pupilResults.recordId, r.id)),
    currentStaff(db, r.schoolId),
    checkpointsOf(db, { schoolId: r.schoolId, schoolPath: row.schoolPath, year: r.year }),
  ]);
  const nameOf = (id: string | null) => {
    const s = id ? staff.find((x) => x.id === id) : undefined;
    return s ? staffName(s) : null;
  };
  const order = new Map(checkpoints.map((c, i) => [c.key, i]));
  return {
    id: r.id,
    version: r.version,
    school: { id: r.schoolId, name: row.schoolName },
    year: r.year,
    name: decryptPersonal(r.nameEnc),
    birthDate: r.birthDateEnc ? decryptPersonal(r.birthDateEnc) : null,
    classLabel: r.classLabel,
    grade: r.grade,
    category: r.category,
    subjects: r.subjects,
    causes: r.causes,
    ovz: r.ovz,
    limitedRussian: r.limitedRussian,
    teachers: r.teacherIds.map((id) => ({ id, name: nameOf(id) ?? 'педагог выбыл' })),
    includedOn: r.includedOn,
    excludedOn: r.excludedOn,
    exclusionReason: r.exclusionReason,
    exclusionNote: r.exclusionNote,
    purgeAfter: r.purgeAfter,
    measures: measures.map((m) => ({
      id: m.id,
      version: m.version,
      kind: m.kind,
      topic: m.topic,
      startsOn: m.startsOn,
      endsOn: m.endsOn,
      responsibleStaffId: m.responsibleStaffId,
      responsibleName: nameOf(m.responsibleStaffId),
      partner: m.partnerEnc ? decryptPersonal(m.partnerEnc) : null,
      notes: m.notes,
    })),
    checkpoints,
    results: results
      .map((x) => ({
        checkpointKey: x.checkpointKey,
        version: x.version,
        status: x.status,
        marks: x.marks,
        diagnostics: x.diagnostics,
      }))
      .sort((a, b) => (order.get(a.checkpointKey) ?? 99) - (order.get(b.checkpointKey) ?? 99)),
  };
}

export async function readsOf(db: Db, recordIds: string[]) {
  if (recordIds.length === 0) return [];
  return db
    .select({ recordId: auditEvents.entityId, at: auditEvents.at, actorName: auditEvents.actorName })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.type, 'pupil.card_read'),
        eq(auditEvents.entityType, 'pupil_record'),
        inArray(auditEvents.entityId, recordIds),
      ),
    )
    .orderBy(desc(auditEvents.at));
}

/** The card with identity; records the read. The team also gets the reads and the history. */
export async function pupilCard(db: Db, opts: { actor: Actor; id: string }) {
  const row = await readablePupil(db, opts.actor, opts.id);
  await recordEvent(
    db,
    opts.actor,
    'pupil.card_read',
    { entityType: 'pupil_record', entityId: row.r.id, orgUnitId: row.r.schoolId },
    { schoolId: row.r.schoolId, classLabel: row.r.classLabel },
  );
  const dossier = await pupilDossier(db, row);
  const history = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'pupil_record'),
        eq(auditEvents.entityId, row.r.id),
        ne(auditEvents.type, 'pupil.card_read'),
      ),
    )
    .orderBy(asc(auditEvents.at));
  const reads = row.keeps ? await readsOf(db, [row.r.id]) : null;
  return {
    ...dossier,
    keeps: row.keeps,
    reads: reads?.map((x) => ({ at: x.at.toISOString(), actorName: x.actorName })) ?? null,
    history: history.map((e) => ({
      at: e.at.toISOString(),
      actorName: e.actorName,
      text: historyLine(e.type, e.payload),
    })),
  };
}

/** The reads of one pupil's card (the school's team). */
export async function pupilReads(db: Db, opts: { actor: Actor; id: string }) {
  const row = await keptPupil(db, opts.actor, opts.id);
  return (await readsOf(db, [row.r.id])).map((x) => ({ at: x.at.toISOString(), actorName: x.actorName }));
}

/** The register of reads of the school's pupils' cards: who, when, which record (by class; no name). */
export async function schoolReads(db: Db, opts: { actor: Actor; schoolId: string; limit?: number }) {
  const school = await keptSchool(db, opts.actor, opts.schoolId);
  const rows = await db
    .select({
      recordId: auditEvents.entityId,
      at: auditEvents.at,
      actorName: auditEvents.actorName,
      payload: auditEvents.payload,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.type, 'pupil.card_read'), eq(auditEvents.orgUnitId, school.id)))
    .orderBy(desc(auditEvents.at))
    .limit(opts.limit ?? 500);
  return rows.map((x) => ({
    recordId: x.recordId,
    at: x.at.toISOString(),
    actorName: x.actorName,
    classLabel: (x.payload as { classLabel?: string }).classLabel ?? '',
  }));
}
