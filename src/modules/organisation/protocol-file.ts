import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { meetings } from '../../db/schema/organisation.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { loadMeeting, loadMeetingToKeep } from './meeting-access.js';

// The signed protocol as a file: attached by the meeting's keeper through the files module (type
// checked by content), read by whoever reads the whole meeting — never by another school.

export async function attachProtocolFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; meetingId: string; upload: Upload; maxBytes: number },
) {
  const { meeting, unit } = await loadMeetingToKeep(db, opts.actor, opts.meetingId);
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: opts.actor.userId,
    maxBytes: opts.maxBytes,
  });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(meetings)
      .set({ protocolFileId: file.id, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.version, meeting.version)))
      .returning({ id: meetings.id });
    if (!row) throw conflict({ version: meeting.version });
    await recordEvent(
      tx,
      opts.actor,
      'meeting.protocol_file_attached',
      { entityType: 'meeting', entityId: meeting.id, orgUnitId: unit.id },
      { fileName: file.name },
    );
  });
  return file;
}

export async function readProtocolFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; meetingId: string },
) {
  const { meeting, full } = await loadMeeting(db, opts.actor, opts.meetingId);
  if (!full) throw forbidden('Протокол читают участники и ведущие заседания');
  if (!meeting.protocolFileId) throw notFound('Файл');
  const [file] = await db.select().from(files).where(eq(files.id, meeting.protocolFileId));
  const data = file ? await storage.get(file.storageKey) : null;
  if (!file || !data) throw notFound('Файл');
  return { file, data };
}
