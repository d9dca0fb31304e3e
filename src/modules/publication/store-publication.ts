import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import type { PublicationKind } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { checkFileType } from '../files/file-types.js';
import { cleanFileName } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { recordPublication } from './record-publication.js';
import type { PublicationOptions, SnapshotOf } from './snapshot.js';

// The last step every publishing operation takes, in its transaction: the files' rows are written (or
// the already issued ones reused), the next version is written and the history event recorded. The
// files' bodies are put into the storage before the transaction (`stageFile`): the database storage may
// write through another connection, which on the embedded database (one connection) would wait for this
// very transaction. A failed publication leaves at most an unreferenced body, as an upload does.

/** A body already in the storage, to be recorded as a file in the transaction. */
export type StagedFile = { name: string; mime: string; size: number; sha256: string };

/** A file to publish: a staged body, or a stored file reused (an issued report's). */
export type PublishedFile = StagedFile | { fileId: string } | null;

export async function stageFile(
  storage: FileStorage,
  upload: { name: string; data: Buffer },
): Promise<StagedFile> {
  const name = cleanFileName(upload.name);
  const mime = checkFileType(name, upload.data);
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  await storage.put(sha256, upload.data);
  return { name, mime, size: upload.data.length, sha256 };
}

/** Windows and LibreOffice refuse some characters in file names; a title may contain them. */
export const fileBase = (title: string) =>
  title
    .replace(/[\\/:*?"<>|«»]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);

async function fileId(tx: Db, actor: Actor, f: PublishedFile): Promise<string | null> {
  if (!f) return null;
  if ('fileId' in f) return f.fileId;
  const [row] = await tx
    .insert(files)
    .values({
      storageKey: f.sha256,
      name: f.name,
      mime: f.mime,
      size: f.size,
      sha256: f.sha256,
      uploadedBy: actor.userId,
    })
    .returning({ id: files.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function storePublication<K extends PublicationKind>(
  tx: Db,
  actor: Actor,
  p: {
    kind: K;
    objectId: string;
    orgUnitId: string;
    title: string;
    snapshot: SnapshotOf<K>;
    options: PublicationOptions;
    docx: PublishedFile;
    pdf: PublishedFile;
  },
) {
  const row = await recordPublication(tx, {
    kind: p.kind,
    objectId: p.objectId,
    orgUnitId: p.orgUnitId,
    title: p.title,
    snapshot: p.snapshot,
    options: p.options,
    docxFileId: await fileId(tx, actor, p.docx),
    pdfFileId: await fileId(tx, actor, p.pdf),
    by: { userId: actor.userId, fullName: actor.fullName },
  });
  await recordEvent(
    tx,
    actor,
    'publication.published',
    { entityType: 'publication', entityId: row.id, orgUnitId: p.orgUnitId },
    {
      kind: p.kind,
      objectId: p.objectId,
      version: row.version,
      title: p.title,
      ...(p.options.showExecution === undefined ? {} : { showExecution: p.options.showExecution }),
      ...(p.options.schoolNames === undefined ? {} : { schoolNames: p.options.schoolNames }),
    },
  );
  return row;
}
