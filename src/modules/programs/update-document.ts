import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import { recordVersion } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { documentContentSchema } from './content.js';
import { documentTarget, loadDocumentFor } from './document-access.js';
import { MSG, STATUS_LABELS } from './strings.js';

export const updateDocumentInput = z.object({
  title: z
    .string({ message: 'Название: ожидается текст' })
    .trim()
    .min(1, 'Укажите название документа')
    .max(300, 'Название — не длиннее 300 символов')
    .optional(),
  content: documentContentSchema.optional(),
  version: recordVersion('Нужна версия документа'),
});
export type UpdateDocumentInput = z.input<typeof updateDocumentInput>;

/** JSON with sorted keys: jsonb gives objects back in its own key order, which is not a change. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );

/** Which parts of the content changed: the history names them, the diff of versions shows the detail. */
function changedParts(before: unknown, after: Record<string, unknown>): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  return Object.keys(after).filter((k) => canonical(b[k]) !== canonical(after[k]));
}

/**
 * Access: the school's management team, on a draft or a document on rework. An approved version is
 * frozen: changing it starts a new version first (startNewVersion). A stale `version` is a 409.
 */
export async function updateDocument(
  db: Db,
  opts: { actor: Actor; documentId: string; input: UpdateDocumentInput },
) {
  const input = parseInput(updateDocumentInput, opts.input);
  const { doc } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canKeep');
  if (doc.version !== input.version) throw conflict({ version: doc.version });
  if (doc.status !== 'draft' && doc.status !== 'rework')
    throw invalid(MSG.notEditable(STATUS_LABELS[doc.status]));
  const fields = [
    ...(input.title !== undefined && input.title !== doc.title ? ['title'] : []),
    ...(input.content ? changedParts(doc.content, input.content) : []),
  ];
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(schoolDocuments)
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.content && { content: input.content }),
        version: sql`${schoolDocuments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(schoolDocuments.id, doc.id), eq(schoolDocuments.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    if (fields.length)
      await recordEvent(tx, opts.actor, 'school_document.updated', documentTarget(doc), {
        versionNo: doc.versionNo,
        fields,
      });
    return updated;
  });
}
