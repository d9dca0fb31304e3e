import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { AnyActor } from '../access/actor.js';
import { resolveRegion } from './import-assessment-data.js';
import { PackageBuilder } from './package-builder.js';
import { bulkTables, storedProcedureIds } from './replace-rows.js';
import type { BulkLoader } from './store.js';
import { loaderRights, storeImport } from './store-import.js';
import { countScope, deleteScope, scopeOf } from './table-scope.js';
import { type TableConversion, type TableSchoolKey, tableNote } from './tables/mapping.js';
import {
  matchSchools,
  rememberConfirmedNames,
  rememberedNote,
  type SchoolMatch,
  schoolKeyId,
  schoolKeyText,
  schoolsOfRegion,
  skippedSchoolErrors,
} from './tables/match-schools.js';
import type { DataPackage } from './types.js';
import { assessmentImportView, type importRowErrorView } from './views.js';

// Import of an assessment table of any layout (issue 16 §1), after `readAssessmentTable` converted its
// rows: stored exactly as the equivalent Opora package would store them (the same rows, procedures, packs,
// data_imports record and event), all or nothing. Its replacement scope is narrower than a package's: a
// table is one report of one or a few procedures, so it replaces exactly the stored rows with the
// (school, year, procedure) keys it contains (confirmation rows only when the file has confirmation
// columns); nothing the file lacks is deleted (table-scope.ts).
// (docs/data-formats.md, «Таблицы результатов в произвольной форме»).

export const tableImportView = assessmentImportView
  .extend({
    /** The conversion's notes (skipped subtotal rows…) and how schools were matched by login. */
    notes: z.array(tableNote),
  })
  .meta({ id: 'AssessmentTableImportResult' });
export type TableImportResult = z.infer<typeof tableImportView>;
type RowError = z.infer<typeof importRowErrorView>;

export type TableImportOptions = {
  actor: AnyActor;
  regionId?: string;
  fileName: string;
  dryRun: boolean;
  conversion: TableConversion;
  /** The file has confirmation columns: the confirmation rows of its years and assessments are replaced. */
  withConfirmation: boolean;
  /** The user's choice for schools matched by name: `SchoolMatch.keyId` → the school's id. */
  confirmedSchools: Record<string, string>;
};

/** The region an actor loads into (the same rule as for a package). */
export async function tableRegion(db: Db, actor: AnyActor, keys: TableSchoolKey[], regionId?: string) {
  const { admin, operatorRegions } = loaderRights(actor, regionId);
  const codes = keys.flatMap((k) => [k.code, k.login]).filter((c): c is string => Boolean(c?.trim()));
  try {
    return await resolveRegion(db, { admin, operatorRegions, regionId, codes: codes.map((c) => c.trim()) });
  } catch (e) {
    // The package's messages speak of a package and its codes; a table names schools by name as well.
    if (!(e instanceof AppError) || e.code !== 'INVALID_INPUT') throw e;
    throw new AppError('INVALID_INPUT', regionMessage(admin, codes.length));
  }
}

function regionMessage(admin: boolean, codes: number): string {
  if (!admin) return 'У вас несколько регионов: укажите регион, в который загружается таблица';
  if (codes === 0) return 'Укажите регион: в таблице нет кодов школ, по которым его можно определить';
  return 'Укажите регион: ни одна школа файла не найдена по коду в одном регионе';
}

export async function importAssessmentTable(
  db: Db,
  opts: TableImportOptions,
  bulk?: BulkLoader,
): Promise<TableImportResult> {
  const { actor, fileName, dryRun, conversion } = opts;
  const withConfirmation = opts.withConfirmation && conversion.confirmations.length > 0;
  const rows = [...conversion.results, ...conversion.confirmations];
  const regionId = await tableRegion(
    db,
    actor,
    rows.map((r) => r.school),
    opts.regionId,
  );
  const base: TableImportResult = {
    ok: false,
    dryRun,
    fileName,
    years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
    schools: 0,
    results: conversion.results.length,
    contextValues: 0,
    confirmations: withConfirmation ? conversion.confirmations.length : 0,
    unknownSchools: [],
    errors: [...conversion.errors, ...(await skippedSchoolErrors(db, regionId, conversion.notes))].map(
      (e) => ({
        file: fileName,
        row: e.row ?? 0,
        column: e.column,
        message: e.message,
      }),
    ),
    replaced: [],
    unchanged: 0,
    notes: conversion.notes,
  };
  if (base.errors.length > 0) return base;
  if (rows.length === 0) {
    return {
      ...base,
      errors: [{ file: fileName, row: 0, column: null, message: 'В файле нет строк с результатами' }],
    };
  }

  const matches = await matchSchools(db, { regionId, keys: rows.map((r) => r.school) });
  const chosen = await schoolsOfRegion(db, regionId, Object.values(opts.confirmedSchools));
  const schoolOf = new Map<string, string>();
  const unknownSchools: TableImportResult['unknownSchools'] = [];
  const notes = [...conversion.notes, ...rememberedNote(matches)];
  const confirmedNow: { key: TableSchoolKey; schoolId: string; municipality?: string }[] = [];
  for (const m of matches) {
    const id = resolved(m, opts.confirmedSchools[m.keyId], chosen);
    if (id) schoolOf.set(m.keyId, id);
    // Remembered only when the name says where the school is (a municipality) or was unique in the region:
    // «СОШ № 1» with no municipality confirmed for one district must not match the next district's file.
    if (id && m.status !== 'matched' && (m.key.municipality?.trim() || m.status === 'review')) {
      // A school of the municipality the title's inflected name resolved to is remembered under that name.
      const within = m.resolvedMunicipality && m.candidates.some((c) => c.id === id);
      confirmedNow.push(
        within
          ? { key: m.key, schoolId: id, municipality: m.resolvedMunicipality }
          : { key: m.key, schoolId: id },
      );
    }
    if (!id) unknownSchools.push({ code: schoolKeyText(m.key), name: unresolvedReason(m) });
    if (m.note && !notes.some((n) => n.message === m.note)) {
      notes.push({ row: null, column: null, message: m.note });
    }
  }
  const summary = { ...base, notes, schools: new Set(schoolOf.values()).size };
  if (unknownSchools.length > 0) return { ...summary, unknownSchools };

  let pkg: DataPackage;
  try {
    pkg = tablePackage(opts, schoolOf, withConfirmation);
  } catch (e) {
    if (e instanceof AppError && e.details?.rows) {
      return { ...summary, errors: e.details.rows.map((r) => rowError(fileName, r)) };
    }
    throw e;
  }
  const schoolIds = pkg.schools.map((s) => s.id);
  const scope = scopeOf(pkg);
  if (dryRun) return { ...summary, ok: true, replaced: await countScope(db, scope) };

  const record = {
    ...summary,
    contextValues: 0,
    actor,
    regionId,
    fileName,
    years: base.years,
    schoolIds,
    noun: 'файл' as const,
  };
  const replaced = await storeImport(db, bulk, record, async (s) => {
    const counted = await countScope(s.db, scope);
    await deleteScope(s.db, scope);
    const procedureIds = await storedProcedureIds(s.db, pkg.procedures);
    await s.referencesChecked(async () => {
      for (const t of bulkTables(pkg, schoolIds, procedureIds)) if (t.length > 0) await s.copy(t);
    });
    const userId = actor.kind === 'user' ? actor.userId : null;
    await rememberConfirmedNames(s.db, { regionId, userId, confirmed: confirmedNow });
    return counted;
  });
  return { ...summary, ok: true, replaced };
}

function resolved(m: SchoolMatch, confirmed: string | undefined, chosen: Set<string>): string | null {
  if (m.status === 'matched') return m.schoolId;
  // A name match counts only when the user confirmed it: the proposal, a candidate or any school of the region.
  return confirmed && chosen.has(confirmed) ? confirmed : null;
}

function unresolvedReason(m: SchoolMatch): string {
  if (m.status === 'review') return `Подтвердите: «${m.candidates[0]?.name}» (сопоставлено по названию)`;
  if (m.status === 'ambiguous') return `Выберите школу: по названию подходят ${m.candidates.length}`;
  return 'Школа не найдена в регионе ни по коду, ни по логину, ни по названию';
}

function rowError(file: string, e: { row: number; field?: string; message: string }): RowError {
  const at = e.field?.indexOf(': ') ?? -1;
  return { file, row: e.row, column: at < 0 ? null : (e.field?.slice(at + 2) ?? null), message: e.message };
}

/** The converted rows as a package of the resolved schools (school id = org_units.id): the package checks. */
function tablePackage(o: TableImportOptions, schoolOf: Map<string, string>, withConfirmation: boolean) {
  const b = new PackageBuilder();
  const index = new Map<string, number>();
  const schoolIndex = (keyId: string) => {
    const id = schoolOf.get(keyId) as string;
    let i = index.get(id);
    if (i === undefined) {
      i = index.size;
      index.set(id, i);
      b.addSchool(
        { id, name: id, municipalityId: '', municipalityName: '', rural: false, small: false },
        i + 1,
      );
    }
    return i;
  };
  for (const r of o.conversion.results) {
    b.addResult(
      schoolIndex(schoolKeyId(r.school)),
      { ...r, mark3: r.mark3 ?? 0, mark4: r.mark4 ?? 0, mark5: r.mark5 ?? 0 },
      r.row,
    );
  }
  if (withConfirmation) {
    b.withConfirmation();
    for (const r of o.conversion.confirmations)
      b.addConfirmation(schoolIndex(schoolKeyId(r.school)), r, r.row);
  }
  return b.build();
}
