import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskInstruments } from '../../db/schema/risk-profiles.js';
import { AppError, conflict } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { checkInstrumentDocument } from './check-instrument.js';
import { getInstrument, getInstrumentRow } from './get-instrument.js';
import type { Instrument } from './instrument.js';
import type { InstrumentView } from './instrument-views.js';

// Saving the editor's draft: the whole document, checked by the same schema as the CLI's and the import's.
// A frozen version is never changed (a campaign answered it): the save is refused with the way out.
// Concurrent edits: `version` is the draft's version the editor loaded; a stale one gets 409.

export const FROZEN_MESSAGE =
  'Эта версия анкет заморожена: по ней уже проводится анкетирование. Чтобы изменить анкеты, создайте новую версию.';

/** JSON with sorted keys: a document read back from jsonb has its keys in jsonb's order, not the editor's. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What changed, for the history: item ids added, removed or changed, and the other top-level keys. */
export function instrumentChanges(before: Instrument, after: Instrument): string[] {
  const out: string[] = [];
  const a = new Map(before.items.map((i) => [i.id, canonical(i)]));
  const b = new Map(after.items.map((i) => [i.id, canonical(i)]));
  for (const [id, json] of b) {
    if (!a.has(id)) out.push(`+${id}`);
    else if (a.get(id) !== json) out.push(id);
  }
  for (const id of a.keys()) if (!b.has(id)) out.push(`-${id}`);
  if ([...a.keys()].join() !== [...b.keys()].filter((id) => a.has(id)).join() && out.length === 0)
    out.push('порядок');
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    if (k === 'items' || k === 'id' || k === 'version') continue;
    if (canonical(before[k]) !== canonical(after[k])) out.push(k);
  }
  return out;
}

export async function updateInstrument(
  db: Db,
  opts: { actor: Actor; id: string; version: number; document: unknown },
): Promise<InstrumentView> {
  const row = await getInstrumentRow(db, { actor: opts.actor, id: opts.id, mode: 'write' });
  if (row.status !== 'draft') throw new AppError('CONFLICT', FROZEN_MESSAGE);
  const checked = checkInstrumentDocument(opts.document);
  const document = checkInstrumentDocument({ ...checked, id: row.code, version: row.versionNo });
  const title =
    typeof document.title === 'string' && document.title.trim() ? document.title.trim() : row.title;
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(riskInstruments)
      .set({ document, title, version: sql`${riskInstruments.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(riskInstruments.id, row.id),
          eq(riskInstruments.version, opts.version),
          eq(riskInstruments.status, 'draft'),
        ),
      )
      .returning({ id: riskInstruments.id });
    if (!updated) {
      const [now] = await tx
        .select({ status: riskInstruments.status })
        .from(riskInstruments)
        .where(eq(riskInstruments.id, row.id));
      throw now?.status === 'frozen' ? new AppError('CONFLICT', FROZEN_MESSAGE) : conflict();
    }
    await recordEvent(
      tx,
      opts.actor,
      'risk_instrument.updated',
      { entityType: 'risk_instrument', entityId: row.id, orgUnitId: row.regionId },
      {
        code: row.code,
        versionNo: row.versionNo,
        changes: instrumentChanges(row.document as Instrument, document),
      },
    );
  });
  return getInstrument(db, { actor: opts.actor, id: row.id });
}
