import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPglite, yieldBetweenStatements } from './pglite-base.js';

const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-base-'));

/** What must be identical however the database was made: the migrations journal and every column. */
async function shape(client: PGlite) {
  await migrate(drizzle(client), { migrationsFolder });
  const journal = await client.query('select hash, created_at from drizzle.__drizzle_migrations order by id');
  const columns = await client.query(
    `select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
     where table_schema = 'public' order by table_name, ordinal_position`,
  );
  await client.close();
  return { journal: journal.rows, columns: columns.rows };
}

describe('the pre-made embedded database', () => {
  let reference: Awaited<ReturnType<typeof shape>>;
  // A dump made here, the way scripts/prepare-db.mjs makes it: the test does not depend on dist/.
  const dumpFile = path.join(tmp, 'base.tar.gz');

  beforeAll(async () => {
    const made = await PGlite.create();
    await migrate(drizzle(made), { migrationsFolder });
    fs.writeFileSync(dumpFile, Buffer.from(await (await made.dumpDataDir('gzip')).arrayBuffer()));
    reference = await shape(made);
    expect(reference.journal.length).toBeGreaterThan(0);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('opens in memory from the dump with the same schema as initdb and migrations', async () => {
    const log = vi.spyOn(console, 'log');
    expect(await shape(await createPglite(undefined, dumpFile))).toEqual(reference);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('unpacks the dump into a new data directory and reopens it as it is', async () => {
    const dir = path.join(tmp, 'dir');
    const first = await createPglite(dir, dumpFile);
    await first.exec('create schema kept; create table kept.marker (x int)');
    await first.close();
    const again = await createPglite(dir, dumpFile);
    expect((await again.query(`select to_regclass('kept.marker') is not null as kept`)).rows).toEqual([
      { kept: true },
    ]);
    expect(await shape(again)).toEqual(reference);
  });

  it('falls back to initdb, saying so, when the dump is missing', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await shape(await createPglite(undefined, path.join(tmp, 'absent.tar.gz')))).toEqual(reference);
    expect(log.mock.calls.flat().join('\n')).toMatch(/absent\.tar\.gz не найден: создаю базу заново/);
    log.mockRestore();
  });

  it('falls back to initdb in a clean directory when PGlite refuses the dump', async () => {
    // A well-formed archive that holds no database (a garbled one trips an unhandled rejection
    // inside PGlite's own retry, which a test runner reports as a failure).
    fs.mkdirSync(path.join(tmp, 'junk'));
    fs.writeFileSync(path.join(tmp, 'junk/readme.txt'), 'not a database');
    const bad = path.join(tmp, 'bad.tar.gz');
    execFileSync('tar', ['-czf', bad, '-C', path.join(tmp, 'junk'), 'readme.txt']);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const dir = path.join(tmp, 'dir-bad');
    expect(await shape(await createPglite(dir, bad))).toEqual(reference);
    expect(log.mock.calls.flat().join('\n')).toMatch(/bad\.tar\.gz не подошёл/);
    log.mockRestore();
  });
});

describe('yieldBetweenStatements', () => {
  /** At which statement of a 200-statement transaction a timer set before it got to run. */
  async function timerRunsAt(client: PGlite): Promise<number> {
    let done = 0;
    let ranAt = -1;
    setTimeout(() => {
      ranAt = done;
    }, 0);
    await client.transaction(async (tx) => {
      for (; done < 200; done++) await tx.query('select 1');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await client.close();
    return ranAt;
  }

  it('lets timers and I/O run during a long run of statements, which PGlite alone does not', async () => {
    expect(await timerRunsAt(await createPglite(undefined))).toBe(200);
    const client = await createPglite(undefined);
    yieldBetweenStatements(client, 0);
    expect(await timerRunsAt(client)).toBeLessThan(200);
  });
});
