import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from './db/schema/values.js';
import { proxyEntryProblem } from './lib/client-ip.js';
import { parsePupilKey } from './modules/pupils/pupil-crypto.js';

// The only place that reads process.env: everything else receives a typed Config.
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'ожидается true или false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A JSON value given in one variable (the lists of OIDC providers and LDAP group rules). */
const json = <T extends z.ZodType>(inner: T) =>
  z
    .string()
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'ожидается JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner);

/** An OpenID Connect provider of sign-in (issue 17 §1). */
const oidcProvider = z.object({
  /** In addresses: /api/auth/oidc/<id>/start; and in the linked identity 'oidc:<id>'. */
  id: z.string().regex(/^[a-z0-9-]{1,30}$/, 'id: латинские строчные буквы, цифры и «-»'),
  /** The button's text: «Войти через ЕСИА региона». */
  label: z.string().min(1).max(80),
  issuer: z.string().url('issuer: ожидается адрес https://…'),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  scopes: z.string().default('openid profile email'),
  /** The claim whose value is compared with the user's login (or e-mail, see linkBy). */
  claim: z.string().min(1).default('preferred_username'),
  linkBy: z.enum(['login', 'email']).default('login'),
  /** Unknown people get an account without roles (an administrator assigns them); otherwise refused. */
  autoCreate: z.boolean().default(false),
});
export type OidcProviderConfig = z.infer<typeof oidcProvider>;

/** An LDAP group whose members get a role in a unit (issue 17 §2); only the rules written here apply. */
const ldapGroupRole = z.object({
  group: z.string().min(1),
  role: z.enum(ROLES),
  /** The unit's id or code. */
  orgUnit: z.string().min(1),
});
export type LdapGroupRoleConfig = z.infer<typeof ldapGroupRole>;

const schema = z.object({
  PORT: z.coerce.number({ message: 'ожидается число' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'ожидается адрес вида postgres://пользователь@сервер:5432/база')
    .optional(),
  /** A streaming replica of DATABASE_URL for reports (docs/decisions/0013-read-replica.md). */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'ожидается адрес вида postgres://пользователь@реплика:5432/база')
    .optional(),
  SESSION_SECRET: z.string().min(16, 'не короче 16 символов').optional(),
  /** The key of pupils' personal data (issue 14 §2): 64 hex digits or 32 bytes in base64. */
  PUPIL_DATA_KEY: z
    .string()
    .refine((v) => parsePupilKey(v) !== null, 'ожидается 64 шестнадцатеричные цифры или 32 байта в base64')
    .optional(),
  /** Days a pupil's record is kept after he leaves the registry; then it is deleted. */
  PUPIL_RETENTION_DAYS: z.coerce.number({ message: 'ожидается число' }).int().min(0).max(3650).default(365),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  UPLOAD_MAX_MB: z.coerce.number({ message: 'ожидается число' }).min(1).max(200).default(20),
  DEMO: bool.optional(),
  COOKIE_SECURE: bool.default(false),
  FILE_STORAGE: z.enum(['local', 'database']).optional(),
  /** Processes serving HTTP; default: one per core on PostgreSQL, always one on the embedded database. */
  WORKERS: z.coerce.number({ message: 'ожидается число' }).int().min(1).max(256).optional(),
  /** Connections of each process's PostgreSQL pool (all processes together: WORKERS × this). */
  DATABASE_POOL_SIZE: z.coerce.number({ message: 'ожидается число' }).int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  /** Set by `npm start` (scripts/start.mjs): when the start began, for the timings it prints. */
  OPORA_START_MS: z.coerce.number().int().positive().optional(),
  /** Set by the primary of src/cluster.ts for a worker forked while it loads the demo. */
  OPORA_DEMO_LOADING: bool.default(false),
  /** SMTP server for e-mail notifications (issue 15 §3): smtp://user:pass@host:587 or smtps://…; none — no e-mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'ожидается адрес вида smtp://пользователь:пароль@сервер:587 или smtps://…')
    .optional(),
  /** The sender of notifications: «Опора <opora@edu.example.ru>». */
  MAIL_FROM: z.string().min(3).default('Опора <opora@localhost>'),
  /** The address users open Opora at (links in e-mails, the embed code): https://opora.edu.example.ru */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'ожидается адрес вида https://opora.example.ru без пути и «/» в конце')
    .optional(),
  /** The hour (server local time, 0–23) after which the day's sweep of deadlines runs (issue 15 §3). */
  DAILY_SWEEP_HOUR: z.coerce
    .number({ message: 'ожидается число' })
    .int('ожидается целое число часов')
    .min(0, 'ожидается час от 0 до 23')
    .max(23, 'ожидается час от 0 до 23')
    .default(6),
  /** JSON array of OIDC providers (see OidcProviderConfig and docs/deployment.md). */
  OIDC_PROVIDERS: json(z.array(oidcProvider).max(10)).optional(),
  /** LDAP or Active Directory sign-in (issue 17 §2): ldap://host:389 or ldaps://host:636. */
  LDAP_URL: z
    .string()
    .regex(/^ldaps?:\/\//, 'ожидается адрес вида ldap://сервер:389 или ldaps://сервер:636')
    .optional(),
  LDAP_BIND_DN: z.string().min(1).optional(),
  LDAP_BIND_PASSWORD: z.string().min(1).optional(),
  LDAP_SEARCH_BASE: z.string().min(1).optional(),
  /** Where groups listing a person as member are searched (default: LDAP_SEARCH_BASE). */
  LDAP_GROUP_BASE: z.string().min(1).optional(),
  /** The search filter of a user; {login} is replaced by the escaped login typed. */
  LDAP_USER_FILTER: z
    .string()
    .includes('{login}', { message: 'фильтр должен содержать {login}' })
    .default('(&(objectClass=person)(|(uid={login})(sAMAccountName={login})))'),
  /** A CA certificate file (PEM) for ldaps:// or StartTLS. */
  LDAP_CA_FILE: z.string().min(1).optional(),
  LDAP_STARTTLS: bool.default(false),
  LDAP_GROUP_ROLES: json(z.array(ldapGroupRole).max(100)).optional(),
  /** Unknown directory users get an account without roles; otherwise refused. */
  LDAP_AUTO_CREATE: bool.default(false),
  /** Roles that must sign in with a second factor (issue 17 §3): «admin,regional_operator». */
  MFA_REQUIRED_ROLES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ROLES, { message: 'неизвестная роль' }))),
  /** The bearer token of GET /api/metrics (issue 17 §8); without it the metrics are not served. */
  METRICS_TOKEN: z.string().min(16, 'не короче 16 символов').optional(),
  /** Request and event logs: JSON lines (for journald and collectors) or readable text. */
  LOG_FORMAT: z.enum(['json', 'text']).default('json'),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      for (const entry of entries) {
        const problem = proxyEntryProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbKind: 'pglite' | 'postgres';
  /** Reports, dashboards and exports read from this streaming replica when it keeps up. */
  databaseReplicaUrl: string | undefined;
  /** Key for hashing session tokens; generated into the data directory when not given for PGlite. */
  sessionSecret: string | undefined;
  sessionTtlHours: number;
  /** The pupils' data key as given; generated into the data directory when not given (boot.ts). */
  pupilDataKey: Buffer | undefined;
  pupilRetentionDays: number;
  uploadMaxBytes: number;
  demo: boolean;
  cookieSecure: boolean;
  fileStorage: 'local' | 'database';
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** HTTP processes to run (src/cluster.ts); always 1 on the embedded database. */
  workers: number;
  /** WORKERS as given, when more than one was asked for the embedded database (start-up says why not). */
  workersRefused: number | undefined;
  databasePoolSize: number;
  /** When `npm start` began (ms since the epoch), if it started this process. */
  startedAtMs: number | undefined;
  /** A cluster worker whose primary is loading the demo: it answers 503 until told the demo is in. */
  demoLoadingElsewhere: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges). */
  trustedProxies: readonly string[];
  /** SMTP server of e-mail notifications; undefined — notifications stay in the app. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where users open Opora (links in e-mails and embed codes); default http://localhost:PORT. */
  publicUrl: string;
  /** After this hour (server local time) an instance runs the day's sweep of deadlines, once per day. */
  dailySweepHour: number;
  oidcProviders: readonly OidcProviderConfig[];
  /** LDAP sign-in; undefined — not configured. */
  ldap:
    | {
        url: string;
        bindDn: string | undefined;
        bindPassword: string | undefined;
        searchBase: string;
        groupBase: string;
        userFilter: string;
        caFile: string | undefined;
        startTls: boolean;
        groupRoles: readonly LdapGroupRoleConfig[];
        autoCreate: boolean;
      }
    | undefined;
  mfaRequiredRoles: readonly Role[];
  metricsToken: string | undefined;
  logFormat: 'json' | 'text';
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Неверная конфигурация, запуск остановлен:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dbKind = e.DATABASE_URL ? 'postgres' : 'pglite';
  const demo = e.DEMO ?? dbKind === 'pglite';
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Неверная конфигурация, запуск остановлен:\n  DATABASE_REPLICA_URL: реплика используется только вместе с DATABASE_URL',
    );
  }
  if (dbKind === 'postgres' && !demo && !e.PUPIL_DATA_KEY) {
    // Every instance must read what another wrote; a key lost is every pupil's name lost.
    throw new ConfigError(
      'Неверная конфигурация, запуск остановлен:\n  PUPIL_DATA_KEY: обязателен при работе с PostgreSQL (64 шестнадцатеричные цифры; хранить отдельно от резервных копий базы)',
    );
  }
  if (dbKind === 'postgres' && !demo && !e.SESSION_SECRET) {
    // Several instances must hash session tokens with one key.
    throw new ConfigError(
      'Неверная конфигурация, запуск остановлен:\n  SESSION_SECRET: обязателен при работе с PostgreSQL',
    );
  }
  if (e.LDAP_BIND_DN && !e.LDAP_BIND_PASSWORD) {
    // A DN with an empty password is an unauthenticated bind: it «succeeds» and searches as nobody.
    throw new ConfigError(
      'Неверная конфигурация, запуск остановлен:\n  LDAP_BIND_PASSWORD: обязателен вместе с LDAP_BIND_DN (без обоих поиск идёт анонимно)',
    );
  }
  if (e.LDAP_URL && !e.LDAP_SEARCH_BASE) {
    throw new ConfigError(
      'Неверная конфигурация, запуск остановлен:\n  LDAP_SEARCH_BASE: обязателен вместе с LDAP_URL (например ou=people,dc=example,dc=ru)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dbKind,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    sessionSecret: e.SESSION_SECRET,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    pupilDataKey: e.PUPIL_DATA_KEY ? (parsePupilKey(e.PUPIL_DATA_KEY) ?? undefined) : undefined,
    pupilRetentionDays: e.PUPIL_RETENTION_DAYS,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    // Demo is the default only for the embedded database: a PostgreSQL deployment is production.
    demo,
    cookieSecure: e.COOKIE_SECURE,
    // Files must be visible to every instance behind a load balancer, hence the database for PostgreSQL.
    fileStorage: e.FILE_STORAGE ?? (dbKind === 'postgres' ? 'database' : 'local'),
    logLevel: e.LOG_LEVEL,
    // PGlite is one process over a locked data directory: more processes cannot share it.
    workers: dbKind === 'postgres' ? (e.WORKERS ?? os.availableParallelism()) : 1,
    workersRefused: dbKind === 'pglite' && (e.WORKERS ?? 1) > 1 ? e.WORKERS : undefined,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    startedAtMs: e.OPORA_START_MS,
    demoLoadingElsewhere: e.OPORA_DEMO_LOADING,
    trustedProxies: e.TRUSTED_PROXIES,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    dailySweepHour: e.DAILY_SWEEP_HOUR,
    oidcProviders: e.OIDC_PROVIDERS ?? [],
    ldap:
      e.LDAP_URL && e.LDAP_SEARCH_BASE
        ? {
            url: e.LDAP_URL,
            bindDn: e.LDAP_BIND_DN,
            bindPassword: e.LDAP_BIND_PASSWORD,
            searchBase: e.LDAP_SEARCH_BASE,
            groupBase: e.LDAP_GROUP_BASE ?? e.LDAP_SEARCH_BASE,
            userFilter: e.LDAP_USER_FILTER,
            caFile: e.LDAP_CA_FILE,
            startTls: e.LDAP_STARTTLS,
            groupRoles: e.LDAP_GROUP_ROLES ?? [],
            autoCreate: e.LDAP_AUTO_CREATE,
          }
        : undefined,
    mfaRequiredRoles: e.MFA_REQUIRED_ROLES,
    metricsToken: e.METRICS_TOKEN,
    logFormat: e.LOG_FORMAT,
  };
}
