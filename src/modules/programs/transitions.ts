import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { invalid, parseInput } from '../../lib/errors.js';
import { recordVersion } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import type { FileStorage } from '../files/storage.js';
import { prepareDocumentPublication, publishDocumentIn } from '../publication/publish-document.js';
import { documentContentSchema } from './content.js';
import { loadDocumentFor } from './document-access.js';
import { assertFrom, setDocumentStatus } from './set-document-status.js';
import { MSG } from './strings.js';

// The workflow's transitions other than approval (approve-document.ts), one exported operation each,
// access inside: черновик/на доработке → на согласовании у куратора (school) → согласовано / на
// доработке (curator) → на экспертизе (region or municipality; the expertise helper may call these) →
// back to rework (region or municipality, after expertise) → утверждено → опубликовано.

export const versionInput = z.object({ version: recordVersion('Нужна версия документа') });
export const commentedInput = versionInput.extend({
  comment: z
    .string({ message: 'Комментарий: ожидается текст' })
    .trim()
    .max(4000, 'Комментарий — не длиннее 4000 символов')
    .optional(),
});
export const curatorDecisionInput = commentedInput.extend({
  decision: z.enum(['agree', 'return'], { message: 'Решение: agree (согласовать) или return (вернуть)' }),
});
export type VersionInput = z.input<typeof versionInput>;
export type CommentedInput = z.input<typeof commentedInput>;
export type CuratorDecisionInput = z.input<typeof curatorDecisionInput>;

/** Access: the school's team. Sends a draft or a reworked document to the curator. */
export async function submitDocument(
  db: Db,
  opts: { actor: Actor; documentId: string; input: CommentedInput },
) {
  const input = parseInput(commentedInput, opts.input);
  const { doc } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canKeep');
  assertFrom(doc, ['draft', 'rework'], 'отправить на согласование', input.version);
  const content = documentContentSchema.parse(doc.content);
  if (!content.goal.trim())
    throw invalid('Сформулируйте цель документа', [{ field: 'content.goal', message: 'Пусто' }]);
  if (doc.kind !== 'concept' && content.measures.length === 0)
    throw invalid(MSG.emptyMeasures, [{ field: 'content.measures', message: MSG.emptyMeasures }]);
  return db.transaction((tx) =>
    setDocumentStatus(tx, opts.actor, doc, 'curator_review', {
      version: input.version,
      comment: input.comment,
    }),
  );
}

/** Access: the school's curator. Agrees, or returns for rework with a required comment. */
export async function decideAsCurator(
  db: Db,
  opts: { actor: Actor; documentId: string; input: CuratorDecisionInput },
) {
  const input = parseInput(curatorDecisionInput, opts.input);
  const { doc } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canCurate');
  assertFrom(
    doc,
    ['curator_review'],
    input.decision === 'agree' ? 'согласовать' : 'вернуть на доработку',
    input.version,
  );
  if (input.decision === 'return' && !input.comment)
    throw invalid(MSG.returnComment, [{ field: 'comment', message: MSG.returnComment }]);
  return db.transaction((tx) =>
    setDocumentStatus(tx, opts.actor, doc, input.decision === 'agree' ? 'agreed' : 'rework', {
      version: input.version,
      comment: input.comment,
    }),
  );
}

/** Access: the region's operator or the school's municipality. An agreed document goes to expertise. */
export async function sendToExpertise(
  db: Db,
  opts: { actor: Actor; documentId: string; input: CommentedInput },
) {
  const input = parseInput(commentedInput, opts.input);
  const { doc } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canGovern');
  assertFrom(doc, ['agreed'], 'направить на экспертизу', input.version);
  return db.transaction((tx) =>
    setDocumentStatus(tx, opts.actor, doc, 'expertise', { version: input.version, comment: input.comment }),
  );
}

/**
 * Access: the region's operator or the school's municipality: an agreed document or one on expertise
 * goes back to the school (the experts' conclusion «на доработку»), with a required comment.
 */
export async function returnForRework(
  db: Db,
  opts: { actor: Actor; documentId: string; input: CommentedInput },
) {
  const input = parseInput(commentedInput, opts.input);
  const { doc } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canGovern');
  assertFrom(doc, ['agreed', 'expertise'], 'вернуть на доработку', input.version);
  if (!input.comment) throw invalid(MSG.returnComment, [{ field: 'comment', message: MSG.returnComment }]);
  return db.transaction((tx) =>
    setDocumentStatus(tx, opts.actor, doc, 'rework', { version: input.version, comment: input.comment }),
  );
}

/**
 * Access: the region's operator or the school's municipality. An approved document is published: the
 * status and the public snapshot with its DOCX and PDF (publication/publish-document.ts) in one
 * transaction. «Снять с публикации» is the publication's withdrawal (publication/withdraw-publication.ts).
 */
export async function publishDocument(
  db: Db,
  opts: { actor: Actor; storage: FileStorage; documentId: string; input: VersionInput },
) {
  const input = parseInput(versionInput, opts.input);
  const { doc, school } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canGovern');
  assertFrom(doc, ['approved'], 'опубликовать', input.version);
  const prepared = await prepareDocumentPublication(db, opts.storage, opts.actor, doc, school);
  return db.transaction(async (tx) => {
    const updated = await setDocumentStatus(tx, opts.actor, doc, 'published', { version: input.version });
    await publishDocumentIn(tx, opts.actor, doc, school, prepared);
    return updated;
  });
}
