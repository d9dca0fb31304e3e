import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL } from './helpers/db.js';

// `npm start` on PostgreSQL with two processes and the demo (src/server.ts, src/cluster.ts): the
// workers answer while the primary loads the demo — health says «loading», the API 503 — and once the
// primary tells them it is in, a demo account signs in and reads through either process. A real
// server process on a fresh database; PostgreSQL only (the embedded database is single-process).

const freePort = async () => {
  const s = createServer().listen(0);
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  return port;
};

describe.skipIf(!PG_URL)('two processes on PostgreSQL while the demo loads', () => {
  const name = `opora_test_${randomBytes(6).toString('hex')}`;
  let server: ChildProcess | undefined;
  let base = '';
  let log = '';
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(sql);
    await c.end();
  };

  beforeAll(async () => {
    await admin(`create database ${name}`);
    const url = new URL(PG_URL as string);
    url.pathname = `/${name}`;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        WORKERS: '2',
        DEMO: '1',
        PORT: String(port),
        HOST: '127.0.0.1',
        SESSION_SECRET: randomBytes(32).toString('hex'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => {
      log += d;
    });
    server.stderr?.on('data', (d) => {
      log += d;
    });
  });
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await admin(`drop database if exists ${name} with (force)`);
  });

  const health = async () => {
    try {
      return (await (await fetch(`${base}/api/health`)).json()) as { demo: string };
    } catch {
      return null; // not listening yet
    }
  };

  it('answers 503 while the primary loads the demo, then signs in through the workers', async () => {
    const seen: string[] = [];
    let probe: Response | undefined;
    for (let i = 0; i < 1200; i++) {
      const h = await health();
      if (h && seen.at(-1) !== h.demo) seen.push(h.demo);
      if (h?.demo === 'loading' && !probe) probe = await fetch(`${base}/api/me`);
      if (h?.demo === 'loaded') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen, log).toEqual(['loading', 'loaded']);
    expect(probe?.status).toBe(503);
    expect(probe?.headers.get('retry-after')).toBeTruthy();
    expect(log).toContain('Демо-данные ещё загружаются');

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ login: 'region', password: 'demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    // Several requests: the primary hands connections to both workers in turn.
    for (let i = 0; i < 6; i++) {
      const r = await fetch(`${base}/api/roadmaps`, { headers: { cookie } });
      expect(r.status).toBe(200);
    }
  }, 180_000);
});
