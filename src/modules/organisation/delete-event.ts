import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { events } from '../../db/schema/organisation.js';
import { conflict, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { eventTarget, loadEventToKeep } from './event-access.js';

/** Deletes a draft (with its named units); an announced event is cancelled instead, so nobody loses it. */
export async function deleteEvent(
  db: Db,
  opts: { actor: Actor; eventId: string; version: number },
): Promise<void> {
  const { event } = await loadEventToKeep(db, opts.actor, opts.eventId);
  if (event.version !== opts.version) throw conflict({ version: event.version });
  if (event.status !== 'draft')
    throw invalid('Удалить можно только черновик: объявленное мероприятие отмените');
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(events)
      .where(and(eq(events.id, event.id), eq(events.version, opts.version), eq(events.status, 'draft')))
      .returning({ id: events.id });
    if (!gone.length) throw conflict();
    await recordEvent(tx, opts.actor, 'event.deleted', eventTarget(event), { title: event.title });
  });
}
