import { z } from 'zod';
import { INSTITUTION_TYPES, ORG_KINDS, orgUnits } from '../../db/schema/orgs.js';
import { rowSchema } from '../../lib/row-schema.js';

export const orgUnitView = rowSchema(orgUnits, {
  kind: z.enum(ORG_KINDS),
  institutionType: z.enum(INSTITUTION_TYPES).nullable(),
}).meta({ id: 'OrgUnit' });

export const importPreviewRowView = z.object({
  row: z.number().int(),
  action: z.enum(['create', 'update']),
  name: z.string(),
  inn: z.string(),
  /** Код ОО after the import (null: none). */
  code: z.string().nullable(),
  municipality: z.string(),
});

export const rowErrorView = z
  .object({ row: z.number().int(), field: z.string().optional(), message: z.string() })
  .meta({ id: 'RowError' });

export const schoolImportView = z
  .object({
    fileName: z.string(),
    dryRun: z.boolean(),
    /** No row errors. With dryRun=false this also means the data were written. */
    ok: z.boolean(),
    /** Data rows in the file (empty rows are not counted). */
    total: z.number().int(),
    /** Schools created (dryRun: to be created); 0 when ok is false, since nothing is written then. */
    created: z.number().int(),
    /** Schools changed (dryRun: to be changed); rows equal to the stored data are not counted. */
    updated: z.number().int(),
    errors: z.array(rowErrorView),
    warnings: z.array(z.string()),
    preview: z.array(importPreviewRowView),
  })
  .meta({ id: 'SchoolImportResult' });
