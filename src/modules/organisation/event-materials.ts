import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { eventMaterials } from '../../db/schema/organisation.js';
import { invalid, notFound, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { eventTarget, loadEvent, loadEventToKeep } from './event-access.js';
import { materialLinkInput } from './event-input.js';
import { EVENT_MSG } from './event-labels.js';
import { type EventDetail, eventDetailOf } from './get-event.js';

// Materials of an event: files through the files module (type checked by content, size limited) and
// links. Read by whoever reads the event; served here, as /api/files follows roadmaps and lists.

export async function addMaterialLink(
  db: Db,
  opts: { actor: Actor; eventId: string; name: string; url: string },
): Promise<EventDetail> {
  const { actor, eventId } = opts;
  const input = parseInput(materialLinkInput, { name: opts.name, url: opts.url });
  const loaded = await loadEventToKeep(db, actor, eventId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(eventMaterials)
      .values({ eventId, name: input.name, url: input.url })
      .returning({ id: eventMaterials.id });
    if (!row) throw new Error('material not added');
    await recordEvent(tx, actor, 'event.material_added', eventTarget(loaded.event), {
      materialId: row.id,
      name: input.name,
      file: false,
    });
  });
  return eventDetailOf(db, actor, await loadEvent(db, actor, eventId));
}

export async function addMaterialFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; eventId: string; upload: Upload; maxBytes: number },
): Promise<EventDetail> {
  const { actor, eventId } = opts;
  const loaded = await loadEventToKeep(db, actor, eventId);
  if (!opts.upload.data.length) throw invalid(EVENT_MSG.materialEmpty);
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: actor.userId,
    maxBytes: opts.maxBytes,
  });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(eventMaterials)
      .values({ eventId, name: file.name, fileId: file.id })
      .returning({ id: eventMaterials.id });
    if (!row) throw new Error('material not added');
    await recordEvent(tx, actor, 'event.material_added', eventTarget(loaded.event), {
      materialId: row.id,
      name: file.name,
      file: true,
    });
  });
  return eventDetailOf(db, actor, await loadEvent(db, actor, eventId));
}

/** Access: whoever reads the event. */
export async function readMaterialFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; eventId: string; materialId: string },
) {
  await loadEvent(db, opts.actor, opts.eventId);
  const [row] = await db
    .select({ file: files })
    .from(eventMaterials)
    .innerJoin(files, eq(files.id, eventMaterials.fileId))
    .where(and(eq(eventMaterials.id, opts.materialId), eq(eventMaterials.eventId, opts.eventId)));
  const data = row ? await storage.get(row.file.storageKey) : null;
  if (!row || !data) throw notFound('Файл');
  return { file: row.file, data };
}
