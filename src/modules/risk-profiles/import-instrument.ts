import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { checkInstrumentDocument } from './check-instrument.js';
import { insertInstrumentVersion } from './create-instrument-version.js';
import { requireRiskReferenceRegion } from './instrument-access.js';
import type { InstrumentView } from './instrument-views.js';

// An instrument JSON file (exported from Opora or written by hand, docs/data-formats.md) becomes a new
// draft of the region: the next version of the file's `id`, whatever `version` the file says.

export async function importInstrument(
  db: Db,
  opts: { actor: Actor; document: unknown },
): Promise<InstrumentView> {
  const regionId = requireRiskReferenceRegion(opts.actor, 'write');
  const document = checkInstrumentDocument(opts.document, 'Файл анкет');
  return insertInstrumentVersion(db, opts.actor, { regionId, document, basedOn: null, imported: true });
}
