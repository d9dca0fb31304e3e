import type { Db } from '../../db/client.js';
import { invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import type { FileStorage } from '../files/storage.js';
import { loadDocumentFor } from '../programs/document-access.js';
import { assertFrom } from '../programs/set-document-status.js';
import { publishDocument, versionInput } from '../programs/transitions.js';
import { currentPublication } from './current.js';
import { prepareDocumentPublication, publishDocumentIn } from './publish-document.js';

export const DOCUMENT_MSG = {
  notApproved: 'Опубликовать можно только утверждённый документ',
  alreadyPublished: 'Документ уже опубликован',
} as const;

/**
 * «Опубликовать» a school document from the publication page: an approved one goes through the
 * programs' transition (status → «опубликовано» with its publication); one already «опубликовано»
 * without a current publication (published before publications were kept) gets its publication.
 * Access: the region's operator or the school's municipality (the transition's rule).
 */
export async function publishSchoolDocument(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; documentId: string; input: { version: number } },
) {
  const input = parseInput(versionInput, opts.input);
  const { doc, school } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canGovern');
  if (doc.status === 'approved') {
    await publishDocument(db, { actor: opts.actor, storage, documentId: doc.id, input });
    return;
  }
  assertFrom(doc, ['published'], 'опубликовать', input.version);
  if (await currentPublication(db, 'school_document', doc.id)) throw invalid(DOCUMENT_MSG.alreadyPublished);
  const prepared = await prepareDocumentPublication(db, storage, opts.actor, doc, school);
  await db.transaction(async (tx) => {
    if (await currentPublication(tx, 'school_document', doc.id)) throw invalid(DOCUMENT_MSG.alreadyPublished);
    await publishDocumentIn(tx, opts.actor, doc, school, prepared);
  });
}
