// Identification at national scale: generates a package (40 000 schools × 4 years, ~25 procedures per
// school and year), reads it and identifies the last year, printing times and memory; then imports it into
// PostgreSQL (with DATABASE_URL) and PGlite and times runs of the identification job's steps from there.
// Prints figures only; nothing here asserts a time.
// Runs go first with the packs the import wrote, then with them dropped (docs/decisions/0016).
// Run: npm run bench:identify [-- --schools 40000 --years 4 --seed 1 --runs 3 --skip-reimport --no-rows-runs]

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, type Db, openPglite, openPostgres } from '../src/db/client.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { systemActor } from '../src/modules/access/actor.js';
import { importAssessmentDataFrom } from '../src/modules/assessment-data/import-assessment-data.js';
import { readPackage } from '../src/modules/assessment-data/read-package.js';
import { type BulkLoader, bulkLoader } from '../src/modules/assessment-data/store.js';
import type { School } from '../src/modules/assessment-data/types.js';
import { writeGeneratedCsv } from '../src/modules/assessment-data/write-package.js';
import { identifyYear } from '../src/modules/identification/identify.js';
import { benchRunFromDb } from '../src/modules/identification/run-identification.js';
import { summarize } from '../src/modules/identification/summary.js';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '40000' },
    years: { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    /** Skip the database part (import into PGlite and PostgreSQL). */
    'no-db': { type: 'boolean', default: false },
    /** Identification runs from each database. */
    runs: { type: 'string', default: '3' },
    /** Skip the two re-imports of the year (the import steps take minutes). */
    'skip-reimport': { type: 'boolean', default: false },
    /** Skip the runs with the packs dropped (results read as rows). */
    'no-rows-runs': { type: 'boolean', default: false },
    /** Skip the identification from PGlite (importing all years into it takes about two minutes). */
    'no-pglite-runs': { type: 'boolean', default: false },
  },
});
const opts = {
  schools: Number(values.schools),
  years: Number(values.years),
  seed: Number(values.seed),
  lastYear: new Date().getFullYear() - 1,
};

const countsLine = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
let peakRss = 0;
let lastSeconds = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);
const step = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
  sample();
  const t0 = performance.now();
  const out = await f();
  const seconds = (performance.now() - t0) / 1000;
  lastSeconds = seconds;
  sample();
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s   rss ${mb(process.memoryUsage().rss)}`,
  );
  return out;
};

const dir = values.dir ?? (await mkdtemp(path.join(tmpdir(), 'opora-bench-')));
console.log(
  `Package: ${opts.schools} schools × ${opts.years} years (${opts.lastYear - opts.years + 1}–${opts.lastYear}), seed ${opts.seed}, ${dir}`,
);
console.log(
  'In-memory part first (no database), then the import of one year into PGlite and, when DATABASE_URL is set, PostgreSQL.\n',
);

const written = await step('generate (CSV, streamed to disk)', () => writeGeneratedCsv(opts, dir));
console.log(
  `  rows: results ${written.rows.results}, context ${written.rows.context}, confirmation ${written.rows.confirmation}` +
    ` (${(written.rows.results / opts.schools / opts.years).toFixed(1)} procedures per school and year)`,
);
/** Reading and identification in memory; returns the schools (the package itself is freed). */
async function inMemoryPart(): Promise<School[]> {
  const pkg = await step(`read + validate the package (${opts.years} years)`, () => readPackage(dir));
  const perYear = pkg.results.length / opts.years;
  console.log(
    `  ≈ ${Math.round(perYear)} result rows and ${(lastSeconds / opts.years).toFixed(2)} s of reading per year`,
  );
  const last = await step(`identify ${opts.lastYear} (cold: past years computed)`, () =>
    identifyYear(pkg, opts.lastYear),
  );
  await step(`identify ${opts.lastYear - 1} (past years memoised)`, () =>
    identifyYear(pkg, opts.lastYear - 1),
  );
  const s = summarize(pkg, last);
  console.log(`  ${opts.lastYear}: ${countsLine(s.counts)}`);
  return pkg.schools;
}
const schools = await inMemoryPart();
const inMemoryPeak = peakRss;
console.log(`peak RSS of the in-memory part (sampled): ${mb(inMemoryPeak)}`);

if (!values['no-db']) {
  peakRss = 0;
  await databasePart(schools);
  console.log(`\npeak RSS of the database part (sampled): ${mb(peakRss)}`);
}

clearInterval(timer);
sample();
console.log(`\npeak RSS (sampled every 20 ms and after each step): ${mb(Math.max(inMemoryPeak, peakRss))}`);
console.log(
  `peak RSS (process.resourceUsage().maxRSS):          ${mb(process.resourceUsage().maxRSS * 1024)}`,
);
if (!values.dir) await rm(dir, { recursive: true, force: true });

// ---- The database part: import of one year (≈ 1M result rows) with the bulk store (COPY). ----

async function databasePart(schools: School[]): Promise<void> {
  const yearDir = path.join(dir, 'one-year');
  const oneYear = { ...opts, years: 1 };
  console.log(`\nDatabase: one year (${opts.lastYear}) of the same ${opts.schools} schools, ${yearDir}`);
  const w = await step('generate one year (CSV)', () => writeGeneratedCsv(oneYear, yearDir));
  const otherYearDir = path.join(dir, 'one-year-other-seed');
  await step('generate it with another seed (CSV)', () =>
    writeGeneratedCsv({ ...oneYear, seed: opts.seed + 1 }, otherYearDir),
  );
  console.log(
    `  rows: results ${w.rows.results}, context ${w.rows.context} (× indicators), confirmation ${w.rows.confirmation}`,
  );
  // PostgreSQL first; then PGlite in a data directory, as `npm start` runs it.
  const targets: { label: string; open: () => Promise<Database> }[] = [];
  const url = process.env.DATABASE_URL;
  if (url) targets.push({ label: 'PostgreSQL', open: () => freshPostgres(url) });
  else console.log('  DATABASE_URL is not set: PostgreSQL skipped');
  targets.push({ label: 'PGlite (data directory)', open: () => freshPglite() });
  for (const t of targets) {
    console.log(`\n${t.label}`);
    const database = await step('  open + migrate', t.open);
    try {
      const regionId = await step(`  region + ${schools.length} schools with codes`, () =>
        createSchools(database.db, schools),
      );
      const loader = bulkLoader(database);
      const run = (fileName: string) =>
        importAssessmentDataFrom(
          database.db,
          { actor: systemActor('Замер (bench)'), regionId, fileName, source: yearDir, dryRun: false },
          loader,
        );
      const first = await step(`  import ${opts.lastYear} (${loader.method}, read + write)`, () =>
        run('bench-1.zip'),
      );
      if (!first.ok) throw new Error(`import failed: ${JSON.stringify(first.errors.slice(0, 3))}`);
      console.log(
        `  written: results ${first.results}, context values ${first.contextValues}, confirmations ${first.confirmations}`,
      );
      if (!values['skip-reimport']) await reimports(database, regionId, run, loader, otherYearDir);
      if (t.label !== 'PostgreSQL' && values['no-pglite-runs']) continue;
      // A run needs the past years too: load the whole package, then time runs as the job does them.
      const all = await step(`  import all ${opts.years} years`, () =>
        importAssessmentDataFrom(
          database.db,
          {
            actor: systemActor('Замер (bench)'),
            regionId,
            fileName: 'bench-all.zip',
            source: dir,
            dryRun: false,
          },
          loader,
        ),
      );
      if (!all.ok) throw new Error('import of all years failed');
      console.log('  with the packs the import wrote (docs/decisions/0016):');
      await identificationRuns(database, regionId, loader);
      if (!values['no-rows-runs']) await runsFromRows(database, regionId, loader);
    } finally {
      await database.close();
    }
  }
}

/** The same year imported again, and a year with new values (another seed). */
async function reimports(
  database: Database,
  regionId: string,
  run: (fileName: string) => ReturnType<typeof importAssessmentDataFrom>,
  loader: BulkLoader,
  otherYearDir: string,
): Promise<void> {
  const again = await step(`  re-import ${opts.lastYear}, the same package`, () => run('bench-2.zip'));
  console.log(`  replaced: ${JSON.stringify(again.replaced)}, unchanged rows ${again.unchanged}`);
  // A corrected package changes a few rows; this one (another seed) changes almost every row.
  const changed = await step(`  re-import ${opts.lastYear}, another seed (new values)`, () =>
    importAssessmentDataFrom(
      database.db,
      {
        actor: systemActor('Замер (bench)'),
        regionId,
        fileName: 'bench-3.zip',
        source: otherYearDir,
        dryRun: false,
      },
      loader,
    ),
  );
  if (!changed.ok) throw new Error(`import failed: ${JSON.stringify(changed.errors.slice(0, 3))}`);
  console.log(`  unchanged rows ${changed.unchanged}`);
}

/**
 * Runs of the last year from the database, as the job does them (load, identify, store), with the time
 * of a plain full scan of the results table measured right before as the baseline of this machine now.
 */
async function identificationRuns(database: Database, regionId: string, loader: BulkLoader): Promise<void> {
  await step('  baseline: count(*) of assessment_results', () =>
    database.db.execute(sql`select count(*) from assessment_results`),
  );
  const baseline = lastSeconds;
  const runs = Number(values.runs);
  const totals: number[] = [];
  // The first run follows the import (autovacuum of the new rows may be running alongside); the later
  // ones are what-if runs that follow another.
  for (let i = 1; i <= runs; i++) {
    const cpu0 = process.cpuUsage();
    const r = await step(`  identification of ${opts.lastYear} from the database, run ${i}`, () =>
      benchRunFromDb(database.db, regionId, opts.lastYear, { bulk: loader }),
    );
    const cpu = process.cpuUsage(cpu0);
    totals.push(r.total / 1000);
    console.log(
      `    load ${(r.load / 1000).toFixed(2)} s, identify ${(r.identify / 1000).toFixed(2)} s, store ${(r.store / 1000).toFixed(2)} s;` +
        ` CPU of this process ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
    );
    console.log(`    ${opts.lastYear} of ${r.summary.schools} schools: ${countsLine(r.summary.counts)}`);
  }
  const sorted = [...totals].sort((a, b) => a - b);
  console.log(
    `  runs: min ${sorted[0]?.toFixed(2)} s, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} s, max ${sorted[sorted.length - 1]?.toFixed(2)} s` +
      ` (baseline scan ${baseline.toFixed(2)} s)`,
  );
}

/** The same runs with the region's packs dropped: the results read as rows (data loaded before 0016). */
async function runsFromRows(database: Database, regionId: string, loader: BulkLoader): Promise<void> {
  await database.db.execute(sql`delete from assessment_packs`);
  console.log('  without the packs (results read as rows):');
  await identificationRuns(database, regionId, loader);
}

/** Region, municipalities and the package's schools (code = school_id), inserted in batches. */
async function createSchools(db: Db, schools: School[]): Promise<string> {
  const regionId = randomUUID();
  await db
    .insert(orgUnits)
    .values({ id: regionId, kind: 'region', name: 'Тестовая область', path: `/${regionId}/` });
  const munis = new Map<string, string>();
  const rows: (typeof orgUnits.$inferInsert)[] = [];
  for (const s of schools) {
    let m = munis.get(s.municipalityId);
    if (!m) {
      m = randomUUID();
      munis.set(s.municipalityId, m);
      rows.push({
        id: m,
        parentId: regionId,
        kind: 'municipality',
        name: s.municipalityName,
        path: `/${regionId}/${m}/`,
      });
    }
  }
  for (const s of schools) {
    const m = munis.get(s.municipalityId) ?? regionId;
    const id = randomUUID();
    rows.push({
      id,
      parentId: m,
      kind: 'school',
      name: s.name,
      code: s.id,
      isRural: s.rural,
      isSmall: s.small,
      path: `/${regionId}/${m}/${id}/`,
    });
  }
  for (let i = 0; i < rows.length; i += 2000) await db.insert(orgUnits).values(rows.slice(i, i + 2000));
  return regionId;
}

/** A new embedded database in a temporary directory, removed on close. */
async function freshPglite(): Promise<Database> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'opora-bench-pglite-'));
  const database = await openPglite(dataDir);
  return {
    ...database,
    close: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new database on the server of DATABASE_URL, dropped on close (as tests/helpers/db.ts does). */
async function freshPostgres(url: string): Promise<Database> {
  const name = `opora_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
