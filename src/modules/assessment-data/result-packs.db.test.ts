import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, PG_URL } from '../../../tests/helpers/db.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import { type Database, openPostgres } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { importAssessmentPackage } from './import-assessment-data.js';
import { readPackage } from './read-package.js';
import { bulkLoader } from './store.js';
import { writeGeneratedCsv } from './write-package.js';

// The import's own writes must not drop the packs of other regions. As a superuser (and in PGlite) the
// bulk writes run with triggers off, so only a role that may not switch them off shows that the import
// marks its transaction (`opora.packing`): this test imports as such a role, on PostgreSQL.

describe.skipIf(!PG_URL)('packs of other regions under an import by an ordinary role (postgres)', () => {
  let owner: Database;
  let plain: Database | undefined;
  let dir = '';
  const role = `opora_plain_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(text);
    await c.end();
  };

  beforeAll(async () => {
    owner = await freshDatabase('postgres');
    const name = (
      (await owner.db.execute(sql`select current_database() as n`)) as unknown as { rows: { n: string }[] }
    ).rows[0]?.n as string;
    await admin(`create role ${role} login`);
    await owner.db.execute(
      sql.raw(`grant usage on schema public, drizzle to ${role};
        grant all on all tables in schema public to ${role};
        grant all on all sequences in schema public to ${role};
        grant select on all tables in schema drizzle to ${role}`),
    );
    const url = new URL(PG_URL as string);
    url.username = role;
    url.password = '';
    url.pathname = `/${name}`;
    plain = await openPostgres(url.toString(), 4, { migrate: false });
    dir = await mkdtemp(path.join(tmpdir(), 'opora-packs-'));
    await writeGeneratedCsv({ schools: 12, years: 2, seed: 3, lastYear: 2024 }, dir);
  });
  afterAll(async () => {
    await plain?.close();
    await owner.close();
    await admin(`drop role if exists ${role}`);
    await rm(dir, { recursive: true, force: true });
  });

  /** A region with the package's schools; codes are unique in the whole tree, so each region has its prefix. */
  const region = async (prefix: string) => {
    const regionId = randomUUID();
    const muni = randomUUID();
    const pkg = await packageOf(prefix);
    await owner.db.insert(orgUnits).values([
      { id: regionId, kind: 'region', name: 'Область', path: `/${regionId}/` },
      { id: muni, parentId: regionId, kind: 'municipality', name: 'Район', path: `/${regionId}/${muni}/` },
      ...pkg.schools.map((s) => {
        const id = randomUUID();
        return {
          id,
          parentId: muni,
          kind: 'school' as const,
          name: s.name,
          code: s.id,
          path: `/${regionId}/${muni}/${id}/`,
        };
      }),
    ]);
    return regionId;
  };
  const packageOf = async (prefix: string) => {
    const pkg = await readPackage(dir);
    return { ...pkg, schools: pkg.schools.map((s) => ({ ...s, id: `${prefix}${s.id}` })) };
  };
  const packedYears = async (regionId: string) =>
    (
      (await owner.db.execute(
        sql`select distinct year from assessment_packs where region_id = ${regionId} order by year`,
      )) as unknown as { rows: { year: number }[] }
    ).rows.map((r) => Number(r.year));

  it('keeps region A’s packs while region B is imported, and still drops them on a write outside imports', async () => {
    const db = (plain as Database).db;
    const importInto = async (regionId: string, prefix: string) =>
      importAssessmentPackage(
        db,
        { actor: TEST_SYSTEM, regionId, fileName: 'p.zip', pkg: await packageOf(prefix), dryRun: false },
        bulkLoader(plain as Database),
      );
    const a = await region('A');
    const b = await region('B');
    expect((await importInto(a, 'A')).ok).toBe(true);
    expect(await packedYears(a)).toEqual([2023, 2024]);
    // This role cannot switch the triggers off: its bulk writes fire them, and only the mark keeps A's packs.
    const replica = await db
      .execute(sql`set session_replication_role = replica`)
      .then(() => true)
      .catch(() => false);
    expect(replica).toBe(false);
    expect((await importInto(b, 'B')).ok).toBe(true);
    expect(await packedYears(a)).toEqual([2023, 2024]);
    expect(await packedYears(b)).toEqual([2023, 2024]);
    await db.execute(sql`delete from assessment_results where year = 2023 and school_id in
      (select id from org_units where path like ${`/${b}/%`})`);
    expect(await packedYears(a)).toEqual([]);
  });
});
