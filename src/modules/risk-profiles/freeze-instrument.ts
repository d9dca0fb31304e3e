import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskInstruments } from '../../db/schema/risk-profiles.js';

// LOCAL STAND-IN (helper "campaigns") until the instruments module's own version lands with this exact
// signature: a campaign that opens freezes its instrument for good.

/** Marks the instrument frozen (idempotent); call it in the transaction that opens a campaign. */
export async function freezeInstrument(tx: Db, instrumentId: string): Promise<void> {
  await tx.update(riskInstruments).set({ status: 'frozen' }).where(eq(riskInstruments.id, instrumentId));
}
