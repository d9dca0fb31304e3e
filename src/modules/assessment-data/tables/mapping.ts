import { z } from '@hono/zod-openapi';

// The contract of an assessment table of any layout (issue 16 §1): what each column of a spreadsheet
// means. The recogniser (`recognise-table.ts`) proposes a mapping; the user may correct it in the import
// dialog and save it as a named template; `convert-table.ts` applies it. One schema for the server, the
// OpenAPI document and the browser.

/** What a column may carry. Percent fields are converted to counts with the number of participants. */
export const TABLE_FIELDS = [
  'school_code',
  'school_login',
  'school_name',
  'municipality',
  'year',
  'assessment',
  'subject',
  'grade',
  'participants',
  'mark2',
  'mark3',
  'mark4',
  'mark5',
  'pct2',
  'pct3',
  'pct4',
  'pct5',
  'below_min',
  'pct_below_min',
  'average',
  'lowered',
  'confirmed',
  'raised',
  'pct_lowered',
  'pct_confirmed',
  'pct_raised',
  'ignore',
] as const;
export const tableField = z.enum(TABLE_FIELDS);

/** The fields of the journal comparison («Понизили / Подтвердили / Повысили»): counts or shares. */
export const CONFIRMATION_FIELDS: readonly (typeof TABLE_FIELDS)[number][] = [
  'lowered',
  'confirmed',
  'raised',
  'pct_lowered',
  'pct_confirmed',
  'pct_raised',
];
export type TableField = z.infer<typeof tableField>;

/** A procedure, or the part of it a file does not say (the user completes it). */
export const procedurePart = z.object({
  assessment: z.string().trim().min(1).max(100).nullable(),
  subject: z.string().trim().min(1).max(200).nullable(),
  grade: z.number().int().min(1).max(11).nullable(),
});

const yearValue = z.number().int().min(2000).max(2100);
/** A column group's procedure, and its year when the groups are years. */
export const groupPart = procedurePart.extend({ year: yearValue.nullable().optional() });

/** The contract's bounds; the recogniser keeps to them too (recognise-table.ts). */
export const MAPPING_LIMITS = { columns: 2000, groups: 500, column: 16384 } as const;

export const tableMapping = z
  .object({
    /** The sheet's name in an XLSX book; null for CSV. */
    sheet: z.string().max(200).nullable(),
    /** 1-based row numbers of the header (one or more rows: merged group headers above field headers). */
    headerRows: z.array(z.number().int().min(1)).min(1).max(10),
    /** 'long': a row per school and procedure; 'wide': a row per school, a column group per procedure. */
    layout: z.enum(['long', 'wide']),
    /** 1-based column → field; `group` says which procedure group a column of a wide table belongs to. */
    columns: z
      .array(
        z.object({
          column: z.number().int().min(1).max(MAPPING_LIMITS.column),
          field: tableField,
          group: z
            .number()
            .int()
            .min(0)
            .max(MAPPING_LIMITS.groups - 1)
            .nullable(),
        }),
      )
      .max(MAPPING_LIMITS.columns)
      .refine((cs) => new Set(cs.map((c) => c.column)).size === cs.length, {
        message: 'Один и тот же столбец сопоставлен дважды',
      }),
    /**
     * The procedure of each group of a wide table (index = group); parts the file's columns do not give.
     * A group may also be a year («2025» and «2026» side by side over the same columns).
     */
    groups: z.array(groupPart).max(MAPPING_LIMITS.groups),
    /** Values the file does not carry in columns: the year always may be set here. */
    fixed: procedurePart.extend({ year: yearValue.nullable() }),
  })
  // A group is a procedure of `groups`: a column of a group that is not there would be read with no parts.
  .refine((m) => m.columns.every((c) => c.group === null || c.group < m.groups.length), {
    message: 'Столбец отнесён к группе, которой нет в списке групп',
    path: ['columns'],
  })
  .openapi('AssessmentTableMapping');
export type TableMapping = z.infer<typeof tableMapping>;

/** A row-numbered message about the file (a skipped subtotal row, a conversion made). */
export const tableNote = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  /** A row skipped as a total: what it names, checked against the region's schools on import. */
  skipped: z.lazy(() => tableSchoolKey).optional(),
});
export type TableNote = z.infer<typeof tableNote>;

/** What the recogniser saw and proposes; shown in the mapping step. */
export const tableAnalysis = z
  .object({
    sheets: z.array(z.object({ name: z.string().nullable(), rows: z.number().int() })),
    /** The first rows of the chosen sheet as the user sees them: row number and cell texts. */
    preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
    mapping: tableMapping,
    /** True when the recogniser found every needed field; false → the mapping step is shown. */
    sure: z.boolean(),
    /** Why it is not sure, in Russian (missing year, an unknown column…). */
    doubts: z.array(z.string()),
    /** The file's shape (sheet, header texts): a saved template with the same signature applies itself. */
    signature: z.string(),
  })
  .openapi('AssessmentTableAnalysis');
export type TableAnalysis = z.infer<typeof tableAnalysis>;

/** How the file names a school; matched to the region's schools by code, login or (reviewed) name. */
export const tableSchoolKey = z.object({
  code: z.string().nullable(),
  login: z.string().nullable(),
  name: z.string().nullable(),
  municipality: z.string().nullable(),
  /**
   * The municipality is the title's (a district's report, municipality-text.ts), not a cell's: a name not
   * found in it is sought in the whole region.
   */
  municipalityFromTitle: z.boolean().optional(),
});
export type TableSchoolKey = z.infer<typeof tableSchoolKey>;

const procedureKey = {
  row: z.number().int(),
  school: tableSchoolKey,
  year: z.number().int(),
  assessment: z.string(),
  subject: z.string(),
  grade: z.number().int(),
  participants: z.number().int(),
};
export const convertedResult = z.object({
  ...procedureKey,
  mark2: z.number().int(),
  mark3: z.number().int().nullable(),
  mark4: z.number().int().nullable(),
  mark5: z.number().int().nullable(),
});
export const convertedConfirmation = z.object({
  ...procedureKey,
  lowered: z.number().int(),
  confirmed: z.number().int(),
  raised: z.number().int(),
});
export type ConvertedResult = z.infer<typeof convertedResult>;
export type ConvertedConfirmation = z.infer<typeof convertedConfirmation>;

/** The rows of the file in Opora's terms, with notes (skipped subtotals) and row errors. */
export type TableConversion = {
  results: ConvertedResult[];
  confirmations: ConvertedConfirmation[];
  notes: TableNote[];
  errors: TableNote[];
};

/**
 * A saved template applied to a new file of the same shape (the signature: sheet and header texts). The
 * template's columns, header rows and layout are the user's corrections of that shape and apply; what
 * the new file itself says (its sheet, the title rows and group headers the recogniser read into
 * `fixed` and `groups`) wins over the template, which fills only what the file does not say. The year is
 * never taken from a template: a file that does not state its year asks for it (review of issue 16).
 */
export function applyTemplate(recognised: TableMapping, template: TableMapping): TableMapping {
  const part = (own: z.infer<typeof procedurePart> | undefined, saved: z.infer<typeof procedurePart>) => ({
    assessment: own?.assessment ?? saved.assessment,
    subject: own?.subject ?? saved.subject,
    grade: own?.grade ?? saved.grade,
  });
  return {
    ...template,
    sheet: recognised.sheet ?? template.sheet,
    // A group's year, like the file's, is never taken from a template: only from the new file's headers.
    groups: template.groups.map((g, i) => ({
      ...part(recognised.groups[i], g),
      year: recognised.groups[i]?.year ?? null,
    })),
    fixed: { ...part(recognised.fixed, template.fixed), year: recognised.fixed.year },
  };
}

/** The mapping gives no year: no year column and none set (the mapping step asks for it). */
export const yearMissing = (m: TableMapping) =>
  m.fixed.year === null && !m.columns.some((c) => c.field === 'year');
