import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { identificationResults, identificationRuns, methodologies } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { enqueueJob, type JobHandler } from '../../jobs/runner.js';
import { AppError, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { type BulkLoader, type BulkTable, insertLoader } from '../assessment-data/store.js';
import { MAX_YEAR, MIN_YEAR } from '../assessment-data/types.js';
import { recordEvent } from '../audit/record-event.js';
import { approvedListOfYear, includedSchoolsOfList } from './approved-lists.js';
import { requireIdentificationRegion } from './identification-access.js';
import { FLAG_KEYS, type Flags, identifyYear, type YearIdentification } from './identify.js';
import { type LoadedPackage, loadPackageFromDb, yearsForRun } from './load-package-from-db.js';
import { ensureDefaultMethodology, getMethodologyRow, methodologyOf } from './methodologies.js';
import type { Methodology } from './methodology.js';
import { rowsOfYear } from './year-data.js';

// A run — methodology version × year × the data as they are now — is a background job (kind
// `identification.run`). The handler loads the region's data, takes the ШНОР of past years from their
// approved lists, identifies the year and stores one result per school. A finished run never changes.

export const IDENTIFICATION_JOB = 'identification.run';

export type RunSummary = {
  schools: number;
  counts: Record<keyof Flags, number>;
  thresholds: YearIdentification['thresholds'];
};

/** Queues a run of the methodology for the year in the actor's region. */
export async function startRun(
  db: Db,
  opts: { actor: Actor; year: number; methodologyId: string },
): Promise<{ runId: string; jobId: string }> {
  requireIdentificationRegion(opts.actor, 'write');
  if (!(Number.isInteger(opts.year) && opts.year >= MIN_YEAR && opts.year <= MAX_YEAR)) {
    throw invalid(`Год должен быть числом от ${MIN_YEAR} до ${MAX_YEAR}`, [
      { field: 'year', message: 'Неверный год' },
    ]);
  }
  const methodology = await getMethodologyRow(db, {
    actor: opts.actor,
    id: opts.methodologyId,
    mode: 'write',
  });
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(identificationRuns)
      .values({
        regionId: methodology.regionId,
        methodologyId: methodology.id,
        year: opts.year,
        status: 'queued',
        createdBy: opts.actor.userId,
      })
      .returning({ id: identificationRuns.id });
    if (!run) throw new Error('insert returned nothing');
    await recordEvent(
      tx,
      opts.actor,
      'identification_run.started',
      { entityType: 'identification_run', entityId: run.id, orgUnitId: methodology.regionId },
      { year: opts.year, methodologyId: methodology.id },
    );
    const job = await enqueueJob(tx, {
      kind: IDENTIFICATION_JOB,
      params: { runId: run.id },
      createdBy: opts.actor.userId,
    });
    await tx.update(identificationRuns).set({ jobId: job.id }).where(eq(identificationRuns.id, run.id));
    return { runId: run.id, jobId: job.id };
  });
}

/**
 * The ШНОР of the region's approved list of a year (org unit ids), or null when the year has no approved
 * list: the computed ШНОР of the list's run, plus the schools the operator included, minus the excluded.
 */
export async function approvedShnorOfYear(
  db: Db,
  regionId: string,
  year: number,
): Promise<Set<string> | null> {
  // One rule for "who is on an approved list", shared with the lists themselves.
  const list = await approvedListOfYear(db, regionId, year);
  return list ? includedSchoolsOfList(db, list) : null;
}

const jobParams = z.object({ runId: z.uuid() });

/**
 * The job handler of `identification.run`. `bulk`: the fast loader of the opened database
 * (assessment-data/store.ts) to read the data and write the results with COPY; without it, plain
 * SELECTs and multi-row INSERTs.
 */
export const identificationJob =
  (bulk?: BulkLoader): JobHandler =>
  async ({ db, job, progress }) => {
    const parsed = jobParams.safeParse(job.params);
    if (!parsed.success) throw new Error('Неверные параметры задания расчёта');
    const { runId } = parsed.data;
    const [run] = await db.select().from(identificationRuns).where(eq(identificationRuns.id, runId));
    if (!run) throw new Error('Расчёт не найден');
    if (run.status === 'done') return { runId, summary: run.summary }; // a finished run never changes
    try {
      await db.update(identificationRuns).set({ status: 'running' }).where(eq(identificationRuns.id, runId));
      const summary = await computeAndStore(db, bulk ?? insertLoader(db), run, progress);
      return { runId, summary };
    } catch (e) {
      // The results and the status «done» are written in one transaction (storeRun): a failed run has none.
      await db
        .update(identificationRuns)
        .set({ status: 'failed', finishedAt: new Date() })
        .where(eq(identificationRuns.id, runId));
      throw e;
    }
  };

export const runIdentificationJob = identificationJob();

type Run = typeof identificationRuns.$inferSelect;
type Progress = (fraction: number, message: string) => Promise<void>;

/** Loads the data, identifies the year and stores the results; the progress goes from 0.1 to 0.95. */
async function computeAndStore(db: Db, bulk: BulkLoader, run: Run, progress: Progress): Promise<RunSummary> {
  await progress(0.1, 'Загрузка данных…');
  const { m, loaded, approvedShnor } = await prepare(db, bulk, run.regionId, run.methodologyId, run.year);
  await progress(0.6, 'Расчёт…');
  const result = identifyYear(loaded.pkg, run.year, m, { approvedShnor });
  await progress(0.65, 'Сохранение результатов…');
  return storeRun(bulk, run.id, result, loaded);
}

/** Everything a run needs in memory: the methodology, the package and the approved past lists. */
async function prepare(db: Db, bulk: BulkLoader, regionId: string, methodologyId: string, year: number) {
  const [row] = await db.select().from(methodologies).where(eq(methodologies.id, methodologyId));
  if (!row) throw new Error('Методика расчёта не найдена');
  const m = methodologyOf(row);
  const years = yearsForRun(m, year);
  // The approved lists are read while the data stream in.
  const [loaded, approved] = await Promise.all([
    loadPackageFromDb(
      db,
      {
        regionId,
        years: years.results,
        contextYears: years.context,
        confirmationYears: years.confirmation,
        indicators: m.indicators.map((i) => i.name),
        pastLowOnly: years.pastLowOnly,
        schoolsWithDataIn: year,
        onlyMark2: true,
      },
      bulk,
    ),
    approvedPastLists(db, regionId, m, year),
  ]);
  if (rowsOfYear(loaded.pkg.results, year).length === 0) {
    throw invalid(
      `Нет данных оценочных процедур за ${year} год: загрузите пакет данных за этот год и повторите расчёт`,
    );
  }
  // Approved lists name org units; the package names schools by code.
  const approvedShnor = new Map<number, Set<string>>();
  for (const [y, ids] of approved) {
    const codes = new Set<string>();
    for (const id of ids) {
      const code = loaded.codeByOrgUnitId.get(id);
      if (code !== undefined) codes.add(code);
    }
    approvedShnor.set(y, codes);
  }
  return { m, loaded, approvedShnor };
}

/** Approved lists of the years the history rules look at, as sets of org unit ids. */
async function approvedPastLists(
  db: Db,
  regionId: string,
  m: Methodology,
  year: number,
): Promise<Map<number, Set<string>>> {
  const lookBack = Math.max(m.stagnationYears - 1, m.repeatWindow[1], 1);
  const out = new Map<number, Set<string>>();
  for (let y = year - 1; y >= year - lookBack; y--) {
    const approved = await approvedShnorOfYear(db, regionId, y);
    if (approved) out.set(y, approved);
  }
  return out;
}

/**
 * The run's results, one row per school, and its status «done» with the summary — in one transaction on
 * the connection that writes the rows with COPY: a run is stored whole or not at all (a crash in the
 * middle leaves it «running», and its job starts over).
 */
async function storeRun(
  bulk: BulkLoader,
  runId: string,
  result: YearIdentification,
  loaded: LoadedPackage,
): Promise<RunSummary> {
  const summary = summaryOf(result);
  const table = resultsTable(runId, result, loaded);
  await bulk.transaction(async (s) => {
    // A job restarted after a crash finds nothing here (the transaction did not commit); an older run
    // stored in parts might have left rows.
    await s.db.delete(identificationResults).where(eq(identificationResults.runId, runId));
    // The run's row stays locked to the commit: it cannot be deleted under the results.
    const [done] = await s.db
      .update(identificationRuns)
      .set({ status: 'done', summary, finishedAt: new Date() })
      .where(eq(identificationRuns.id, runId))
      .returning({ id: identificationRuns.id });
    if (!done) throw new Error('Расчёт не найден');
    // The schools are locked as their foreign keys would lock them, all in one statement; then the
    // row-by-row checks may be skipped where the database allows it (half of the time of the COPY).
    const schoolIds = result.schools.map((r) => loaded.orgUnitIdByCode.get(r.schoolId) as string);
    const locked = await s.db.execute(
      sql`select count(*)::int as n from (select 1 from ${orgUnits}
          where ${orgUnits.id} = any(${sql.param(schoolIds)}::uuid[]) for key share) as x`,
    );
    const n = (locked as unknown as { rows: { n: number }[] }).rows[0]?.n;
    if (n !== schoolIds.length) {
      throw new AppError('CONFLICT', 'Пока шёл расчёт, школы региона изменились: повторите расчёт');
    }
    await s.referencesChecked(() => s.copy(table));
  });
  return summary;
}

/** The rows of identification_results of a run. */
function resultsTable(runId: string, result: YearIdentification, loaded: LoadedPackage): BulkTable {
  const all = result.schools;
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  return {
    table: 'identification_results',
    columns: [
      'run_id',
      'school_id',
      'isbsh',
      'cluster',
      'result_index',
      ...FLAG_KEYS.map((k) => FLAG_COLUMNS[k]),
      'low_procedures',
      'reasons',
      'details',
    ],
    length: all.length,
    row: (i, out) => {
      const r = all[i] as (typeof all)[number];
      out[0] = runId;
      out[1] = loaded.orgUnitIdByCode.get(r.schoolId) as string;
      out[2] = r.isbsh;
      out[3] = r.cluster;
      out[4] = r.resultIndex;
      for (let j = 0; j < FLAG_KEYS.length; j++)
        out[5 + j] = r.flags[FLAG_KEYS[j] as keyof Flags] ? 'true' : 'false';
      out[5 + FLAG_KEYS.length] = json(r.lowProcedures);
      out[6 + FLAG_KEYS.length] = json(r.reasons);
      out[7 + FLAG_KEYS.length] = json(r.details);
      return out;
    },
  };
}

/** Column of each flag in identification_results. */
const FLAG_COLUMNS: Record<keyof Flags, string> = {
  shnor: 'shnor',
  shnsu: 'shnsu',
  riskZone: 'risk_zone',
  resilient: 'resilient',
  stagnation: 'stagnation',
  repeat: 'repeat',
  exit: 'exit',
  objectivity: 'objectivity',
};

export function summaryOf(result: YearIdentification): RunSummary {
  const counts = Object.fromEntries(FLAG_KEYS.map((k) => [k, 0])) as Record<keyof Flags, number>;
  for (const s of result.schools) for (const k of FLAG_KEYS) if (s.flags[k]) counts[k]++;
  return { schools: result.schools.length, counts, thresholds: result.thresholds };
}

/**
 * The benchmark of a run from the database (bench/identify.ts): the steps of the job with the region's
 * current methodology, timed in milliseconds — loading the data and the approved past
 * lists, identifying, storing the results as a finished run (unless `store: false`).
 */
export async function benchRunFromDb(
  db: Db,
  regionId: string,
  year: number,
  opts: { store?: boolean; bulk?: BulkLoader } = {},
): Promise<{ load: number; identify: number; store: number; total: number; summary: RunSummary }> {
  await ensureDefaultMethodology(db, regionId);
  const [current] = await db
    .select()
    .from(methodologies)
    .where(and(eq(methodologies.regionId, regionId), eq(methodologies.status, 'current')))
    .limit(1);
  if (!current) throw new Error('У региона нет текущей методики');
  const bulk = opts.bulk ?? insertLoader(db);
  const t0 = performance.now();
  const { m, loaded, approvedShnor } = await prepare(db, bulk, regionId, current.id, year);
  const t1 = performance.now();
  const result = identifyYear(loaded.pkg, year, m, { approvedShnor });
  const t2 = performance.now();
  let t3 = t2;
  if (opts.store !== false) {
    const [run] = await db
      .insert(identificationRuns)
      .values({ regionId, methodologyId: current.id, year, status: 'running' })
      .returning({ id: identificationRuns.id });
    if (!run) throw new Error('insert returned nothing');
    await storeRun(bulk, run.id, result, loaded);
    t3 = performance.now();
  }
  return { load: t1 - t0, identify: t2 - t1, store: t3 - t2, total: t3 - t0, summary: summaryOf(result) };
}
