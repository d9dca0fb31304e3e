import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  identificationResults,
  identificationRuns,
  type MethodologyStatus,
  methodologies,
  type RunStatus,
} from '../../db/schema/identification.js';
import { jobs } from '../../db/schema/jobs.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { assertRegionAccess, requireIdentificationRegion } from './identification-access.js';
import { FLAG_KEYS, type Flags, type LowProcedure } from './identify.js';
import type { RunSummary } from './run-identification.js';
import { type RunStaleness, stalenessOfRuns } from './stale-runs.js';

// Runs and their results as the API shows them (docs/identification-api.md, «Расчёты»).

export type RunView = {
  id: string;
  regionId: string;
  year: number;
  methodology: { id: string; code: string; version: number; name: string; status: MethodologyStatus };
  status: RunStatus;
  progress: number;
  message: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  summary: RunSummary | null;
  /**
   * The data of a year the run used were imported again after it was started (stale-runs.ts): its
   * results no longer match the data; a list is not built on it or approved. Worked out on every read.
   */
  stale: boolean;
  /** What changed: the run's years imported again and the newest such import; null when not stale. */
  staleness: RunStaleness | null;
};

export type SchoolRef = {
  id: string;
  name: string;
  code: string | null;
  municipality: { id: string; name: string };
  isRural: boolean;
  isSmall: boolean;
};

export type RunResultView = {
  school: SchoolRef;
  isbsh: number | null;
  cluster: number | null;
  resultIndex: number | null;
  flags: Flags;
  lowProcedures: LowProcedure[];
  reasons: string[];
};

export type ResultFilter = {
  flag?: keyof Flags;
  municipalityId?: string;
  cluster?: number;
  rural?: boolean;
  small?: boolean;
  /** A part of the school's name or code, case-insensitive. */
  q?: string;
};

const runColumns = {
  run: identificationRuns,
  m: {
    id: methodologies.id,
    code: methodologies.code,
    version: methodologies.version,
    name: methodologies.name,
    status: methodologies.status,
  },
  document: methodologies.document,
  jobProgress: jobs.progress,
  jobMessage: jobs.message,
  jobError: jobs.error,
};

type RunRow = {
  run: typeof identificationRuns.$inferSelect;
  m: RunView['methodology'];
  document: unknown;
  jobProgress: number | null;
  jobMessage: string | null;
  jobError: string | null;
};

function toRunView(r: RunRow, staleness: RunStaleness | null): RunView {
  const { run } = r;
  const done = run.status === 'done';
  return {
    id: run.id,
    regionId: run.regionId,
    year: run.year,
    methodology: r.m,
    status: run.status,
    progress: done ? 1 : (r.jobProgress ?? 0),
    message:
      run.status === 'failed'
        ? (r.jobError ?? r.jobMessage ?? 'Расчёт завершился с ошибкой')
        : done
          ? null
          : (r.jobMessage ?? (run.status === 'queued' ? 'В очереди' : null)),
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    summary: (run.summary as RunSummary | null) ?? null,
    stale: staleness !== null,
    staleness,
  };
}

/** The rows as views, with the staleness of each run worked out by one query. */
async function toRunViews(db: Db, rows: RunRow[]): Promise<RunView[]> {
  const stale = await stalenessOfRuns(
    db,
    rows.map((r) => ({ id: r.run.id, year: r.run.year, document: r.document })),
  );
  return rows.map((r) => toRunView(r, stale.get(r.run.id) ?? null));
}

const runQuery = (db: Db) =>
  db
    .select(runColumns)
    .from(identificationRuns)
    .innerJoin(methodologies, eq(methodologies.id, identificationRuns.methodologyId))
    .leftJoin(jobs, eq(jobs.id, identificationRuns.jobId));

/** Runs of the actor's region, newest first; of one year when given. */
export async function listRuns(db: Db, opts: { actor: Actor; year?: number }): Promise<RunView[]> {
  const regionId = requireIdentificationRegion(opts.actor, 'read');
  const conds: SQL[] = [eq(identificationRuns.regionId, regionId)];
  if (opts.year !== undefined) conds.push(eq(identificationRuns.year, opts.year));
  const rows = await runQuery(db)
    .where(and(...conds))
    .orderBy(desc(identificationRuns.createdAt));
  return toRunViews(db, rows);
}

/** One run with the progress of its job; NOT_FOUND outside the actor's region or for other roles. */
export async function getRun(db: Db, opts: { actor: Actor; runId: string }): Promise<RunView> {
  const [row] = await runQuery(db).where(eq(identificationRuns.id, opts.runId));
  if (!row) throw notFound('Расчёт');
  assertRegionAccess(opts.actor, row.run.regionId, 'read', 'Расчёт');
  const [view] = await toRunViews(db, [row]);
  return view as RunView;
}

const municipality = alias(orgUnits, 'municipality');

export const FLAG_COLUMNS = {
  shnor: identificationResults.shnor,
  shnsu: identificationResults.shnsu,
  riskZone: identificationResults.riskZone,
  resilient: identificationResults.resilient,
  stagnation: identificationResults.stagnation,
  repeat: identificationResults.repeat,
  exit: identificationResults.exit,
  objectivity: identificationResults.objectivity,
} satisfies Record<keyof Flags, unknown>;

export const schoolColumns = {
  id: orgUnits.id,
  name: orgUnits.name,
  code: orgUnits.code,
  isRural: orgUnits.isRural,
  isSmall: orgUnits.isSmall,
  municipalityId: municipality.id,
  municipalityName: municipality.name,
};

type SchoolColumns = {
  id: string;
  name: string;
  code: string | null;
  isRural: boolean | null;
  isSmall: boolean | null;
  municipalityId: string | null;
  municipalityName: string | null;
};

export const schoolRefOf = (s: SchoolColumns): SchoolRef => ({
  id: s.id,
  name: s.name,
  code: s.code,
  municipality: { id: s.municipalityId ?? '', name: s.municipalityName ?? '' },
  isRural: s.isRural ?? false,
  isSmall: s.isSmall ?? false,
});

/** By municipality, then by school name (Russian alphabetical order). */
export const bySchoolOrder = <T extends { school: { name: string; municipality: { name: string } } }>(
  a: T,
  b: T,
) => byRussian<T>((x) => x.school.municipality.name)(a, b) || byRussian<T>((x) => x.school.name)(a, b);

/** Flags of a results row selected with `resultColumns`. */
export const flagsOf = (r: Record<keyof Flags, boolean>): Flags =>
  Object.fromEntries(FLAG_KEYS.map((k) => [k, r[k]])) as Flags;

const fold = (s: string) => s.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** The results of a run, filtered, by municipality and school name. */
export async function runResults(
  db: Db,
  opts: { actor: Actor; runId: string; filter?: ResultFilter },
): Promise<RunResultView[]> {
  await getRun(db, { actor: opts.actor, runId: opts.runId });
  const f = opts.filter ?? {};
  const conds: SQL[] = [eq(identificationResults.runId, opts.runId)];
  if (f.flag) conds.push(eq(FLAG_COLUMNS[f.flag], true));
  if (f.municipalityId) conds.push(eq(orgUnits.parentId, f.municipalityId));
  if (f.cluster !== undefined) conds.push(eq(identificationResults.cluster, f.cluster));
  if (f.rural !== undefined) conds.push(sql`coalesce(${orgUnits.isRural}, false) = ${f.rural}`);
  if (f.small !== undefined) conds.push(sql`coalesce(${orgUnits.isSmall}, false) = ${f.small}`);
  const rows = await db
    .select({
      school: schoolColumns,
      isbsh: identificationResults.isbsh,
      cluster: identificationResults.cluster,
      resultIndex: identificationResults.resultIndex,
      ...FLAG_COLUMNS,
      lowProcedures: identificationResults.lowProcedures,
      reasons: identificationResults.reasons,
    })
    .from(identificationResults)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationResults.schoolId))
    .leftJoin(municipality, eq(municipality.id, orgUnits.parentId))
    .where(and(...conds));
  // The name search is done here: the embedded database folds the case of Latin letters only.
  const q = f.q ? fold(f.q.trim()) : '';
  return rows
    .filter((r) => q === '' || fold(r.school.name).includes(q) || fold(r.school.code ?? '').includes(q))
    .map(
      (r): RunResultView => ({
        school: schoolRefOf(r.school),
        isbsh: r.isbsh,
        cluster: r.cluster,
        resultIndex: r.resultIndex,
        flags: flagsOf(r),
        lowProcedures: r.lowProcedures as LowProcedure[],
        reasons: r.reasons as string[],
      }),
    )
    .sort(bySchoolOrder);
}
