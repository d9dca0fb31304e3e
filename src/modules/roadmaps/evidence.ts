import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { files } from '../../db/schema/files.js';
import { type EvidenceKind, itemEvidence } from '../../db/schema/roadmaps.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { itemTarget, loadItemAccess, loadManagedItem } from './item-access.js';

/**
 * Access: whoever keeps the roadmap attaches evidence of execution, saying what kind of document it
 * is (order, protocol, report, photos…): the indicator's rule may ask for one kind (proof-rule.ts).
 */
export async function addEvidence(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; itemId: string; upload: Upload; maxBytes: number; kind?: EvidenceKind },
) {
  const kind = opts.kind ?? 'other';
  const { item } = await loadManagedItem(db, opts.actor, opts.itemId);
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: opts.actor.userId,
    maxBytes: opts.maxBytes,
  });
  await db.transaction(async (tx) => {
    await tx
      .insert(itemEvidence)
      .values({ itemId: item.id, fileId: file.id, kind, addedBy: opts.actor.userId });
    await recordEvent(tx, opts.actor, 'item.evidence_added', itemTarget(item), {
      fileId: file.id,
      name: file.name,
      kind,
    });
  });
  return file;
}

export async function removeEvidence(db: Db, opts: { actor: Actor; itemId: string; fileId: string }) {
  const { item } = await loadManagedItem(db, opts.actor, opts.itemId);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(itemEvidence)
      .where(and(eq(itemEvidence.itemId, item.id), eq(itemEvidence.fileId, opts.fileId)))
      .returning();
    if (gone.length === 0) throw notFound('Файл');
    const [f] = await tx.select({ name: files.name }).from(files).where(eq(files.id, opts.fileId));
    await recordEvent(tx, opts.actor, 'item.evidence_removed', itemTarget(item), {
      fileId: opts.fileId,
      name: f?.name ?? '',
    });
  });
}

/** Access: whoever may see the item. */
export async function listEvidence(db: Db, opts: { actor: Actor; itemId: string }) {
  const { item } = await loadItemAccess(db, opts.actor, opts.itemId);
  const rows = await db
    .select({ f: files, kind: itemEvidence.kind, addedAt: itemEvidence.addedAt, by: users.fullName })
    .from(itemEvidence)
    .innerJoin(files, eq(files.id, itemEvidence.fileId))
    .leftJoin(users, eq(users.id, itemEvidence.addedBy))
    .where(eq(itemEvidence.itemId, item.id))
    .orderBy(desc(itemEvidence.addedAt));
  return rows.map((r) => ({
    id: r.f.id,
    name: r.f.name,
    mime: r.f.mime,
    size: r.f.size,
    kind: r.kind,
    addedAt: r.addedAt.toISOString(),
    addedBy: r.by,
  }));
}
