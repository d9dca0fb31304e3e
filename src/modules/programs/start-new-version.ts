import type { Db } from '../../db/client.js';
import { parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { documentTarget, loadDocumentFor } from './document-access.js';
import { assertFrom, setDocumentStatus } from './set-document-status.js';
import { type VersionInput, versionInput } from './transitions.js';

/**
 * Access: the school's team. An approved (or published) version stays frozen in its snapshot; the
 * document becomes the draft of the next version, which goes through the whole workflow again.
 */
export async function startNewVersion(
  db: Db,
  opts: { actor: Actor; documentId: string; input: VersionInput },
) {
  const input = parseInput(versionInput, opts.input);
  const { doc } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canKeep');
  assertFrom(doc, ['approved', 'published'], 'начать новую версию', input.version);
  return db.transaction(async (tx) => {
    const next = await setDocumentStatus(tx, opts.actor, doc, 'draft', {
      version: input.version,
      patch: { versionNo: doc.versionNo + 1, orderNumber: null, orderDate: null, orderFileId: null },
    });
    await recordEvent(tx, opts.actor, 'school_document.version_started', documentTarget(doc), {
      versionNo: next.versionNo,
    });
    return next;
  });
}
