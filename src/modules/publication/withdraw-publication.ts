import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { publications } from '../../db/schema/publication.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { setDocumentStatus } from '../programs/set-document-status.js';
import { type WithdrawInput, withdrawInput } from './input.js';
import { canPublishFor, WITHDRAW_REFUSAL } from './rights.js';

export const WITHDRAW_MSG = {
  already: 'Эта публикация уже снята',
  superseded: 'Это не действующая версия: снять можно только действующую публикацию',
} as const;

/**
 * «Снять с публикации»: the current publication gets `withdrawn_at/by/reason` and stays in the history
 * (the public link answers «снято с публикации»). Access: whoever may publish the object (rights.ts);
 * a reader of the unit gets 403, anyone else 404. A school document goes back from «опубликовано» to
 * «утверждено» in the same transaction: it is still approved by its order, only no longer public, and
 * may be published again.
 */
export async function withdrawPublication(
  db: Db,
  opts: { actor: Actor; publicationId: string; input: WithdrawInput },
) {
  const input = parseInput(withdrawInput, opts.input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ p: publications, u: orgUnits })
      .from(publications)
      .innerJoin(orgUnits, eq(orgUnits.id, publications.orgUnitId))
      .where(and(eq(publications.id, opts.publicationId), pathReadable(opts.actor, orgUnits.path)));
    if (!row) throw notFound('Публикация');
    const { p, u } = row;
    if (!canPublishFor(opts.actor, p.kind, u)) throw forbidden(WITHDRAW_REFUSAL[p.kind]);
    if (input.version !== undefined && input.version !== p.version) throw conflict({ version: p.version });
    if (p.withdrawnAt) throw invalid(WITHDRAW_MSG.already);
    if (p.supersededAt) throw invalid(WITHDRAW_MSG.superseded);
    const [done] = await tx
      .update(publications)
      .set({
        withdrawnAt: sql`now()`,
        withdrawnBy: opts.actor.userId,
        withdrawnByName: opts.actor.fullName,
        withdrawnReason: input.reason,
      })
      .where(
        and(eq(publications.id, p.id), isNull(publications.withdrawnAt), isNull(publications.supersededAt)),
      )
      .returning();
    if (!done) throw conflict({ version: p.version });
    if (p.kind === 'school_document') {
      const [doc] = await tx.select().from(schoolDocuments).where(eq(schoolDocuments.id, p.objectId));
      if (doc?.status === 'published')
        await setDocumentStatus(tx, opts.actor, doc, 'approved', { version: doc.version, comment: null });
    }
    await recordEvent(
      tx,
      opts.actor,
      'publication.withdrawn',
      { entityType: 'publication', entityId: p.id, orgUnitId: p.orgUnitId },
      { kind: p.kind, objectId: p.objectId, version: p.version, title: p.title, reason: input.reason },
    );
    return done;
  });
}
