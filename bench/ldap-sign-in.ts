// LDAP sign-in cost (ADR 0041): the directory check (service bind, search, user bind on its own
// connection, group search) and a whole POST /api/auth/login through it, next to a local password
// sign-in (argon2id) measured in the same run, on a private slapd and an embedded database.
// Run: npx tsx bench/ldap-sign-in.ts
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openPglite } from '../src/db/client.js';
import { authThrottle } from '../src/db/schema/auth.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { checkDirectoryPassword } from '../src/modules/auth/ldap/directory.js';
import { login } from '../src/modules/auth/login.js';
import { createUser } from '../src/modules/auth/users.js';
import { createOrgUnit } from '../src/modules/orgs/org-units.js';
import { OPERATORS_GROUP, READER_DN, READER_PASSWORD, SUFFIX, startSlapd } from '../tests/helpers/slapd.js';
import { TEST_SYSTEM } from '../tests/helpers/system.js';

const N = Number(process.env.N ?? 40);
const SESSIONS = { secret: 'bench-secret-bench-secret', ttlHours: 1 };

const t0 = performance.now();
const slapd = await startSlapd();
const startMs = performance.now() - t0;
const database = await openPglite(null);
const db = database.db;
const region = await createOrgUnit(db, {
  actor: TEST_SYSTEM,
  audit: false,
  input: { parentId: null, kind: 'region', name: 'Область' },
});
await db.update(orgUnits).set({ code: 'R' }).where(eq(orgUnits.id, region.id));
await createUser(db, {
  actor: TEST_SYSTEM,
  input: { login: 'local', fullName: 'Местный', password: 'password-123' },
});
const ldap = loadConfig({
  LDAP_URL: slapd.url,
  LDAP_BIND_DN: READER_DN,
  LDAP_BIND_PASSWORD: READER_PASSWORD,
  LDAP_SEARCH_BASE: SUFFIX,
  LDAP_AUTO_CREATE: 'true',
  LDAP_GROUP_ROLES: JSON.stringify([{ group: OPERATORS_GROUP, role: 'regional_operator', orgUnit: 'R' }]),
}).ldap;
if (!ldap) throw new Error('no ldap');

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    await run();
    times.push(performance.now() - s);
    await db.delete(authThrottle);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const input = (name: string, password: string) => ({
  login: name,
  password,
  ip: '192.0.2.1',
  userAgent: null,
});
const check = await median(() => checkDirectoryPassword(ldap, 'ivanova', 'Domain-Pass-1'));
const wrong = await median(() => checkDirectoryPassword(ldap, 'ivanova', 'wrong'));
const viaLdap = await median(() => login(db, SESSIONS, input('ivanova', 'Domain-Pass-1'), {}, ldap));
const local = await median(() => login(db, SESSIONS, input('local', 'password-123'), {}, ldap));
console.log(`slapd start + fixture load: ${startMs.toFixed(0)} ms`);
console.log(`directory check, right password (median of ${N}): ${check.toFixed(1)} ms`);
console.log(`directory check, wrong password: ${wrong.toFixed(1)} ms`);
console.log(`POST /api/auth/login's operation through LDAP: ${viaLdap.toFixed(1)} ms`);
console.log(`baseline — local password (argon2id) sign-in: ${local.toFixed(1)} ms`);
await slapd.stop();
await database.close();
