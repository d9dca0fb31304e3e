// Starts the real server as a child process for the load bench, on a free loopback port, with the
// demo data in a temporary data directory (embedded) or in a fresh PostgreSQL database it drops after.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Where a server keeps its data; outlives restarts of the server (the profiling run reuses it). */
export type Store = {
  env: Record<string, string>;
  drop: () => Promise<void>;
  /** Committed transactions of the bench's PostgreSQL database: one per statement outside a transaction. */
  transactions?: () => Promise<number>;
};

export async function makeStore(kind: 'pglite' | 'postgres', pgUrl: string | undefined): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-load-'));
  const removeDir = async () => fs.rmSync(dir, { recursive: true, force: true });
  if (kind === 'pglite' || !pgUrl) return { env: { DATA_DIR: dir }, drop: removeDir };
  const name = `opora_load_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dir, DATABASE_URL: url.toString() },
    transactions: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      const r = await c.query('select xact_commit::float8 as n from pg_stat_database where datname = $1', [
        name,
      ]);
      await c.end();
      return Number(r.rows[0]?.n ?? 0);
    },
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      await removeDir();
    },
  };
}

export type Server = {
  base: string;
  pid: number;
  stop: () => Promise<void>;
  log: () => string;
  /** CPU seconds used so far by the server and each of its worker processes, by pid. */
  cpu: () => Map<number, number>;
};

const TICKS_PER_S = 100; // USER_HZ on Linux

function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name: state is 3rd, utime 14th, stime 15th of the whole line.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // gone, or no /proc
  }
  return [pid, ...children.flatMap(processTree)];
}

/**
 * Spawns `node --import tsx src/server.ts` as production does: with PostgreSQL that is one primary and
 * WORKERS processes (default: one per core); `env` can set WORKERS. For `--cpu-prof` pass WORKERS=1 so
 * that the profile is the serving process's own.
 */
export async function startServer(
  store: Store,
  nodeFlags: string[] = [],
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    // DATABASE_URL only from the store: the bench's own one names the server to create databases on.
    env: {
      ...process.env,
      DATABASE_URL: '',
      ...store.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Drained so that a chatty server never blocks on a full pipe; the tail is kept for error messages.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A bench that dies must not leave its server running.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited while starting:\n${output}`);
    if (i > 1200) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after 120 s:\n${output}`);
    }
    try {
      // Ready, not just alive: the demo loads after the server listens (503 until then).
      if ((await fetch(`${base}/api/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid ?? 0,
    log: () => output,
    cpu: () => new Map(processTree(child.pid ?? 0).map((p) => [p, cpuSeconds(p)])),
    stop: async () => {
      process.off('exit', orphanGuard);
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Logs a demo user in (password `demo`) from loopback address 127.0.0.(1 + `address`); returns the cookie. */
export function login(base: string, user: string, address: number): Promise<string> {
  const body = JSON.stringify({ login: user, password: 'demo' });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/auth/login`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        localAddress: `127.0.0.${1 + address}`,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => {
          const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
          if (res.statusCode === 200 && cookie) resolve(cookie);
          else reject(new Error(`login ${user}: ${res.statusCode} ${text}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
