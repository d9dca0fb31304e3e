import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { pupilRecords } from '../src/db/schema/index.js';
import { decryptPersonal } from '../src/modules/pupils/pupil-crypto.js';
import { DB_KINDS } from './helpers/db.js';
import { fingerprint } from './helpers/db-fingerprint.js';
import { demoDatabase } from './helpers/demo-db.js';

// The copies of the demo that most test files start from (tests/helpers/demo-db.ts) hold the whole
// demo, each its own: the same content as the load, the files and readable pupils' data.
describe.each(DB_KINDS)('demo snapshot on %s', (kind) => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const d of opened) await d.close();
  });
  const open = async () => {
    const started = Date.now();
    const d = await demoDatabase(kind);
    console.log(`demoDatabase(${kind}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
    opened.push(d);
    return d;
  };
  const count = async (d: Database, table: string) => {
    const r = (await d.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
      rows: { n: number }[];
    };
    return r.rows[0]?.n ?? 0;
  };

  it('gives two databases with the same content, the demo’s files and pupils among it', async () => {
    const a = await open();
    const b = await open();
    expect(await fingerprint(b.db)).toEqual(await fingerprint(a.db));
    expect(await count(a, 'file_blobs')).toBeGreaterThan(0);
    expect(await count(a, 'users')).toBeGreaterThan(5);
    const [p] = await a.db.select().from(pupilRecords).limit(1);
    expect(p && decryptPersonal(p.nameEnc)).toMatch(/[А-Яа-яЁё]/);
  }, 600_000);

  it('keeps the copies apart: a change in one is not seen in another', async () => {
    const [a, b] = opened;
    if (!a || !b) throw new Error('no copies');
    const before = await count(b, 'file_blobs');
    await a.db.execute(sql`delete from file_blobs where key in (select key from file_blobs limit 1)`);
    expect(await count(a, 'file_blobs')).toBe(before - 1);
    expect(await count(b, 'file_blobs')).toBe(before);
  });
});
