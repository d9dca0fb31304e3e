import { and, eq, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  identificationLists,
  identificationResults,
  identificationRuns,
  LIST_KINDS,
  listDecisions,
} from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { recordVersion } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import { lockRegionDataForRead } from '../assessment-data/region-data-lock.js';
import { recordEvent } from '../audit/record-event.js';
import { getListSummary, type ListSummary } from './list-summary.js';
import { approvedMessage } from './lists.js';
import { canWriteLists, isRegionReader } from './lists-access.js';
import { assertRunFresh } from './stale-runs.js';

// Creating the draft list of a year from a finished run (or switching a draft to another run).

export const createListInput = z.object({
  runId: z.uuid({ message: 'Неверный идентификатор расчёта' }),
  /** Which list of the year: ШНОР (default), ШНСУ, зона риска, резильентные. */
  kind: z.enum(LIST_KINDS, { message: 'Вид списка: shnor, shnsu, riskZone или resilient' }).default('shnor'),
  /** Optional: when switching the run of an existing draft, the version the user saw. */
  version: recordVersion().optional(),
});
export type CreateListInput = z.input<typeof createListInput>;

/**
 * The draft of the run's year and the given kind: created, or, when the year has a draft, switched to this run (decisions
 * are kept for the schools the new run has; the version goes up). A year with an approved list is
 * refused. Access: the regional operator of the run's region; the run must be done and not stale (the data
 * of a year it used imported again after it was started: CONFLICT, see stale-runs.ts).
 */
export async function createOrReplaceDraftList(
  db: Db,
  opts: { actor: Actor } & CreateListInput,
): Promise<ListSummary> {
  const { actor } = opts;
  const input = parseInput(createListInput, { runId: opts.runId, kind: opts.kind, version: opts.version });
  const [run] = await db.select().from(identificationRuns).where(eq(identificationRuns.id, input.runId));
  if (!run || !isRegionReader(actor, run.regionId)) throw notFound('Расчёт');
  if (!canWriteLists(actor, run.regionId))
    throw forbidden('Составлять списки может только региональный оператор региона');
  if (run.status !== 'done')
    throw invalid('Расчёт ещё не завершён: список составляется по завершённому расчёту');

  const listId = await db.transaction(async (tx) => {
    // No import of the region's data commits between the check and the draft.
    await lockRegionDataForRead(tx, run.regionId);
    await assertRunFresh(tx, run.id, 'create');
    // One writer per region at a time: two drafts of a year must not appear side by side.
    await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, run.regionId)).for('update');
    const existing = await tx
      .select()
      .from(identificationLists)
      .where(
        and(
          eq(identificationLists.regionId, run.regionId),
          eq(identificationLists.year, run.year),
          eq(identificationLists.kind, input.kind),
        ),
      );
    const approved = existing.find((l) => l.status === 'approved');
    if (approved) throw invalid(approvedMessage(approved));
    const draft = existing.find((l) => l.status === 'draft');
    if (!draft) {
      const [created] = await tx
        .insert(identificationLists)
        .values({ regionId: run.regionId, year: run.year, kind: input.kind, runId: run.id })
        .returning({ id: identificationLists.id });
      if (!created) throw new Error('list not created');
      await recordEvent(
        tx,
        actor,
        'identification_list.created',
        { entityType: 'identification_list' as const, entityId: created.id, orgUnitId: run.regionId },
        { year: run.year, runId: run.id, kind: input.kind },
      );
      return created.id;
    }
    if (input.version !== undefined && input.version !== draft.version)
      throw conflict({ version: draft.version });
    if (draft.runId === run.id) return draft.id;
    const [updated] = await tx
      .update(identificationLists)
      .set({ runId: run.id, version: sql`${identificationLists.version} + 1` })
      .where(
        and(
          eq(identificationLists.id, draft.id),
          eq(identificationLists.version, draft.version),
          eq(identificationLists.status, 'draft'),
        ),
      )
      .returning({ id: identificationLists.id });
    if (!updated) throw conflict();
    await recordEvent(
      tx,
      actor,
      'identification_list.run_switched',
      { entityType: 'identification_list' as const, entityId: draft.id, orgUnitId: run.regionId },
      {
        from: draft.runId,
        to: run.id,
      },
    );
    const present = tx
      .select({ id: identificationResults.schoolId })
      .from(identificationResults)
      .where(eq(identificationResults.runId, run.id));
    await tx
      .delete(listDecisions)
      .where(and(eq(listDecisions.listId, draft.id), notInArray(listDecisions.schoolId, present)));
    return draft.id;
  });
  return getListSummary(db, { actor, listId });
}
