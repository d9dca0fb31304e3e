import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dataImports } from '../../db/schema/assessment.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { type AnyActor, isAdmin, isSystem } from '../access/actor.js';
import { regionLevelRegions } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { lockRegionDataForWrite } from './region-data-lock.js';
import { buildResultPacks, markPacking } from './result-packs.js';
import { type BulkLoader, type BulkSession, insertLoader } from './store.js';

// The one frame of storing assessment data, shared by the package import and the table import
// (issue 16 §1): who may load, and the transaction around the rows each writes its own way — the
// region's write lock, the schools held until commit, the years' packs rebuilt, the data_imports
// record and the history event, then fresh statistics.

/** Who may load data into which regions; the system (CLI, demo) must name the region. */
export function loaderRights(actor: AnyActor, regionId: string | undefined) {
  const admin = isSystem(actor) || isAdmin(actor);
  const operatorRegions = isSystem(actor) ? [] : regionLevelRegions(actor, ['regional_operator']);
  if (!admin && operatorRegions.length === 0) {
    throw forbidden('Загружать данные оценочных процедур может региональный оператор или администратор');
  }
  if (isSystem(actor) && !regionId)
    throw new AppError('INVALID_INPUT', 'Не указан регион для загрузки данных');
  return { admin, operatorRegions };
}

export type ImportRecord = {
  actor: AnyActor;
  regionId: string;
  fileName: string;
  years: number[];
  schools: number;
  results: number;
  contextValues: number;
  confirmations: number;
  /** The schools the rows belong to (org_units ids). */
  schoolIds: string[];
  /** «пакет» or «файл», for the message when the region's schools changed meanwhile. */
  noun: 'пакет' | 'файл';
};

/** Runs `write` inside the import transaction of `record` and returns what it returns. */
export async function storeImport<T>(
  db: Db,
  bulk: BulkLoader | undefined,
  record: ImportRecord,
  write: (s: BulkSession) => Promise<T>,
): Promise<T> {
  const { actor, regionId, schoolIds } = record;
  const out = await (bulk ?? insertLoader(db)).transaction(async (s) => {
    // Two imports into one region at once would interleave their deletes and inserts.
    await lockRegionDataForWrite(s.db, regionId);
    // This transaction rewrites the packs of its years itself: its writes to the rows keep other packs.
    await markPacking(s);
    // The schools exist and stay until commit (the lock a foreign-key check takes): the loader may skip
    // the per-row checks.
    const locked = await s.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(sql`${orgUnits.id} = any(${sql.param(schoolIds)}::uuid[])`)
      .for('key share');
    if (locked.length !== schoolIds.length) {
      throw new AppError(
        'CONFLICT',
        `Пока проверялся ${record.noun}, школы региона изменились: загрузите ${record.noun} ещё раз`,
      );
    }
    const result = await write(s);
    // The years' packs from the rows as they now are (other schools' rows of the years included).
    await buildResultPacks(s, regionId, record.years);
    await s.db.insert(dataImports).values({
      regionId,
      fileName: record.fileName,
      years: record.years,
      schools: record.schools,
      results: record.results,
      contextValues: record.contextValues,
      confirmations: record.confirmations,
      importedBy: isSystem(actor) ? null : actor.userId,
      // Not the transaction's start: a run queued while this import waited for the lock read the old data
      // and must be seen as older than the import (stale-runs.ts).
      importedAt: sql`clock_timestamp()`,
    });
    await recordEvent(
      s.db,
      actor ?? null,
      'assessment_data.imported',
      { entityType: 'assessment_data', entityId: regionId, orgUnitId: regionId },
      { fileName: record.fileName, years: record.years, results: record.results },
    );
    return result;
  });
  // A large load changes the tables' statistics at once: without fresh ones the planner reads them
  // with bad plans until autovacuum catches up (measured: a run's load 2–3× slower).
  await db.execute(sql`analyze assessment_results, context_values, confirmation_results`);
  return out;
}
