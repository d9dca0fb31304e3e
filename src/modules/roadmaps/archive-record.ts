import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items } from '../../db/schema/roadmaps.js';
import { invalid } from '../../lib/errors.js';
import type { RoadmapPeriod } from './deadline.js';
import { IMPORTED_EXECUTION_COMMENT, periodEnded, periodNotEndedMessage } from './past-period.js';
import { OPEN_STATUSES } from './read-sql.js';

// A draft of an ended period kept as an archived record instead of being approved: the alternative
// the approval warning offers (update-roadmap.ts). The same record as an import with `archive`.

/**
 * A draft may be kept as an archived record instead of being approved (the alternative the approval
 * warning offers) only when asked explicitly and only for a period that has ended.
 */
export function assertArchivableAsRecord(roadmap: RoadmapPeriod, asked: boolean | undefined): void {
  if (!asked)
    throw invalid('Черновик переводится в архив только как архивная запись завершённого периода', [
      { field: 'archiveAsRecord', message: 'Подтвердите сохранение архивной записью' },
    ]);
  if (!periodEnded(roadmap))
    throw invalid(periodNotEndedMessage(roadmap), [
      { field: 'archiveAsRecord', message: periodNotEndedMessage(roadmap) },
    ]);
}

/** Marks the open measures of a roadmap kept as an archived record as executed per its document. */
export async function markExecutionImported(db: Db, roadmapId: string): Promise<void> {
  await db
    .update(items)
    .set({
      status: 'done',
      statusComment: IMPORTED_EXECUTION_COMMENT,
      version: sql`${items.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(items.roadmapId, roadmapId), inArray(items.status, OPEN_STATUSES)));
}
