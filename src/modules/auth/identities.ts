import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleAssignments, userIdentities, users } from '../../db/schema/auth.js';
import { AppError } from '../../lib/errors.js';
import { recordEvent } from '../audit/record-event.js';

// The one rule of linking a person of an external identity provider (OIDC, LDAP) to an Opora account
// (issue 17 §1–2), used by both: an account already linked to (provider, subject) is that person's;
// otherwise the account whose login (or e-mail) equals the provider's claim is linked once; otherwise,
// only when the provider is configured so, an account WITHOUT roles is created — roles are always the
// administrator's decision (LDAP group rules aside, which he wrote in the configuration himself).

export type ExternalPerson = {
  /** 'ldap' or 'oidc:<provider id>'. */
  provider: string;
  /** The provider's stable id of the person: OIDC `sub`, LDAP DN. */
  subject: string;
  /** The value compared with the account: the login or the e-mail given by the provider. */
  claimValue: string;
  linkBy: 'login' | 'email';
  /** The provider vouched for the e-mail (OIDC `email_verified === true`); required to link by e-mail. */
  emailVerified?: boolean;
  autoCreate: boolean;
  fullName?: string;
  email?: string;
};

export type LinkedUser = { id: string; login: string; fullName: string; created: boolean };

/** The active Opora account of an external person, linking or creating it by the rule above. */
export async function linkExternalPerson(db: Db, person: ExternalPerson): Promise<LinkedUser> {
  const value = person.claimValue.trim().toLowerCase();
  if (!value) throw refused(person.claimValue);
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ id: users.id, login: users.login, fullName: users.fullName, isActive: users.isActive })
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(and(eq(userIdentities.provider, person.provider), eq(userIdentities.subject, person.subject)));
    if (linked) {
      if (!linked.isActive) throw blocked();
      await tx
        .update(userIdentities)
        .set({ lastUsedAt: new Date(), claimValue: value })
        .where(and(eq(userIdentities.provider, person.provider), eq(userIdentities.subject, person.subject)));
      return { id: linked.id, login: linked.login, fullName: linked.fullName, created: false };
    }
    // An e-mail the provider did not verify may be anybody's: whoever typed it would take the account.
    if (person.linkBy === 'email' && person.emailVerified !== true) throw unverified();
    const column = person.linkBy === 'email' ? users.email : users.login;
    const matches = await tx
      .select({ id: users.id, login: users.login, fullName: users.fullName, isActive: users.isActive })
      .from(users)
      .where(sql`lower(${column}) = ${value}`)
      .limit(2);
    // Two accounts with one e-mail: linking either would be a guess.
    if (matches.length > 1) throw ambiguous(person.claimValue);
    let user = matches[0] && { ...matches[0], created: false };
    if (user && !user.isActive) throw blocked();
    // An administrator's or security officer's account is linked only by hand (ADR 0040, «Проверка
    // ревью»): a claim equal to its login or e-mail is not proof enough for the keys of the region.
    if (user && (await holdsPrivilegedRole(tx, user.id))) throw privileged();
    if (!user) {
      if (!person.autoCreate) throw refused(person.claimValue);
      user = { ...(await createWithoutRoles(tx, person, value)), isActive: true, created: true };
    }
    await tx.insert(userIdentities).values({
      userId: user.id,
      provider: person.provider,
      subject: person.subject,
      claimValue: value,
      lastUsedAt: new Date(),
    });
    await recordEvent(
      tx,
      null,
      'user.identity_linked',
      { entityType: 'user', entityId: user.id },
      { provider: person.provider, subject: person.subject, created: user.created },
    );
    return { id: user.id, login: user.login, fullName: user.fullName, created: user.created };
  });
}

/** Roles whose accounts are never linked to an external identity automatically. */
export const MANUAL_LINK_ROLES = ['admin', 'security_officer'] as const;

async function holdsPrivilegedRole(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), inArray(roleAssignments.role, [...MANUAL_LINK_ROLES])))
    .limit(1);
  return row !== undefined;
}

async function createWithoutRoles(db: Db, person: ExternalPerson, value: string) {
  // An e-mail's local part is the login when the provider links by e-mail; a taken login gets a suffix.
  const base = person.linkBy === 'email' ? (value.split('@')[0] ?? value) : value;
  let login = base;
  for (let n = 2; ; n++) {
    const [taken] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.login}) = ${login}`);
    if (!taken) break;
    login = `${base}${n}`;
  }
  const [row] = await db
    .insert(users)
    .values({
      login,
      fullName: person.fullName?.trim() || login,
      email: person.email ?? (person.linkBy === 'email' ? value : null),
      passwordHash: null,
    })
    .returning({ id: users.id, login: users.login, fullName: users.fullName });
  if (!row) throw new Error('insert returned nothing');
  await recordEvent(db, null, 'user.created', { entityType: 'user', entityId: row.id }, { login: row.login });
  return row;
}

/** A refusal of the linking rule; `reason` lets a caller that cannot show text (OIDC) name the case. */
export class LinkRefused extends AppError {
  constructor(
    readonly reason: 'unknown' | 'ambiguous' | 'blocked' | 'unverified' | 'privileged',
    message: string,
  ) {
    super('UNAUTHENTICATED', message);
  }
}

const refused = (value: string) =>
  new LinkRefused(
    'unknown',
    `Учётная запись «${value}» не найдена в Опоре. Обратитесь к администратору: он создаст её и назначит роли.`,
  );
const ambiguous = (value: string) =>
  new LinkRefused(
    'ambiguous',
    `Адрес «${value}» указан у нескольких учётных записей Опоры. Обратитесь к администратору.`,
  );
const blocked = () => new LinkRefused('blocked', 'Учётная запись отключена. Обратитесь к администратору.');
const unverified = () =>
  new LinkRefused(
    'unverified',
    'Поставщик входа не подтвердил ваш адрес электронной почты, поэтому связать его с учётной записью Опоры нельзя. Обратитесь к администратору.',
  );
const privileged = () =>
  new LinkRefused(
    'privileged',
    'Учётная запись администратора или ответственного за безопасность не связывается с внешним входом автоматически: войдите по паролю.',
  );
