import { and, eq, isNotNull, like } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError, forbidden } from '../../lib/errors.js';
import type { AnyActor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { readPackage } from './read-package.js';
import { readUploadedPackage } from './read-upload.js';
import {
  bulkTables,
  countExisting,
  type DataTableName,
  deleteStored,
  mergeRows,
  storedProcedureIds,
  storedShare,
} from './replace-rows.js';
import type { BulkLoader } from './store.js';
import { loaderRights, storeImport } from './store-import.js';
import type { DataPackage } from './types.js';
import type { assessmentImportView, importRowErrorView } from './views.js';

// Import of an assessment data package into the database (docs/identification-api.md, «Данные оценочных
// процедур»; format: docs/data-formats.md). Schools are matched by `org_units.code` within the region;
// unknown codes are reported, never created. All or nothing: any row error or unknown school writes
// nothing. A year in the package replaces that year's rows of the schools listed in schools.csv (results
// and context; confirmation only when the package has confirmation.csv — a package without the optional
// file does not erase a confirmation report loaded before), in one transaction with the data_imports
// record that is the history of the data.

export type ImportRowError = z.infer<typeof importRowErrorView>;
export type ImportAssessmentResult = z.infer<typeof assessmentImportView>;
export type ReplacedYear = ImportAssessmentResult['replaced'][number];

type ImportOptions = {
  /** The system (CLI, demo) must name `regionId`. */
  actor: AnyActor;
  /** The region to load into; by default the actor's region (an admin: the region of the package's schools). */
  regionId?: string;
  fileName: string;
  dryRun: boolean;
};

/** An uploaded package: an XLSX workbook (a sheet per file) or a ZIP with the CSV files. */
export async function importAssessmentData(
  db: Db,
  opts: ImportOptions & { data: Buffer },
  bulk?: BulkLoader,
): Promise<ImportAssessmentResult> {
  return runImport(db, opts, () => readUploadedPackage(opts.data), bulk);
}

/** A package on disk: a directory of CSV files or an .xlsx workbook (the CLI). */
export async function importAssessmentDataFrom(
  db: Db,
  opts: ImportOptions & { source: string },
  bulk?: BulkLoader,
): Promise<ImportAssessmentResult> {
  return runImport(db, opts, () => readPackage(opts.source), bulk);
}

/** A package already in memory (the demo, generated data). */
export async function importAssessmentPackage(
  db: Db,
  opts: ImportOptions & { pkg: DataPackage },
  bulk?: BulkLoader,
): Promise<ImportAssessmentResult> {
  return runImport(db, opts, async () => opts.pkg, bulk);
}

const TABLE_COUNT: Record<DataTableName, keyof Omit<ReplacedYear, 'year'>> = {
  assessment_results: 'results',
  context_values: 'contextValues',
  confirmation_results: 'confirmations',
};

async function runImport(
  db: Db,
  opts: ImportOptions,
  read: () => Promise<DataPackage>,
  bulk?: BulkLoader,
): Promise<ImportAssessmentResult> {
  const { actor, fileName, dryRun } = opts;
  // The system (CLI) loads into the region it names; a user into a region where he is the operator.
  const { admin, operatorRegions } = loaderRights(actor, opts.regionId);

  const base: ImportAssessmentResult = {
    ok: false,
    dryRun,
    fileName,
    years: [],
    schools: 0,
    results: 0,
    contextValues: 0,
    confirmations: 0,
    unknownSchools: [],
    errors: [],
    replaced: [],
    unchanged: 0,
  };
  let pkg: DataPackage;
  try {
    pkg = await read();
  } catch (e) {
    if (e instanceof AppError && e.details?.rows)
      return { ...base, errors: e.details.rows.map(toImportError) };
    throw e;
  }

  const counts = packageCounts(pkg);
  const summary = { ...base, ...counts };
  const regionId = await resolveRegion(db, {
    admin,
    operatorRegions,
    regionId: opts.regionId,
    codes: pkg.schools.map((s) => s.id),
  });

  // Schools of the region with codes; the package's schools are matched against them.
  const known = await db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'school'), isNotNull(orgUnits.code), like(orgUnits.path, `/${regionId}/%`)));
  const idByCode = new Map(known.map((s) => [s.code ?? '', s.id]));
  const unknownSchools = pkg.schools
    .filter((s) => !idByCode.has(s.id))
    .map((s) => ({ code: s.id, name: s.name }));
  if (unknownSchools.length > 0) return { ...summary, unknownSchools };

  const schoolIds = pkg.schools.map((s) => idByCode.get(s.id) ?? '');
  const withConfirmation = pkg.confirmation !== null;
  if (dryRun) {
    const replaced = await countExisting(db, counts.years, schoolIds, withConfirmation);
    return { ...summary, ok: true, replaced };
  }

  let unchanged = 0;
  const record = { ...counts, actor, regionId, fileName, schoolIds, noun: 'пакет' as const };
  const replaced = await storeImport(db, bulk, record, async (s) => {
    const replacedYears = await countExisting(s.db, counts.years, schoolIds, withConfirmation);
    // The procedures table is only added to, under the unique key: these rows exist until commit.
    const procedureIds = await storedProcedureIds(s.db, pkg.procedures);
    await s.referencesChecked(async () => {
      for (const t of bulkTables(pkg, schoolIds, procedureIds)) {
        const stored = replacedYears.reduce((n, y) => n + y[TABLE_COUNT[t.table]], 0);
        if (stored === 0) {
          await s.copy(t);
        } else if ((await storedShare(s.db, t)) < 0.5) {
          // New data for the year: deleting and writing anew is cheaper than comparing row by row.
          await deleteStored(s.db, t.table, counts.years, schoolIds);
          await s.copy(t);
        } else {
          const m = await mergeRows(s, t, counts.years, schoolIds);
          unchanged += stored - m.deleted;
        }
      }
    });
    return replacedYears;
  });
  return { ...summary, ok: true, replaced, unchanged };
}

function toImportError(e: { row: number; field?: string; message: string }): ImportRowError {
  // The reader names the place «results.csv: mark2» or just «results.csv».
  const field = e.field ?? '';
  const at = field.indexOf(': ');
  return at < 0
    ? { file: field, row: e.row, column: null, message: e.message }
    : { file: field.slice(0, at), row: e.row, column: field.slice(at + 2), message: e.message };
}

function packageCounts(pkg: DataPackage) {
  const years = new Set<number>(pkg.years);
  for (let i = 0; i < pkg.context.length; i++) years.add(pkg.context.year[i] as number);
  const conf = pkg.confirmation;
  if (conf) for (let i = 0; i < conf.length; i++) years.add(conf.year[i] as number);
  let contextCount = 0;
  for (const column of pkg.context.values) for (const v of column) if (!Number.isNaN(v)) contextCount++;
  return {
    years: [...years].sort((a, b) => a - b),
    schools: pkg.schools.length,
    results: pkg.results.length,
    contextValues: contextCount,
    confirmations: conf?.length ?? 0,
  };
}

export async function resolveRegion(
  db: Db,
  o: {
    admin: boolean;
    operatorRegions: string[];
    regionId: string | undefined;
    codes: string[];
  },
): Promise<string> {
  const isRegion = async (id: string) => {
    const [r] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, id), eq(orgUnits.kind, 'region')));
    return r !== undefined;
  };
  if (o.regionId) {
    if (!o.admin && !o.operatorRegions.includes(o.regionId)) {
      throw forbidden('Загружать данные можно только в свой регион');
    }
    if (!(await isRegion(o.regionId))) throw new AppError('NOT_FOUND', 'Регион не найден');
    return o.regionId;
  }
  if (!o.admin) {
    const [only, ...more] = o.operatorRegions;
    if (only && more.length === 0) return only;
    throw new AppError('INVALID_INPUT', 'У вас несколько регионов: укажите, в какой загружать данные');
  }
  // An administrator: the region whose schools carry the package's codes.
  const codes = new Set(o.codes);
  const coded = await db
    .select({ code: orgUnits.code, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'school'), isNotNull(orgUnits.code)));
  const regions = new Set(coded.filter((s) => codes.has(s.code ?? '')).map((s) => regionOfPath(s.path)));
  const [only, ...more] = regions;
  if (only && more.length === 0) return only;
  if (more.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      'Школы пакета относятся к разным регионам: загрузите данные каждого региона отдельно',
    );
  }
  const all = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.kind, 'region'));
  if (all.length === 1 && all[0]) return all[0].id;
  throw new AppError(
    'INVALID_INPUT',
    'Ни одной школы пакета нет в системе (школы сопоставляются по коду): не удалось определить регион',
  );
}

/** School ids per statement: well under the 65 535 parameters of one query. */
