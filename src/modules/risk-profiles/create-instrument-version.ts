import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskInstruments } from '../../db/schema/risk-profiles.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { checkInstrumentDocument } from './check-instrument.js';
import { DEFAULT_INSTRUMENT } from './default-instrument.js';
import { getInstrument, getInstrumentRow } from './get-instrument.js';
import type { Instrument } from './instrument.js';
import { requireRiskReferenceRegion } from './instrument-access.js';
import type { InstrumentView } from './instrument-views.js';

// A new version (a draft) of the region's questionnaires: a copy of an existing version (a frozen one is
// never edited — changing it means this) or of the system's draft. The new version keeps the code and
// gets the next number; the document's `id` and `version` are always the stored ones, so an exported
// file says exactly which version it is.

export async function createInstrumentVersion(
  db: Db,
  opts: { actor: Actor; basedOnId: string | null },
): Promise<InstrumentView> {
  // Who may write at all is decided first: a school never learns whether an id is an instrument.
  const regionId = requireRiskReferenceRegion(opts.actor, 'write');
  if (opts.basedOnId === null) {
    const { systemDraft: _, ...document } = DEFAULT_INSTRUMENT as Instrument & { systemDraft?: boolean };
    return insertInstrumentVersion(db, opts.actor, {
      regionId,
      document,
      basedOn: 'system',
      imported: false,
    });
  }
  const based = await getInstrumentRow(db, { actor: opts.actor, id: opts.basedOnId, mode: 'write' });
  return insertInstrumentVersion(db, opts.actor, {
    regionId: based.regionId,
    document: based.document as Instrument,
    basedOn: based.id,
    imported: false,
  });
}

/** Inserts the next version of the document's code in the region as a draft; the document is checked first. */
export async function insertInstrumentVersion(
  db: Db,
  actor: Actor,
  opts: { regionId: string; document: Instrument; basedOn: string | null; imported: boolean },
): Promise<InstrumentView> {
  const code = opts.document.id;
  // Two operators at once: the unique (region, code, version) lets one win; the other takes the next number.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [top] = await db
      .select({ v: max(riskInstruments.versionNo) })
      .from(riskInstruments)
      .where(and(eq(riskInstruments.regionId, opts.regionId), eq(riskInstruments.code, code)));
    const versionNo = (top?.v ?? 0) + 1;
    const document = checkInstrumentDocument({ ...opts.document, id: code, version: versionNo });
    const title = typeof document.title === 'string' && document.title.trim() ? document.title.trim() : code;
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(riskInstruments)
        .values({
          regionId: opts.regionId,
          code,
          versionNo,
          title,
          document,
          status: 'draft',
          createdBy: actor.userId,
        })
        .onConflictDoNothing()
        .returning({ id: riskInstruments.id });
      if (row) {
        await recordEvent(
          tx,
          actor,
          'risk_instrument.created',
          { entityType: 'risk_instrument', entityId: row.id, orgUnitId: opts.regionId },
          { code, versionNo, basedOn: opts.basedOn, imported: opts.imported },
        );
      }
      return row?.id;
    });
    if (id) return getInstrument(db, { actor, id });
  }
  throw new Error('Не удалось сохранить версию анкет: повторите попытку');
}
