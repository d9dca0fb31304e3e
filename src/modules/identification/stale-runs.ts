import { and, arrayOverlaps, desc, eq, gt, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dataImports } from '../../db/schema/assessment.js';
import { identificationRuns, methodologies } from '../../db/schema/identification.js';
import { AppError } from '../../lib/errors.js';
import { MIN_YEAR } from '../assessment-data/types.js';
import { yearsForRun } from './load-package-from-db.js';
import { parseMethodology } from './methodology.js';

// A run is methodology × year × the data as they were: it never changes, but the data may. A run is
// STALE when a data package imported into its region after the run was started (data_imports.imported_at
// > identification_runs.created_at) touched a year the run used (`yearsForRun`: results, context and
// confirmation years). Worked out at read time from data_imports — never stored, so it cannot drift.
// A stale run is shown with a warning; a draft list is not built on it and a list on it is not approved.
//
// The run's created_at (when it was queued), not the time its job began, is the reference: an import
// between the two makes the run look stale even if the job read the new data — a harmless re-run —
// while the other way round could let a list be approved on data that have changed.

export type RunStaleness = {
  /** Years the run used whose data were imported again after the run was started, ascending. */
  years: number[];
  /** The newest of those imports. */
  lastImport: { fileName: string; importedAt: Date };
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The years of data a run of the methodology document for `year` used. A document that does not parse
 * (it could not have been run) counts as using every year up to `year`: stale rather than silently fresh.
 */
export function runDataYears(document: unknown, year: number): number[] {
  let m: ReturnType<typeof parseMethodology>;
  try {
    m = parseMethodology(document);
  } catch {
    return range(MIN_YEAR, year);
  }
  const y = yearsForRun(m, year);
  return [...new Set([...y.results, ...y.context, ...y.confirmation])].sort((a, b) => a - b);
}

export type RunForStaleness = { id: string; year: number; document: unknown };

/**
 * Staleness of the runs (by run id; a fresh run is absent from the map). One query: the imports of each
 * run's region after the run was created (compared in the database, at its full precision) that touched
 * a year of the run. The caller has checked access to the runs.
 */
export async function stalenessOfRuns(db: Db, runs: RunForStaleness[]): Promise<Map<string, RunStaleness>> {
  const out = new Map<string, RunStaleness>();
  if (runs.length === 0) return out;
  const yearsOf = new Map<string, number[]>();
  // Runs that use the same years share one condition.
  const byYears = new Map<string, { years: number[]; ids: string[] }>();
  for (const r of runs) {
    const years = runDataYears(r.document, r.year);
    yearsOf.set(r.id, years);
    const key = years.join(',');
    const g = byYears.get(key);
    if (g) g.ids.push(r.id);
    else byYears.set(key, { years, ids: [r.id] });
  }
  const touched = [...byYears.values()].map((g) =>
    and(inArray(identificationRuns.id, g.ids), arrayOverlaps(dataImports.years, g.years)),
  );
  const rows = await db
    .select({
      runId: identificationRuns.id,
      fileName: dataImports.fileName,
      importedAt: dataImports.importedAt,
      years: dataImports.years,
    })
    .from(identificationRuns)
    .innerJoin(
      dataImports,
      and(
        eq(dataImports.regionId, identificationRuns.regionId),
        gt(dataImports.importedAt, identificationRuns.createdAt),
      ),
    )
    .where(or(...touched))
    .orderBy(desc(dataImports.importedAt));
  for (const row of rows) {
    const used = yearsOf.get(row.runId) ?? [];
    const changed = row.years.filter((y) => used.includes(y));
    const s = out.get(row.runId);
    if (!s) {
      // Newest first: the first row of a run is its last import.
      out.set(row.runId, {
        years: changed,
        lastImport: { fileName: row.fileName, importedAt: row.importedAt },
      });
    } else {
      for (const y of changed) if (!s.years.includes(y)) s.years.push(y);
    }
  }
  for (const s of out.values()) s.years.sort((a, b) => a - b);
  return out;
}

/** Staleness of one run (access already checked); null when it is fresh or does not exist. */
export async function stalenessOfRun(db: Db, runId: string): Promise<RunStaleness | null> {
  const [row] = await db
    .select({ id: identificationRuns.id, year: identificationRuns.year, document: methodologies.document })
    .from(identificationRuns)
    .innerJoin(methodologies, eq(methodologies.id, identificationRuns.methodologyId))
    .where(eq(identificationRuns.id, runId));
  if (!row) return null;
  return (await stalenessOfRuns(db, [row])).get(runId) ?? null;
}

const dateTime = (d: Date) =>
  d.toLocaleString('ru-RU', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** «Данные за 2023 и 2024 годы изменены после расчёта (загрузка «file.zip» от 01.06.2025, 10:00)». */
export function staleDescription(s: RunStaleness): string {
  const years =
    s.years.length === 1
      ? `${s.years[0]} год`
      : `${s.years.slice(0, -1).join(', ')} и ${s.years[s.years.length - 1]} годы`;
  return `Данные за ${years} изменены после расчёта (загрузка «${s.lastImport.fileName}» от ${dateTime(s.lastImport.importedAt)})`;
}

/** CONFLICT when the run is stale; call inside the transaction that acts on it, after `lockRegionDataForRead`. */
export async function assertRunFresh(db: Db, runId: string, action: 'create' | 'approve'): Promise<void> {
  const s = await stalenessOfRun(db, runId);
  if (!s) return;
  const what = staleDescription(s);
  throw new AppError(
    'CONFLICT',
    action === 'create'
      ? `Расчёт устарел: ${lower(what)}. Выполните расчёт заново и составьте список по новому расчёту.`
      : `Список нельзя утвердить: ${lower(what)}. Выполните расчёт заново и пересоберите черновик по новому расчёту.`,
  );
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
