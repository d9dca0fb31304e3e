import { z } from 'zod';

const int = z.number().int();

export const importRowErrorView = z.object({
  file: z.string(),
  row: int,
  column: z.string().nullable(),
  message: z.string(),
});

export const assessmentImportView = z
  .object({
    ok: z.boolean(),
    dryRun: z.boolean(),
    fileName: z.string(),
    years: z.array(int),
    schools: int,
    results: int,
    contextValues: int,
    confirmations: int,
    unknownSchools: z.array(z.object({ code: z.string(), name: z.string() })),
    errors: z.array(importRowErrorView),
    /** Stored rows of the package's schools and years, by year: what the package replaces. */
    replaced: z.array(z.object({ year: int, results: int, contextValues: int, confirmations: int })),
    /** Of those, rows the package has unchanged (left as they were, not rewritten). */
    unchanged: int,
  })
  .meta({ id: 'AssessmentImportResult' });

export const dataYearView = z
  .object({
    year: int,
    schools: int,
    results: int,
    contextValues: int,
    confirmations: int,
    lastImport: z
      .object({
        fileName: z.string(),
        importedAt: z.string(),
        importedBy: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'DataYear' });
