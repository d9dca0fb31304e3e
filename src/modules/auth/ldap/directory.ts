import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client, type Entry, InvalidCredentialsError, SizeLimitExceededError } from 'ldapts';
import type { Config } from '../../../config.js';
import { AppError } from '../../../lib/errors.js';
import { log } from '../../../lib/log.js';
import { memberFilter, userFilter } from './filter.js';

export type LdapSettings = NonNullable<Config['ldap']> & {
  /** Tests shorten these; a dead directory must answer the person within seconds, not minutes. */
  connectTimeoutMs?: number;
  timeoutMs?: number;
};

/** A person the directory vouched for: the password typed is theirs. */
export type DirectoryPerson = {
  dn: string;
  login: string;
  fullName: string | undefined;
  email: string | undefined;
  /** DNs of the groups the person is a member of (memberOf and groups listing them as member). */
  groups: string[];
};

const CONNECT_TIMEOUT_MS = 5_000;
const OPERATION_TIMEOUT_MS = 10_000;
const PERSON_ATTRIBUTES = ['cn', 'displayName', 'mail', 'memberOf'];
const GROUPS_PAGE = 500;

/**
 * Checks a login and password against the directory: binds with the service account (anonymously when
 * none is configured), finds exactly one entry by LDAP_USER_FILTER, binds as that entry with the
 * password typed on a connection of its own, then reads the person's groups with the service account.
 * Null: no such person, several, or a wrong password — the caller counts it as a wrong guess.
 * A directory that cannot be reached or refuses the service account throws a Russian message.
 */
export async function checkDirectoryPassword(
  settings: LdapSettings,
  login: string,
  password: string,
): Promise<DirectoryPerson | null> {
  // An empty password is an «unauthenticated bind» (RFC 4513 §5.1.2): many directories answer it with
  // success without checking anything. It never reaches the directory.
  if (password.length === 0 || login.trim().length === 0) return null;
  const service = await connect(settings);
  try {
    if (settings.bindDn) await bindService(service, settings);
    const entry = await findPerson(service, settings, login);
    // An empty DN with a password is an anonymous bind on some servers: such an entry is nobody.
    if (!entry || entry.dn.trim() === '') return null;
    if (!(await passwordFits(settings, entry.dn, password))) return null;
    const groups = new Set(values(entry.memberOf));
    for (const g of await groupsListing(service, settings, entry.dn)) groups.add(g);
    return {
      dn: entry.dn,
      login: login.trim(),
      fullName: first(entry.displayName) ?? first(entry.cn),
      email: first(entry.mail),
      groups: [...groups],
    };
  } catch (e) {
    throw asUnavailable(e);
  } finally {
    await service.unbind().catch(() => {});
  }
}

async function connect(settings: LdapSettings): Promise<Client> {
  const tlsOptions = tlsOf(settings);
  const ldaps = settings.url.startsWith('ldaps://');
  const client = new Client({
    url: settings.url,
    connectTimeout: settings.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    timeout: settings.timeoutMs ?? OPERATION_TIMEOUT_MS,
    // Only for ldaps://: ldapts speaks TLS from the first byte whenever it is given tlsOptions.
    ...(ldaps && { tlsOptions }),
  });
  // Credentials never travel in clear when StartTLS is asked for: the upgrade comes before any bind.
  if (settings.startTls && !ldaps) {
    try {
      // The certificate is checked against the directory's host name, not Node's default «localhost».
      const host = new URL(settings.url).hostname.replace(/^\[|\]$/g, '');
      await client.startTLS({ ...tlsOptions, host, ...(isIP(host) === 0 && { servername: host }) });
    } catch (e) {
      await client.unbind().catch(() => {});
      throw asUnavailable(e);
    }
  }
  return client;
}

function tlsOf(settings: LdapSettings): ConnectionOptions | undefined {
  if (!settings.caFile) return undefined;
  try {
    return { ca: readFileSync(settings.caFile) };
  } catch {
    throw new AppError(
      'UNAUTHENTICATED',
      `Вход через каталог недоступен: не читается файл сертификата LDAP_CA_FILE. Обратитесь к администратору.`,
    );
  }
}

async function bindService(client: Client, settings: LdapSettings) {
  try {
    await client.bind(settings.bindDn ?? '', settings.bindPassword ?? '');
  } catch (e) {
    if (e instanceof InvalidCredentialsError) {
      log.error('LDAP: каталог отклонил служебную учётную запись LDAP_BIND_DN');
      throw new AppError(
        'UNAUTHENTICATED',
        'Вход через каталог недоступен: каталог отклонил служебную учётную запись Опоры. Обратитесь к администратору.',
      );
    }
    throw e;
  }
}

async function findPerson(client: Client, settings: LdapSettings, login: string): Promise<Entry | null> {
  try {
    const { searchEntries } = await client.search(settings.searchBase, {
      scope: 'sub',
      filter: userFilter(settings.userFilter, login.trim()),
      attributes: PERSON_ATTRIBUTES,
      // Two are enough to know that the login does not name one person.
      sizeLimit: 2,
    });
    return searchEntries.length === 1 ? (searchEntries[0] ?? null) : null;
  } catch (e) {
    if (e instanceof SizeLimitExceededError) return null;
    throw e;
  }
}

async function passwordFits(settings: LdapSettings, dn: string, password: string): Promise<boolean> {
  const client = await connect(settings);
  try {
    await client.bind(dn, password);
    return true;
  } catch (e) {
    if (e instanceof InvalidCredentialsError) return false;
    throw e;
  } finally {
    await client.unbind().catch(() => {});
  }
}

async function groupsListing(client: Client, settings: LdapSettings, dn: string): Promise<string[]> {
  // Only needed when there are rules to apply: no rules, no extra search.
  if (settings.groupRoles.length === 0) return [];
  // Paged (Active Directory returns at most 1000 entries per page); a failure is thrown, never read as
  // «no groups», which would take the person's roles away.
  const { searchEntries } = await client.search(settings.groupBase, {
    scope: 'sub',
    filter: memberFilter(dn),
    attributes: ['1.1'],
    paged: { pageSize: GROUPS_PAGE },
  });
  return searchEntries.map((e) => e.dn);
}

function values(v: Entry[string] | undefined): string[] {
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x))).filter((s) => s.length > 0);
}

const first = (v: Entry[string] | undefined) => values(v)[0];

/** Anything but a Russian AppError (refused connection, timeout, TLS) means the directory is out of reach. */
function asUnavailable(e: unknown): AppError {
  if (e instanceof AppError) return e;
  // Type and code only: a directory's message may quote a DN or a filter with the login (personal data).
  const code = (e as { code?: unknown } | null)?.code;
  log.error(
    {
      failure: {
        type: e instanceof Error ? e.name : typeof e,
        ...(code !== undefined ? { code: String(code) } : {}),
      },
    },
    'LDAP: каталог недоступен',
  );
  return new AppError(
    'UNAUTHENTICATED',
    'Каталог учётных записей (LDAP) не отвечает, вход через него сейчас невозможен. Повторите позже или обратитесь к администратору.',
  );
}
