import { z } from 'zod';
import { DIAGNOSTIC_IMPORT_STATUSES, RESULT_MATCHES } from '../../db/schema/values.js';
import { historyLineView } from './history.js';
import { DOUBT_LABELS } from './strings.js';

// Response shapes of the diagnostics module: the API declares them, the operations return them.

const int = z.number().int();

export const levelView = z
  .object({ key: z.string(), name: z.string(), minPercent: z.number(), needsRoute: z.boolean() })
  .meta({ id: 'DeficitLevel' });
export const blockView = z
  .object({ key: z.string(), name: z.string(), maxScore: int })
  .meta({ id: 'DiagnosticBlock' });

export const scaleView = z
  .object({
    regionId: z.uuid(),
    levels: z.array(levelView),
    /** null: the region has not saved its own scale, the default applies */
    version: int.nullable(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'DeficitScale' });

export const diagnosticView = z
  .object({
    id: z.uuid(),
    ownerUnitId: z.uuid(),
    ownerName: z.string(),
    name: z.string(),
    conductedOn: z.string(),
    year: int,
    organiser: z.string(),
    blocks: z.array(blockView),
    levels: z.array(levelView),
    previousId: z.uuid().nullable(),
    previousName: z.string().nullable(),
    results: int,
    version: int,
    canEdit: z.boolean(),
    canImport: z.boolean(),
    /** only on the single diagnostic's answer */
    history: z.array(historyLineView).optional(),
  })
  .meta({ id: 'DeficitDiagnostic' });

export const candidateView = z.object({
  staffId: z.uuid(),
  fullName: z.string(),
  schoolName: z.string(),
  code: z.string().nullable(),
});

/** One row of a results file as kept by an import (diagnostic_imports.rows). */
export const importRowView = z
  .object({
    row: int,
    code: z.string(),
    fullName: z.string(),
    school: z.string(),
    scores: z.record(z.string(), z.number()),
    staffId: z.uuid().nullable(),
    staffName: z.string().nullable(),
    schoolName: z.string().nullable(),
    matchedBy: z.enum(['code', 'name']).nullable(),
    doubt: z.enum(Object.keys(DOUBT_LABELS) as [keyof typeof DOUBT_LABELS]).nullable(),
    candidates: z.array(candidateView),
  })
  .meta({ id: 'DiagnosticImportRow' });

export const importView = z
  .object({
    id: z.uuid(),
    diagnosticId: z.uuid(),
    unitId: z.uuid(),
    fileName: z.string(),
    status: z.enum(DIAGNOSTIC_IMPORT_STATUSES),
    rows: z.array(importRowView),
    doubtful: int,
    createdAt: z.string(),
    version: int,
  })
  .meta({ id: 'DiagnosticImport' });

export const rowErrorView = z.object({ row: int, message: z.string() });

/** The answer to an upload: a saved import (maybe applied already), or the errors and nothing saved. */
export const importOutcomeView = z
  .object({
    ok: z.boolean(),
    message: z.string(),
    errors: z.array(rowErrorView),
    /** absent when the file had errors */
    import: importView.optional(),
  })
  .meta({ id: 'DiagnosticImportOutcome' });

const levelCounts = z.record(z.string(), int);
export const distributionView = z.object({
  total: int,
  levels: levelCounts,
  blocks: z.record(z.string(), levelCounts),
});

export const summaryView = z
  .object({
    diagnosticId: z.uuid(),
    unit: z.object({ id: z.uuid(), name: z.string(), kind: z.string(), parentId: z.uuid().nullable() }),
    all: distributionView,
    children: z.array(
      distributionView.extend({
        unitId: z.uuid(),
        name: z.string(),
        kind: z.string(),
        hasChildren: z.boolean(),
      }),
    ),
    teachers: z.array(
      z.object({
        staffId: z.uuid(),
        fullName: z.string(),
        position: z.string(),
        schoolName: z.string(),
        scores: z.record(z.string(), z.number()),
        totalPercent: z.number(),
        level: z.string(),
        blockLevels: z.record(z.string(), z.string()),
        matchedBy: z.enum(RESULT_MATCHES),
      }),
    ),
    teachersTruncated: z.boolean(),
  })
  .meta({ id: 'DiagnosticSummary' });

const blockResult = z.object({
  key: z.string(),
  name: z.string(),
  score: z.number(),
  maxScore: int,
  percent: z.number(),
  level: z.string(),
  levelName: z.string(),
  /** the same block in the previous result: percent and level; null when there is none */
  before: z.object({ percent: z.number(), level: z.string(), levelName: z.string() }).nullable(),
});

export const teacherResultsView = z
  .object({
    staffId: z.uuid(),
    fullName: z.string(),
    schoolName: z.string(),
    results: z.array(
      z.object({
        diagnosticId: z.uuid(),
        diagnosticName: z.string(),
        conductedOn: z.string(),
        totalPercent: z.number(),
        level: z.string(),
        levelName: z.string(),
        levels: z.array(levelView),
        blocks: z.array(blockResult),
        /** the result this one is compared with: of the diagnostic it repeats, else the teacher's previous one */
        previous: z
          .object({ diagnosticId: z.uuid(), diagnosticName: z.string(), totalPercent: z.number() })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'TeacherDiagnosticResults' });
