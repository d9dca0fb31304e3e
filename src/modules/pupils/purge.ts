import { and, count, eq, inArray, isNotNull, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { pupilMeasures, pupilRecords, pupilResults } from '../../db/schema/pupils.js';
import { log } from '../../lib/log.js';
import { systemActor } from '../access/actor.js';
import { recordEvents } from '../audit/record-event.js';

// Deletion, not archiving (issue 14 §2): a record is deleted with its measures and results on the day
// `purge_after` set at exclusion (the exclusion date + PUPIL_RETENTION_DAYS). The sweep runs at the
// server's start and daily (server.ts); one event per school counts what was deleted — no names, no ids
// of pupils in the payload. The record's history is deleted with it; the reads of a deleted card stay
// in the audit log without a name.

export const PURGE_ACTOR = systemActor('Удаление записей обучающихся по сроку хранения');

export async function purgeExpiredPupils(db: Db, opts: { today?: string } = {}) {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: pupilRecords.id, schoolId: pupilRecords.schoolId })
      .from(pupilRecords)
      .where(and(isNotNull(pupilRecords.purgeAfter), lte(pupilRecords.purgeAfter, today)))
      .for('update');
    if (due.length === 0) return { records: 0, measures: 0, results: 0 };
    const perSchool = new Map<string, { records: number; measures: number; results: number }>();
    const ids = due.map((d) => d.id);
    const measures = await tx
      .select({ recordId: pupilMeasures.recordId, n: count() })
      .from(pupilMeasures)
      .where(inArray(pupilMeasures.recordId, ids))
      .groupBy(pupilMeasures.recordId);
    const results = await tx
      .select({ recordId: pupilResults.recordId, n: count() })
      .from(pupilResults)
      .where(inArray(pupilResults.recordId, ids))
      .groupBy(pupilResults.recordId);
    const schoolOf = new Map(due.map((d) => [d.id, d.schoolId]));
    const at = (id: string) => {
      const s = schoolOf.get(id) ?? '';
      const c = perSchool.get(s) ?? { records: 0, measures: 0, results: 0 };
      perSchool.set(s, c);
      return c;
    };
    for (const d of due) at(d.id).records++;
    for (const m of measures) at(m.recordId).measures += Number(m.n);
    for (const r of results) at(r.recordId).results += Number(r.n);
    // Measures and results go with the record (ON DELETE CASCADE); deleted explicitly all the same.
    await tx.delete(pupilMeasures).where(inArray(pupilMeasures.recordId, ids));
    await tx.delete(pupilResults).where(inArray(pupilResults.recordId, ids));
    await tx.delete(pupilRecords).where(inArray(pupilRecords.id, ids));
    // The record's history goes too (its categories, causes, measures' topics and notes were in it):
    // only the reads and exports of the card stay, without a name — who looked at a pupil's data is kept.
    await tx
      .delete(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, 'pupil_record'),
          inArray(auditEvents.entityId, ids),
          notInArray(auditEvents.type, ['pupil.card_read', 'pupil.exported']),
        ),
      );
    await recordEvents(
      tx,
      PURGE_ACTOR,
      'pupils.purged',
      [...perSchool].map(([schoolId, c]) => ({
        target: { entityType: 'org_unit' as const, entityId: schoolId, orgUnitId: schoolId },
        payload: c,
      })),
    );
    const sum = (k: 'records' | 'measures' | 'results') =>
      [...perSchool.values()].reduce((s, c) => s + c[k], 0);
    return { records: sum('records'), measures: sum('measures'), results: sum('results') };
  });
}

/** Runs the sweep now and then daily; returns the stop. */
export function schedulePupilPurge(db: Db, info: (m: string) => void = (m) => log.info(m)): () => void {
  const run = () =>
    purgeExpiredPupils(db).then(
      (r) => {
        if (r.records) info(`Удалены записи обучающихся по сроку хранения: ${r.records}`);
      },
      (e) => log.error({ err: e }, 'Удаление записей обучающихся не удалось'),
    );
  const timer = setInterval(run, 24 * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
