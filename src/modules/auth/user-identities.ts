import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { userIdentities } from '../../db/schema/auth.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, isAdmin } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';

// A user's accounts at external providers (OIDC, LDAP), as the administrator sees and removes them.
// Unlinking does not sign anybody out; the next sign-in through that provider links again by the rule
// of identities.ts — so unlinking is how a wrongly linked person is moved to the right account.

const need = (actor: Actor) => {
  if (!isAdmin(actor)) throw forbidden('Учётными записями управляет администратор');
};

export async function listUserIdentities(db: Db, opts: { actor: Actor; userId: string }) {
  need(opts.actor);
  const rows = await db
    .select()
    .from(userIdentities)
    .where(eq(userIdentities.userId, opts.userId))
    .orderBy(desc(userIdentities.lastUsedAt));
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    subject: r.subject,
    claimValue: r.claimValue,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function unlinkUserIdentity(db: Db, opts: { actor: Actor; userId: string; identityId: string }) {
  need(opts.actor);
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(userIdentities)
      .where(and(eq(userIdentities.id, opts.identityId), eq(userIdentities.userId, opts.userId)))
      .returning();
    if (!gone) throw notFound('Внешняя учётная запись');
    await recordEvent(
      tx,
      opts.actor,
      'user.identity_unlinked',
      { entityType: 'user', entityId: opts.userId },
      { provider: gone.provider, subject: gone.subject },
    );
  });
}
