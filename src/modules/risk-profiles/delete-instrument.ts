import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskCampaigns, riskInstruments } from '../../db/schema/risk-profiles.js';
import { AppError, conflict } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { getInstrumentRow } from './get-instrument.js';
import { FROZEN_MESSAGE } from './update-instrument.js';

// Only a draft nobody uses can be deleted: a frozen version or one chosen by a campaign (even a campaign
// not yet opened) stays, because profiles and answers refer to it.

export async function deleteInstrument(
  db: Db,
  opts: { actor: Actor; id: string; version: number },
): Promise<void> {
  const row = await getInstrumentRow(db, { actor: opts.actor, id: opts.id, mode: 'write' });
  if (row.status !== 'draft') throw new AppError('CONFLICT', FROZEN_MESSAGE);
  await db.transaction(async (tx) => {
    const [used] = await tx
      .select({ id: riskCampaigns.id })
      .from(riskCampaigns)
      .where(eq(riskCampaigns.instrumentId, row.id))
      .limit(1);
    if (used)
      throw new AppError('CONFLICT', 'Эту версию анкет выбрала кампания анкетирования: удалить её нельзя.');
    const [gone] = await tx
      .delete(riskInstruments)
      .where(
        and(
          eq(riskInstruments.id, row.id),
          eq(riskInstruments.version, opts.version),
          eq(riskInstruments.status, 'draft'),
        ),
      )
      .returning({ id: riskInstruments.id });
    if (!gone) throw conflict();
    await recordEvent(
      tx,
      opts.actor,
      'risk_instrument.deleted',
      { entityType: 'risk_instrument', entityId: row.id, orgUnitId: row.regionId },
      { code: row.code, versionNo: row.versionNo },
    );
  });
}
