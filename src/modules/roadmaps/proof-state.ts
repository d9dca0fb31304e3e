import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cascadeTasks, itemEvidence, type items } from '../../db/schema/roadmaps.js';
import { invalid } from '../../lib/errors.js';
import { missingProof } from './proof-rule.js';
import { taskStatus } from './read-sql.js';

type Item = typeof items.$inferSelect;

/**
 * The share (%) of lower units that executed the item's cascaded task, by the same status rule as
 * the roll-up; null when the measure is not addressed to anyone below.
 */
export async function coverageOf(db: Db, itemId: string): Promise<number | null> {
  const [r] = await db
    .select({
      done: sql<number>`count(*) filter (where ${sql.raw(taskStatus('cascade_tasks'))} = 'done')::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(cascadeTasks)
    .where(eq(cascadeTasks.sourceItemId, itemId));
  if (!r || r.total === 0) return null;
  return Math.round((r.done / r.total) * 1000) / 10;
}

/**
 * Checks that the item may be marked done with the fact `actual`: throws INVALID_INPUT saying
 * exactly what is missing, unless the keeper wrote an exception. Returns the computed coverage.
 */
export async function proofOf(
  db: Db,
  item: Item,
  actual: number | null,
): Promise<{ coverage: number | null }> {
  const files = await db
    .select({ kind: itemEvidence.kind })
    .from(itemEvidence)
    .where(eq(itemEvidence.itemId, item.id));
  const coverage = item.targetCoverage && item.targetValue !== null ? await coverageOf(db, item.id) : null;
  if (item.proofWaiver) return { coverage };
  const missing = missingProof(item, { files, actualValue: actual, coverage });
  if (missing.length)
    throw invalid(missing.join('. '), [
      {
        field: missing.some((m) => m.startsWith('Укажите')) ? 'actualValue' : 'evidence',
        message: missing.join('. '),
      },
    ]);
  return { coverage };
}
