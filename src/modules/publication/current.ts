import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { publications } from '../../db/schema/publication.js';
import type { PublicationKind } from '../../db/schema/values.js';
import { invalid } from '../../lib/errors.js';
import { sameContent } from './same-content.js';
import type { PublicationOptions } from './snapshot.js';

/** The object's current publication (not superseded, not withdrawn), if any. */
export async function currentPublication(db: Db, kind: PublicationKind, objectId: string) {
  const [row] = await db
    .select()
    .from(publications)
    .where(
      and(
        eq(publications.kind, kind),
        eq(publications.objectId, objectId),
        isNull(publications.supersededAt),
        isNull(publications.withdrawnAt),
      ),
    );
  return row ?? null;
}

/**
 * Publishing what is already published, unchanged and with the same options, would only add a version
 * that says nothing new: it is refused. A changed object (or new options) is published as version N+1.
 */
export async function assertSomethingNew(
  db: Db,
  kind: PublicationKind,
  objectId: string,
  snapshot: unknown,
  options: PublicationOptions,
) {
  const current = await currentPublication(db, kind, objectId);
  if (current && sameContent(current.snapshot, snapshot) && sameContent(current.options, options)) {
    throw invalid(
      `Уже опубликовано (версия ${current.version}); с тех пор ничего не изменилось — новая версия не нужна`,
    );
  }
}
