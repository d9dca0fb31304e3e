// Server for the browser tests: a fresh demo database every run — a new PostgreSQL database when
// DATABASE_URL is set (CI), a new embedded one in a temporary directory otherwise.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { startDevProvider } from './dev-oidc-provider.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Metrics open with a known token (tests/e2e/operations.spec.ts); request lines only when asked for.
const env = {
  LOG_LEVEL: 'warn',
  ...process.env,
  DEMO: 'true',
  PORT: process.env.E2E_PORT ?? '3210',
  HOST: '127.0.0.1',
  METRICS_TOKEN: 'e2e-metrics-token-0123456789',
};
let cleanup = async () => {};

if (process.env.DATABASE_URL) {
  const name = `opora_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-e2e-'));
  cleanup = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else {
  env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-e2e-'));
}

// Issue 17 §1: a loopback OIDC provider for the sign-in stories, started before Opora and given to it.
env.PUBLIC_URL ??= `http://127.0.0.1:${env.PORT}`;
const oidc = await startDevProvider({
  redirectUris: [`${env.PUBLIC_URL}/api/auth/oidc/region/callback`],
  postLogoutRedirectUris: [`${env.PUBLIC_URL}/login`],
});
env.OIDC_PROVIDERS = JSON.stringify([
  {
    id: 'region',
    label: 'региональный вход',
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
  },
]);
// LDAP sign-in (tests/e2e/sign-in-ldap.spec.ts): a private slapd with the test directory, whose
// operators' group gives the demo region's regional operator role (the region named by its OKTMO).
let stopSlapd = async () => {};
const ldap = await tsImport('../tests/helpers/slapd.ts', import.meta.url);
if (ldap.slapdAvailable) {
  const slapd = await ldap.startSlapd();
  stopSlapd = slapd.stop;
  Object.assign(env, {
    LDAP_URL: slapd.url,
    LDAP_BIND_DN: ldap.READER_DN,
    LDAP_BIND_PASSWORD: ldap.READER_PASSWORD,
    LDAP_SEARCH_BASE: `ou=people,${ldap.SUFFIX}`,
    LDAP_GROUP_BASE: `ou=groups,${ldap.SUFFIX}`,
    LDAP_AUTO_CREATE: 'true',
    LDAP_GROUP_ROLES: JSON.stringify([
      { group: ldap.OPERATORS_GROUP, role: 'regional_operator', orgUnit: '99000000' },
    ]),
  });
}

const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
const stop = (sig) => child.kill(sig);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', async (code) => {
  await oidc.close();
  await cleanup().catch(() => {});
  await stopSlapd().catch(() => {});
  fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
  process.exit(code ?? 0);
});
