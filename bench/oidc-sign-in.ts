// OIDC sign-in cost (ADR 0040): a full round trip (start → loopback provider's pages → callback →
// session) against the password login measured in the same run, on an embedded database.
//   npx tsx bench/oidc-sign-in.ts [rounds]

import { testApp } from '../tests/helpers/api.js';
import { freshDatabase } from '../tests/helpers/db.js';
import { buildRegion } from '../tests/helpers/fixture.js';
import { providersEnv, signInAtProvider, startTestProvider } from '../tests/helpers/oidc.js';

const rounds = Number(process.argv[2] ?? 20);
const database = await freshDatabase('pglite');
await buildRegion(database.db);
const provider = await startTestProvider(['main']);
const t = testApp(database, { OIDC_PROVIDERS: providersEnv(provider, [{ id: 'main' }]) });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const timed = async (f: () => Promise<unknown>) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};
const oidcOnce = async () => {
  const start = await t.call('GET', '/api/auth/oidc/main/start');
  const back = await signInAtProvider(start.headers.get('location') ?? '', 'region');
  const res = await t.call('GET', back.pathname + back.search);
  if (res.headers.get('location') !== '/') throw new Error(`not signed in: ${res.headers.get('location')}`);
};
const first = await timed(oidcOnce); // includes discovery and the provider's key fetch
const oidc: number[] = [];
const password: number[] = [];
for (let i = 0; i < rounds; i++) {
  oidc.push(await timed(oidcOnce));
  password.push(await timed(() => t.login('region', 'password-123')));
}
console.log(`first OIDC sign-in (with discovery): ${first.toFixed(0)} ms`);
console.log(`OIDC sign-in, median of ${rounds}: ${median(oidc).toFixed(0)} ms`);
console.log(`password login (baseline, argon2id), median of ${rounds}: ${median(password).toFixed(0)} ms`);
await provider.close();
await database.close();
