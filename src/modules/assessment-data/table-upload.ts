import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { AnyActor } from '../access/actor.js';
import {
  importAssessmentTable,
  type TableImportResult,
  tableImportView,
  tableRegion,
} from './import-assessment-table.js';
import type { BulkLoader } from './store.js';
import { saveTableTemplate, templateForSignature } from './table-templates.js';
import { readAssessmentTable } from './tables/index.js';
import {
  applyTemplate,
  CONFIRMATION_FIELDS,
  convertedConfirmation,
  convertedResult,
  type TableMapping,
  tableAnalysis,
  tableMapping,
  tableNote,
  tableSchoolKey,
} from './tables/mapping.js';
import { matchSchools, rememberedNote, skippedSchoolErrors } from './tables/match-schools.js';

// An uploaded assessment table in the import dialog (issue 16 §1): the analysis with the mapping that
// applies (the user's, else the region's saved template of the file's shape completed by what the file
// says — `applyTemplate` —, else the recogniser's), a preview of the converted rows and how its schools
// match; then the import with that mapping.

/** Rows of the converted preview in the dialog. */
export const PREVIEW_ROWS = 50;

const templateRef = z.object({ id: z.uuid(), name: z.string(), version: z.number().int() });

export const schoolMatchView = z.object({
  keyId: z.string(),
  key: tableSchoolKey,
  status: z.enum(['matched', 'review', 'ambiguous', 'unknown']),
  schoolId: z.string().nullable(),
  by: z.enum(['code', 'login', 'confirmed', 'name']).nullable(),
  note: z.string().nullable(),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), municipality: z.string().nullable() })),
});

export const tableAnalysisView = z
  .object({
    analysis: tableAnalysis,
    /** The mapping the rows below were converted with. */
    mapping: tableMapping,
    /** The saved template applied by the file's shape (null: the user's or the recogniser's mapping). */
    template: templateRef.nullable(),
    results: z.number().int(),
    confirmations: z.number().int(),
    /** Every procedure of the converted rows (not only of the preview) with its number of rows. */
    procedures: z.array(
      z.object({
        assessment: z.string(),
        subject: z.string(),
        grade: z.number().int(),
        year: z.number().int(),
        rows: z.number().int(),
      }),
    ),
    preview: z.array(convertedResult),
    confirmationPreview: z.array(convertedConfirmation),
    notes: z.array(tableNote),
    errors: z.array(tableNote),
    /** Schools matched by code or login. */
    matchedSchools: z.number().int(),
    /** Schools the user must confirm (by name), choose (several by name) or that are not found. */
    schools: z.array(schoolMatchView),
  })
  .meta({ id: 'AssessmentTableAnalysisResult' });
export type TableAnalysisView = z.infer<typeof tableAnalysisView>;

export const tableUploadImportView = tableImportView
  .extend({ savedTemplate: templateRef.nullable() })
  .meta({ id: 'AssessmentTableUploadResult' });

const CONFIRMATION = new Set<string>(CONFIRMATION_FIELDS);
const hasConfirmationColumns = (m: TableMapping) => m.columns.some((c) => CONFIRMATION.has(c.field));

type Upload = {
  actor: AnyActor;
  regionId?: string;
  fileName: string;
  data: Uint8Array;
  mapping: TableMapping | null;
};

/** Reads the file with the mapping that applies and finds the region it loads into. */
async function readWithTemplate(db: Db, o: Upload) {
  // The region is the actor's (an operator has one); an administrator's is found by the file's codes.
  const first = await readAssessmentTable(o.fileName, o.data, o.mapping);
  const keys = [...first.conversion.results, ...first.conversion.confirmations].map((r) => r.school);
  const regionId = await tableRegion(db, o.actor, keys, o.regionId);
  if (o.mapping) return { ...first, mapping: o.mapping, template: null, regionId };
  const template = await templateForSignature(db, regionId, first.analysis.signature);
  if (!template) return { ...first, mapping: first.analysis.mapping, template: null, regionId };
  const mapping = applyTemplate(first.analysis.mapping, template.mapping);
  const read = await readAssessmentTable(o.fileName, o.data, mapping);
  const ref = { id: template.id, name: template.name, version: template.version };
  return { ...read, mapping, template: ref, regionId };
}

export async function analyseTableUpload(db: Db, o: Upload): Promise<TableAnalysisView> {
  const { analysis, conversion, mapping, template, regionId } = await readWithTemplate(db, o);
  const keys = [...conversion.results, ...conversion.confirmations].map((r) => r.school);
  const matches = await matchSchools(db, { regionId, keys });
  // One note per message: every school of a title's municipality says how it was understood.
  const loginNotes = [...new Set(matches.flatMap((m) => (m.note ? [m.note] : [])))].map((message) => ({
    row: null,
    column: null,
    message,
  }));
  const skippedSchools = await skippedSchoolErrors(db, regionId, conversion.notes);
  return {
    analysis,
    mapping,
    template,
    results: conversion.results.length,
    confirmations: conversion.confirmations.length,
    procedures: proceduresOf(conversion.results),
    preview: conversion.results.slice(0, PREVIEW_ROWS),
    confirmationPreview: conversion.confirmations.slice(0, PREVIEW_ROWS),
    notes: [...conversion.notes, ...loginNotes, ...rememberedNote(matches)],
    errors: [...conversion.errors, ...skippedSchools],
    matchedSchools: matches.filter((m) => m.status === 'matched').length,
    schools: matches.filter((m) => m.status !== 'matched'),
  };
}

/** The procedures of the rows in the order they first appear. */
function proceduresOf(rows: readonly { assessment: string; subject: string; grade: number; year: number }[]) {
  const seen = new Map<string, TableAnalysisView['procedures'][number]>();
  for (const r of rows) {
    const key = `${r.assessment}\u0000${r.subject}\u0000${r.grade}\u0000${r.year}`;
    const p = seen.get(key);
    if (p) p.rows++;
    else
      seen.set(key, { assessment: r.assessment, subject: r.subject, grade: r.grade, year: r.year, rows: 1 });
  }
  return [...seen.values()];
}

export async function importTableUpload(
  db: Db,
  o: Upload & {
    dryRun: boolean;
    confirmedSchools: Record<string, string>;
    /** Save the mapping as a template (after a successful load): its name and the version seen when it exists. */
    saveAs: { name: string; version?: number | null } | null;
  },
  bulk?: BulkLoader,
): Promise<z.infer<typeof tableUploadImportView>> {
  const { conversion, mapping, analysis, regionId } = await readWithTemplate(db, o);
  const result: TableImportResult = await importAssessmentTable(
    db,
    {
      actor: o.actor,
      regionId,
      fileName: o.fileName,
      dryRun: o.dryRun,
      conversion,
      withConfirmation: hasConfirmationColumns(mapping),
      confirmedSchools: o.confirmedSchools,
    },
    bulk,
  );
  if (!result.ok || o.dryRun || !o.saveAs) return { ...result, savedTemplate: null };
  const saved = await saveTableTemplate(db, {
    actor: o.actor,
    regionId,
    input: { name: o.saveAs.name, signature: analysis.signature, mapping, version: o.saveAs.version ?? null },
  }).catch((e: unknown) => {
    // The data is loaded; a template that could not be saved is said, not a failed import.
    if (e instanceof AppError) {
      result.notes.push({ row: null, column: null, message: `Шаблон не сохранён: ${e.message}` });
      return null;
    }
    throw e;
  });
  return { ...result, savedTemplate: saved && { id: saved.id, name: saved.name, version: saved.version } };
}

/** A JSON form field of the upload, validated (the mapping, the confirmed schools, the template's name). */
export function formJson<T extends z.ZodType>(
  fields: Record<string, string>,
  name: string,
  schema: T,
): z.output<T> | null {
  const text = fields[name];
  if (text === undefined || text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', `Поле ${name}: не JSON`);
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError(
      'INVALID_INPUT',
      `Поле ${name}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'неверно'}`,
    );
  }
  return r.data;
}
