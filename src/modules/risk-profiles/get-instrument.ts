import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskInstruments } from '../../db/schema/risk-profiles.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { itemCounts } from './check-instrument.js';
import { DEFAULT_INSTRUMENT, DEFAULT_INSTRUMENT_TITLE } from './default-instrument.js';
import {
  assertRiskReferenceAccess,
  type RiskReferenceMode,
  requireRiskReferenceRegion,
} from './instrument-access.js';
import type { InstrumentView } from './instrument-views.js';
import { type InstrumentRow, instrumentViews } from './list-instruments.js';

/** The stored row, after the access check (NOT_FOUND outside the actor's regions, FORBIDDEN for a reader who writes). */
export async function getInstrumentRow(
  db: Db,
  opts: { actor: Actor; id: string; mode: RiskReferenceMode },
): Promise<InstrumentRow> {
  const [row] = await db.select().from(riskInstruments).where(eq(riskInstruments.id, opts.id));
  if (!row) throw notFound('Версия анкет');
  assertRiskReferenceAccess(opts.actor, row.regionId, opts.mode, 'Версия анкет');
  return row;
}

export async function getInstrument(db: Db, opts: { actor: Actor; id: string }): Promise<InstrumentView> {
  const row = await getInstrumentRow(db, { ...opts, mode: 'read' });
  const [view] = await instrumentViews(db, opts.actor, eq(riskInstruments.id, row.id));
  if (!view) throw notFound('Версия анкет');
  return view;
}

/** The system's draft (not stored): what a region starts its own version from. */
export function getSystemDraft(opts: { actor: Actor }) {
  requireRiskReferenceRegion(opts.actor, 'read');
  return {
    title: DEFAULT_INSTRUMENT_TITLE,
    items: itemCounts(DEFAULT_INSTRUMENT),
    document: DEFAULT_INSTRUMENT,
  };
}
