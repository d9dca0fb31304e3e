import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database } from '../../db/client.js';
import { identificationResults, identificationRuns, methodologies } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Job } from '../../jobs/runner.js';
import {
  importAssessmentDataFrom,
  importAssessmentPackage,
} from '../assessment-data/import-assessment-data.js';
import { readPackage } from '../assessment-data/read-package.js';
import { type BulkLoader, bulkLoader, insertLoader } from '../assessment-data/store.js';
import type { DataPackage } from '../assessment-data/types.js';
import { writeGeneratedCsv } from '../assessment-data/write-package.js';
import { BinaryCopyReader, forEachRow, literal, type Row, uuidOfKey } from './copy-rows.js';
import { identifyYear } from './identify.js';
import { loadPackageFromDb, yearsForRun } from './load-package-from-db.js';
import { ensureDefaultMethodology } from './methodologies.js';
import { OPORA_DEFAULT } from './methodology.js';
import { identificationJob } from './run-identification.js';

// The binary COPY reader against the text the same query gives as a plain SELECT, on both databases, with
// the output cut at every possible place; and a run's package read both ways from imported data.

const U1 = '0f2c9a4e-7b1d-4c3a-9e8f-1a2b3c4d5e6f';
const U2 = 'ffffffff-0000-4000-8000-000000000001';
const TRICKY = "Школа № 1\t«Ромашка»\n\\ и 'кавычки'";
const QUERY = `select * from (values
  (${literal(U1)}::uuid, 2025::int2, 7::int4, 9007199254740991::int8, 0.1::float8, ${literal(TRICKY)}::text, true, decode(repeat('00ff7f', 700), 'hex')),
  (${literal(U2)}::uuid, -1::int2, (-2147483648)::int4, -5::int8, -1e-300::float8, ''::text, false, ''::bytea),
  (${literal(U2)}::uuid, 0::int2, 0::int4, 0::int8, 1.7976931348623157e308::float8, null::text, null::bool, '\\x01'::bytea)
) as v(c0, c1, c2, c3, c4, c5, c6, c7)`;

type Decoded = (string | number | boolean | null)[];
const LONG = '00ff7f'.repeat(700);
const decode = (r: Row): Decoded => [
  uuidOfKey(r.uuidKey(0)),
  r.int(1),
  r.int(2),
  r.int(3),
  r.float(4),
  r.text(5),
  r.isNull(6) ? null : r.bool(6),
  // A bytea longer than most pieces below: read once its last byte has come.
  Buffer.from(r.bytes(7)).toString('hex'),
];
const EXPECTED: Decoded[] = [
  [U1, 2025, 7, 9007199254740991, 0.1, TRICKY, true, LONG],
  [U2, -1, -2147483648, -5, -1e-300, '', false, ''],
  [U2, 0, 0, 0, 1.7976931348623157e308, null, null, '01'],
];

describe.each(DB_KINDS)('rows by binary COPY (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  const read = (loader: ReturnType<typeof bulkLoader>) =>
    loader.transaction(
      async (s) => {
        const out: Decoded[] = [];
        await forEachRow(s, QUERY, (r) => out.push(decode(r)));
        return out;
      },
      { readOnly: true },
    );

  it('reads every type the runs use the same as a plain SELECT', async () => {
    const copied = bulkLoader(database);
    expect(copied.method).not.toBe('insert');
    expect(await read(copied)).toEqual(EXPECTED);
    expect(await read(insertLoader(database.db))).toEqual(EXPECTED);
  });

  it('reads the output cut into pieces at any byte, and refuses an output cut short', async () => {
    const pieces: Buffer[] = [];
    await bulkLoader(database).transaction(async (s) => {
      await s.copyOut?.(QUERY, (chunk) => pieces.push(Buffer.from(chunk)));
    });
    const whole = Buffer.concat(pieces);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) {
      const out: Decoded[] = [];
      const reader = new BinaryCopyReader((r) => out.push(decode(r)));
      for (let at = 0; at < whole.length; at += size) reader.push(whole.subarray(at, at + size));
      reader.end();
      expect(out, `pieces of ${size} bytes`).toEqual(EXPECTED);
    }
    const short = new BinaryCopyReader(() => {});
    short.push(whole.subarray(0, whole.length - 3));
    expect(() => short.end()).toThrow('COPY: вывод оборван');
  });

  it('rolls back and keeps the database usable when the reader fails in the middle', async () => {
    const loader = bulkLoader(database);
    await expect(
      loader.transaction((s) =>
        forEachRow(s, 'select g as c0 from generate_series(1, 100000) as g', (r) => {
          if (r.int(0) === 5000) throw new Error('сбой чтения');
        }),
      ),
    ).rejects.toThrow('сбой чтения');
    const n = await loader.transaction(async (s) => {
      let count = 0;
      await forEachRow(s, 'select 1 as c0', () => count++);
      return count;
    });
    expect(n).toBe(1);
    const plain = await database.db.execute(sql`select 2 as two`);
    expect((plain as unknown as { rows: { two: number }[] }).rows[0]?.two).toBe(2);
  });
});

describe.each(DB_KINDS)('a run from imported data (%s)', (kind) => {
  let database: Database;
  let dir = '';
  let files: DataPackage;
  let regionId = '';
  const year = 2024;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    dir = await mkdtemp(path.join(tmpdir(), 'opora-copy-rows-'));
    await writeGeneratedCsv({ schools: 60, years: 6, seed: 7, lastYear: year }, dir);
    files = await readPackage(dir);
    regionId = await schoolsOf(database, files);
    const imported = await importAssessmentDataFrom(
      database.db,
      { actor: TEST_SYSTEM, regionId, fileName: 'test.zip', source: dir, dryRun: false },
      bulkLoader(database),
    );
    expect(imported.ok).toBe(true);
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  // Packs (result-packs.ts): the import writes each year's results once more as columns; a run reads them.
  const packedYears = async () =>
    (
      (await database.db.execute(
        sql`select distinct year from assessment_packs where region_id = ${regionId} order by year`,
      )) as unknown as { rows: { year: number }[] }
    ).rows.map((r) => Number(r.year));
  const runPackage = () => {
    const years = yearsForRun(OPORA_DEFAULT, year);
    return loadPackageFromDb(
      database.db,
      {
        regionId,
        years: years.results,
        contextYears: years.context,
        confirmationYears: years.confirmation,
        pastLowOnly: years.pastLowOnly,
        schoolsWithDataIn: year,
        onlyMark2: true,
      },
      bulkLoader(database),
    );
  };

  it('reads the same package from the packs as from the rows, and packs every year of an import', async () => {
    expect(await packedYears()).toEqual(files.years);
    const fromPacks = canonical((await runPackage()).pkg);
    await database.db.execute(sql`delete from assessment_packs`);
    const fromRows = canonical((await runPackage()).pkg);
    expect(fromPacks).toEqual(fromRows);
    expect(fromRows.results.length).toBeGreaterThan(0);
  });

  it('rebuilds a pack from all the rows of the year when an import brings some schools only', async () => {
    const some = subPackage(files, 5, year);
    const imported = await importAssessmentPackage(
      database.db,
      { actor: TEST_SYSTEM, regionId, fileName: 'some.zip', pkg: some, dryRun: false },
      bulkLoader(database),
    );
    expect(imported.ok).toBe(true);
    expect(await packedYears()).toEqual([year]);
    const fromPack = canonical((await runPackage()).pkg);
    expect(fromPack.schools.length).toBe(files.schools.length);
    await database.db.execute(sql`delete from assessment_packs`);
    expect(canonical((await runPackage()).pkg)).toEqual(fromPack);
  });

  it('drops the packs on any write to the rows but the import, and when a school moves', async () => {
    const again = () =>
      importAssessmentDataFrom(
        database.db,
        { actor: TEST_SYSTEM, regionId, fileName: 'again.zip', source: dir, dryRun: false },
        bulkLoader(database),
      );
    expect((await again()).ok).toBe(true);
    expect(await packedYears()).toEqual(files.years);
    await database.db.execute(sql`update assessment_results set mark2 = mark2 where year = ${year - 5}`);
    expect(await packedYears()).toEqual([]);
    expect((await again()).ok).toBe(true);
    await database.db.execute(
      sql`update org_units set path = path where id = (select id from org_units where kind = 'school' limit 1)`,
    );
    expect(await packedYears()).toEqual([]);
    expect((await again()).ok).toBe(true);
  });

  it('loads the same package of a region by COPY as by plain SELECTs, and as from the files', async () => {
    const m = OPORA_DEFAULT;
    const years = yearsForRun(m, year);
    const opts = {
      regionId,
      years: years.results,
      contextYears: years.context,
      confirmationYears: years.confirmation,
      indicators: m.indicators.map((i) => i.name),
      pastLowOnly: years.pastLowOnly,
      schoolsWithDataIn: year,
      onlyMark2: true,
    };
    const byCopy = await loadPackageFromDb(database.db, opts, bulkLoader(database));
    const bySelect = await loadPackageFromDb(database.db, opts);
    expect(canonical(byCopy.pkg)).toEqual(canonical(bySelect.pkg));
    expect(byCopy.orgUnitIdByCode).toEqual(bySelect.orgUnitIdByCode);
    expect(byCopy.pkg.results.length).toBeGreaterThan(0);
    // Every school, flag and number as identified from the files themselves.
    const fromDb = identifyYear(byCopy.pkg, year, m).schools;
    const fromFiles = identifyYear(files, year, m).schools;
    const byId = new Map(fromFiles.map((s) => [s.schoolId, s]));
    expect(fromDb.length).toBe(fromFiles.length);
    for (const s of fromDb) expect(s).toEqual(byId.get(s.schoolId));
  });

  it('stores a run whole or not at all: a failure after the COPY leaves no result and no «done»', async () => {
    await ensureDefaultMethodology(database.db, regionId);
    const [methodology] = await database.db.select().from(methodologies);
    const newRun = async () => {
      const [run] = await database.db
        .insert(identificationRuns)
        .values({ regionId, methodologyId: methodology?.id ?? '', year, status: 'queued' })
        .returning();
      return run?.id ?? '';
    };
    const job = (runId: string) => ({ params: { runId } }) as unknown as Job;
    const progress = async () => {};
    const results = async (runId: string) =>
      (await database.db.select().from(identificationResults).where(eq(identificationResults.runId, runId)))
        .length;
    const status = async (runId: string) =>
      (await database.db.select().from(identificationRuns).where(eq(identificationRuns.id, runId)))[0]
        ?.status;

    // The loader writes the rows, then fails, as a crash before the commit would.
    const real = bulkLoader(database);
    const failing: BulkLoader = {
      method: real.method,
      transaction: (fn, o) =>
        real.transaction(
          (s) =>
            fn({
              ...s,
              copy: async (t, c) => {
                const n = await s.copy(t, c);
                throw new Error(`сбой после записи ${n} строк`);
              },
            }),
          o,
        ),
    };
    const failed = await newRun();
    await expect(identificationJob(failing)({ db: database.db, job: job(failed), progress })).rejects.toThrow(
      'сбой после записи 60 строк',
    );
    expect(await status(failed)).toBe('failed');
    expect(await results(failed)).toBe(0);

    // The moment the results commit, the run is «done» too: no crash can leave them with another status.
    const done = await newRun();
    const seen: [string | undefined, number][] = [];
    const observing: BulkLoader = {
      method: real.method,
      transaction: async (fn, o) => {
        const out = await real.transaction(fn, o);
        if (!o?.readOnly) seen.push([await status(done), await results(done)]);
        return out;
      },
    };
    await identificationJob(observing)({ db: database.db, job: job(done), progress });
    expect(seen).toEqual([['done', 60]]);
    expect(await status(done)).toBe('done');
  });
});

/** A region with the package's schools (code = school_id) under one municipality. */
async function schoolsOf(database: Database, pkg: DataPackage): Promise<string> {
  const regionId = randomUUID();
  const muniId = randomUUID();
  await database.db.insert(orgUnits).values([
    { id: regionId, kind: 'region', name: 'Область', path: `/${regionId}/` },
    { id: muniId, parentId: regionId, kind: 'municipality', name: 'Район', path: `/${regionId}/${muniId}/` },
  ]);
  await database.db.insert(orgUnits).values(
    pkg.schools.map((s) => {
      const id = randomUUID();
      return {
        id,
        parentId: muniId,
        kind: 'school' as const,
        name: s.name,
        code: s.id,
        isRural: s.rural,
        isSmall: s.small,
        path: `/${regionId}/${muniId}/${id}/`,
      };
    }),
  );
  return regionId;
}

/** The package's rows as sorted text lines: the two transports may deliver rows in different orders. */
function canonical(pkg: DataPackage) {
  const ids = pkg.schools.map((s) => s.id);
  const proc = (i: number) => JSON.stringify(pkg.procedures[i]);
  const r = pkg.results;
  const results = Array.from({ length: r.length }, (_, i) =>
    [
      ids[r.school[i] as number],
      r.year[i],
      proc(r.procedure[i] as number),
      r.participants[i],
      r.mark2[i],
    ].join('|'),
  ).sort();
  const c = pkg.context;
  const context = Array.from({ length: c.length }, (_, i) =>
    [ids[c.school[i] as number], c.year[i], ...c.values.map((v) => v[i])].join('|'),
  ).sort();
  const f = pkg.confirmation;
  const confirmation = f
    ? Array.from({ length: f.length }, (_, i) =>
        [
          ids[f.school[i] as number],
          f.year[i],
          proc(f.procedure[i] as number),
          f.raised[i],
          f.lowered[i],
        ].join('|'),
      ).sort()
    : null;
  return { schools: pkg.schools, years: pkg.years, indicators: c.indicators, results, context, confirmation };
}

/** The first `n` schools of `pkg` with their results of `year` only (no context, no confirmation). */
function subPackage(pkg: DataPackage, n: number, year: number): DataPackage {
  const r = pkg.results;
  const rows: number[] = [];
  for (let i = 0; i < r.length; i++) if ((r.school[i] as number) < n && r.year[i] === year) rows.push(i);
  const pick = (c: Int32Array) => Int32Array.from(rows, (i) => c[i] as number);
  return {
    schools: pkg.schools.slice(0, n),
    procedures: pkg.procedures,
    results: {
      length: rows.length,
      school: pick(r.school),
      year: pick(r.year),
      procedure: pick(r.procedure),
      participants: pick(r.participants),
      mark2: pick(r.mark2),
      mark3: pick(r.mark3),
      mark4: pick(r.mark4),
      mark5: pick(r.mark5),
    },
    context: { length: 0, school: new Int32Array(0), year: new Int32Array(0), indicators: [], values: [] },
    confirmation: null,
    years: [year],
  };
}
