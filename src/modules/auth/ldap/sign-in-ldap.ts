import type { Db } from '../../../db/client.js';
import { linkExternalPerson } from '../identities.js';
import type { SessionSettings, SignInMeta } from '../sessions.js';
import { finishSignIn } from '../sign-in.js';
import type { DirectoryPerson, LdapSettings } from './directory.js';
import { syncGroupRoles } from './sync-roles.js';

export const LDAP_PROVIDER = 'ldap';

/**
 * The rest of a directory sign-in once the directory vouched for the password: the one linking rule
 * (by login; an unknown person is created without roles only with LDAP_AUTO_CREATE), the group rules,
 * then the one end of every sign-in. `rolesChanged` tells the caller to drop cached actors.
 */
export async function signInWithDirectory(
  db: Db,
  settings: SessionSettings,
  ldap: LdapSettings,
  person: DirectoryPerson,
  meta: Omit<SignInMeta, 'method'>,
) {
  const user = await linkExternalPerson(db, {
    provider: LDAP_PROVIDER,
    subject: person.dn,
    claimValue: person.login,
    linkBy: 'login',
    autoCreate: ldap.autoCreate,
    fullName: person.fullName,
    email: person.email,
  });
  const synced = await syncGroupRoles(db, { userId: user.id, groups: person.groups, rules: ldap.groupRoles });
  const session = await finishSignIn(db, settings, user, { ...meta, method: LDAP_PROVIDER });
  return { ...session, rolesChanged: synced.added.length + synced.removed.length > 0 };
}
