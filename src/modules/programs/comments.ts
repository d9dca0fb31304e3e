import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { schoolDocumentComments } from '../../db/schema/programs.js';
import { invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { documentContentSchema } from './content.js';
import { documentTarget, loadDocumentAccess, loadDocumentFor } from './document-access.js';

// Comments on any part of a document. The anchor names the part: 'document', 'goal', or a row of a list
// by its stable key ('measure:m3', 'indicator:i1', 'task:t2', 'section:s1', 'person:…', 'partner:…').

export const addCommentInput = z.object({
  anchor: z
    .string({ message: 'Укажите, к чему комментарий' })
    .trim()
    .min(1, 'Укажите, к чему комментарий')
    .max(60, 'Ссылка на часть документа — не длиннее 60 символов'),
  text: z
    .string({ message: 'Комментарий: ожидается текст' })
    .trim()
    .min(1, 'Напишите комментарий')
    .max(4000, 'Комментарий — не длиннее 4000 символов'),
});
export type AddCommentInput = z.input<typeof addCommentInput>;

const LISTS: Record<string, 'tasks' | 'indicators' | 'measures' | 'responsible' | 'partners' | 'sections'> = {
  task: 'tasks',
  indicator: 'indicators',
  measure: 'measures',
  person: 'responsible',
  partner: 'partners',
  section: 'sections',
};

/** Access: the document's dialogue: the school's team, its curator, municipality, region, experts. */
export async function addDocumentComment(
  db: Db,
  opts: { actor: Actor; documentId: string; input: AddCommentInput },
) {
  const input = parseInput(addCommentInput, opts.input);
  const { doc } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canDiscuss');
  const content = documentContentSchema.parse(doc.content);
  const [part, key] = input.anchor.split(':');
  // Own keys only: «constructor:x» must be an unknown part (400), not Object's prototype.
  const list = part && Object.hasOwn(LISTS, part) ? LISTS[part] : undefined;
  const known =
    input.anchor === 'document' ||
    input.anchor === 'goal' ||
    (list && key && content[list].some((r) => r.key === key));
  if (!known)
    throw invalid('В документе нет такой части', [{ field: 'anchor', message: 'Нет такой части документа' }]);
  return db.transaction(async (tx) => {
    const [c] = await tx
      .insert(schoolDocumentComments)
      .values({
        documentId: doc.id,
        versionNo: doc.versionNo,
        anchor: input.anchor,
        text: input.text,
        authorId: opts.actor.userId,
      })
      .returning();
    if (!c) throw new Error('insert returned nothing');
    await recordEvent(tx, opts.actor, 'school_document.comment_added', documentTarget(doc), {
      anchor: input.anchor,
      text: input.text,
    });
    return {
      id: c.id,
      anchor: c.anchor,
      versionNo: c.versionNo,
      text: c.text,
      author: opts.actor.fullName,
      createdAt: c.createdAt.toISOString(),
    };
  });
}

/** Access: whoever sees the document. */
export async function listDocumentComments(db: Db, opts: { actor: Actor; documentId: string }) {
  const { doc } = await loadDocumentAccess(db, opts.actor, opts.documentId);
  const rows = await db
    .select({ c: schoolDocumentComments, author: users.fullName })
    .from(schoolDocumentComments)
    .leftJoin(users, eq(users.id, schoolDocumentComments.authorId))
    .where(eq(schoolDocumentComments.documentId, doc.id))
    .orderBy(asc(schoolDocumentComments.createdAt));
  return rows.map((r) => ({
    id: r.c.id,
    anchor: r.c.anchor,
    versionNo: r.c.versionNo,
    text: r.c.text,
    author: r.author,
    createdAt: r.c.createdAt.toISOString(),
  }));
}
