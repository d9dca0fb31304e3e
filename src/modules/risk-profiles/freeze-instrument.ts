import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskInstruments } from '../../db/schema/risk-profiles.js';
import { notFound } from '../../lib/errors.js';
import type { Instrument } from './instrument.js';
import { parseInstrument } from './parse-instrument.js';

// Called by the campaigns module inside the transaction that opens a campaign: from then on the version
// is never edited (its answers and profiles depend on every item). Idempotent; returns the document, checked
// again by the schema, so the campaign works with exactly what was frozen. Access is the caller's: it
// has already decided the actor may open a campaign with this instrument. No history event of its own:
// the campaign's opening is the event.

export async function freezeInstrument(tx: Db, id: string): Promise<Instrument> {
  const [row] = await tx
    .update(riskInstruments)
    .set({ status: 'frozen', updatedAt: new Date() })
    .where(eq(riskInstruments.id, id))
    .returning({ document: riskInstruments.document });
  if (!row) throw notFound('Версия анкет');
  const parsed = parseInstrument(row.document);
  if (!parsed.ok) throw new Error(`Версия анкет ${id} не проходит проверку: ${parsed.issues[0]?.message}`);
  return parsed.instrument;
}
