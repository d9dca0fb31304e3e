import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// A real hot standby of the test server on loopback: pg_basebackup -R into a temporary directory and a
// second postgres on a free port. PostgreSQL refuses to run as root, so as root the tools run as the
// `postgres` user over a directory it owns.

const asRoot = process.getuid?.() === 0;

function binDir(): string {
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const fromConfig = r.status === 0 ? r.stdout.trim() : '';
  if (fromConfig && fs.existsSync(path.join(fromConfig, 'pg_ctl'))) return fromConfig;
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions)
    if (fs.existsSync(path.join(base, v, 'bin/pg_ctl'))) return path.join(base, v, 'bin');
  throw new Error('Не найдены программы PostgreSQL (pg_ctl, pg_basebackup): pg_config --bindir пуст');
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const bin = path.join(binDir(), tool);
  const r = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8', env })
    : spawnSync(bin, args, { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr || r.stdout || r.error}`);
  return r.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Why a standby cannot be started here (no PostgreSQL programs, or replication refused), or null. */
export async function standbyUnavailable(primaryUrl: string): Promise<string | null> {
  try {
    binDir();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const refused = await replicationRefusal(primaryUrl);
  return refused && `соединение для репликации не открылось (${refused})`;
}

/** Whether the server lets this machine open a physical replication connection (pg_hba «replication»). */
export async function replicationRefusal(primaryUrl: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: primaryUrl, replication: true } as pg.ClientConfig);
  try {
    await c.connect();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await c.end().catch(() => {});
  }
}

export type Standby = { port: number; url: (db: string) => string; stop: () => void; cleanup: () => void };

/** Clones the server behind `primaryUrl` and starts it as a hot standby; `cleanup` always removes it. */
export async function startStandby(primaryUrl: string): Promise<Standby> {
  const primary = new URL(primaryUrl);
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  // A hot standby refuses to start with fewer of these than its primary has.
  const names = [
    'max_connections',
    'max_worker_processes',
    'max_wal_senders',
    'max_prepared_transactions',
    'max_locks_per_transaction',
  ];
  const settings = await admin.query<{ name: string; setting: string }>(
    'select name, setting from pg_settings where name = any($1)',
    [names],
  );
  await admin.end();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-standby-'));
  const data = path.join(dir, 'data');
  if (asRoot) spawnSync('chown', ['postgres:postgres', dir]);
  let started = false;
  const stop = () => {
    if (!started) return;
    started = false;
    spawnSync(
      asRoot ? 'runuser' : path.join(binDir(), 'pg_ctl'),
      [
        ...(asRoot ? ['-u', 'postgres', '--', path.join(binDir(), 'pg_ctl')] : []),
        '-D',
        data,
        '-m',
        'immediate',
        '-w',
        'stop',
      ],
      { encoding: 'utf8' },
    );
  };
  const cleanup = () => {
    stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    run(
      'pg_basebackup',
      [
        '-h',
        primary.hostname,
        '-p',
        primary.port || '5432',
        '-U',
        decodeURIComponent(primary.username || 'postgres'),
        '-D',
        data,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ],
      primary.password ? { ...process.env, PGPASSWORD: decodeURIComponent(primary.password) } : process.env,
    );
    // Debian keeps the configuration outside the data directory: the clone gets its own.
    const conf = [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      'hot_standby = on',
      'shared_buffers = 32MB',
      ...settings.rows.map((r) => `${r.name} = ${r.setting}`),
    ];
    const write = (file: string, text: string) => {
      fs.writeFileSync(path.join(data, file), text);
      if (asRoot) spawnSync('chown', ['postgres:postgres', path.join(data, file)]);
    };
    write('postgresql.conf', `${conf.join('\n')}\n`);
    write('pg_hba.conf', 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    write('pg_ident.conf', '');
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'standby.log'), '-w', '-t', '60', 'start']);
    started = true;
    const url = (db: string) => {
      const u = new URL(primaryUrl);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      u.pathname = `/${db}`;
      return u.toString();
    };
    return { port, url, stop, cleanup };
  } catch (e) {
    const log = path.join(dir, 'standby.log');
    const tail = fs.existsSync(log) ? `\n${fs.readFileSync(log, 'utf8').slice(-2000)}` : '';
    cleanup();
    throw new Error(`${e instanceof Error ? e.message : e}${tail}`);
  }
}
