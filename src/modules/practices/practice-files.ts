import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { practiceFiles, practices } from '../../db/schema/practices.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { getPractice } from './get-practice.js';
import { canAuthor, loadPractice } from './practice-access.js';
import { PRACTICE_MSG } from './strings.js';

// Materials of a practice: uploaded through the one storage path (type checked by content, size limit),
// changed by the author's team while the practice is a draft or returned; read by whoever sees it.

async function editable(db: Db, actor: Actor, practiceId: string, version: number) {
  const loaded = await loadPractice(db, actor, practiceId);
  const p = loaded.practice;
  if (!canAuthor(actor, loaded.authorPath)) throw forbidden(PRACTICE_MSG.editForbidden);
  if (p.status !== 'draft' && p.status !== 'returned') throw invalid(PRACTICE_MSG.filesState);
  if (p.version !== version) throw conflict({ version: p.version });
  return p;
}

/** Bumps the practice's version: a material is part of the record the reviewer judges. */
async function bump(tx: Db, id: string, version: number) {
  const [row] = await tx
    .update(practices)
    .set({ version: sql`${practices.version} + 1`, updatedAt: new Date() })
    .where(and(eq(practices.id, id), eq(practices.version, version)))
    .returning({ id: practices.id });
  if (!row) throw conflict();
}

export async function attachPracticeFile(
  db: Db,
  storage: FileStorage,
  opts: {
    actor: Actor;
    practiceId: string;
    version: number;
    upload: Upload;
    maxBytes: number;
    title?: string;
  },
) {
  const { actor } = opts;
  const p = await editable(db, actor, opts.practiceId, opts.version);
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: actor.userId,
    maxBytes: opts.maxBytes,
  });
  await db.transaction(async (tx) => {
    await bump(tx, p.id, opts.version);
    const [row] = await tx
      .insert(practiceFiles)
      .values({ practiceId: p.id, fileId: file.id, title: opts.title?.trim() || file.name })
      .returning({ id: practiceFiles.id });
    if (!row) throw new Error('practice file not inserted');
    await recordEvent(
      tx,
      actor,
      'practice.file_attached',
      { entityType: 'practice', entityId: p.id, orgUnitId: p.authorUnitId },
      { practiceFileId: row.id, fileId: file.id, fileName: file.name },
    );
  });
  return getPractice(db, { actor, practiceId: p.id });
}

export async function removePracticeFile(
  db: Db,
  opts: { actor: Actor; practiceId: string; practiceFileId: string; version: number },
) {
  const { actor } = opts;
  const p = await editable(db, actor, opts.practiceId, opts.version);
  const [pf] = await db
    .select({ id: practiceFiles.id, fileId: practiceFiles.fileId, name: files.name })
    .from(practiceFiles)
    .innerJoin(files, eq(files.id, practiceFiles.fileId))
    .where(and(eq(practiceFiles.id, opts.practiceFileId), eq(practiceFiles.practiceId, p.id)));
  if (!pf) throw notFound('Материал практики');
  await db.transaction(async (tx) => {
    await bump(tx, p.id, opts.version);
    await tx.delete(practiceFiles).where(eq(practiceFiles.id, pf.id));
    await recordEvent(
      tx,
      actor,
      'practice.file_removed',
      { entityType: 'practice', entityId: p.id, orgUnitId: p.authorUnitId },
      { practiceFileId: pf.id, fileId: pf.fileId, fileName: pf.name },
    );
  });
  return getPractice(db, { actor, practiceId: p.id });
}

/** A material's file and body, for whoever sees the practice (404 otherwise). */
export async function readPracticeFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; practiceId: string; practiceFileId: string },
) {
  const { practice } = await loadPractice(db, opts.actor, opts.practiceId);
  const [file] = await db
    .select({ file: files })
    .from(practiceFiles)
    .innerJoin(files, eq(files.id, practiceFiles.fileId))
    .where(and(eq(practiceFiles.id, opts.practiceFileId), eq(practiceFiles.practiceId, practice.id)));
  const data = file ? await storage.get(file.file.storageKey) : null;
  if (!file || !data) throw notFound('Материал практики');
  return { file: file.file, data };
}
