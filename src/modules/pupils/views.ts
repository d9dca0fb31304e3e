import { z } from '@hono/zod-openapi';
import {
  PUPIL_CATEGORIES,
  PUPIL_EXCLUSION_REASONS,
  PUPIL_MEASURE_KINDS,
  PUPIL_STATUSES,
} from '../../db/schema/values.js';

// Answers of the pupils' routes. Identity fields (name, birthDate, partner) exist only in the registry,
// the card and the export — the answers of the school's team and the pupil's teachers.

const category = z.enum(PUPIL_CATEGORIES);
const status = z.enum(PUPIL_STATUSES);
const reason = z.enum(PUPIL_EXCLUSION_REASONS);

export const savedView = z.object({ id: z.string(), version: z.number() }).openapi('PupilSaved');
export const excludedView = savedView.extend({ purgeAfter: z.string() }).openapi('PupilExcluded');
export const resultSavedView = z
  .object({ checkpointKey: z.string(), version: z.number() })
  .openapi('PupilResultSaved');

export const checkpointView = z.object({
  key: z.string(),
  name: z.string(),
  date: z.string(),
  sort: z.number(),
});
export const checkpointsView = z
  .object({ year: z.number(), own: z.boolean(), checkpoints: z.array(checkpointView) })
  .openapi('PupilCheckpoints');

export const registryView = z
  .object({
    school: z.object({ id: z.string(), name: z.string() }),
    year: z.number(),
    keeps: z.boolean(),
    pupils: z.array(
      z.object({
        id: z.string(),
        version: z.number(),
        name: z.string(),
        classLabel: z.string(),
        grade: z.number(),
        category,
        subjects: z.array(z.string()),
        causes: z.array(z.string()),
        ovz: z.boolean(),
        limitedRussian: z.boolean(),
        teacherIds: z.array(z.string()),
        includedOn: z.string(),
        excludedOn: z.string().nullable(),
        exclusionReason: reason.nullable(),
        results: z.array(z.object({ key: z.string(), status })),
      }),
    ),
    teachers: z.array(z.object({ id: z.string(), name: z.string(), position: z.string().nullable() })),
  })
  .openapi('PupilRegistry');

const readView = z.object({ at: z.string(), actorName: z.string().nullable() });

const dossierFields = {
  id: z.string(),
  version: z.number(),
  school: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  name: z.string(),
  birthDate: z.string().nullable(),
  classLabel: z.string(),
  grade: z.number(),
  category,
  subjects: z.array(z.string()),
  causes: z.array(z.string()),
  ovz: z.boolean(),
  limitedRussian: z.boolean(),
  teachers: z.array(z.object({ id: z.string(), name: z.string() })),
  includedOn: z.string(),
  excludedOn: z.string().nullable(),
  exclusionReason: reason.nullable(),
  exclusionNote: z.string().nullable(),
  purgeAfter: z.string().nullable(),
  measures: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      kind: z.enum(PUPIL_MEASURE_KINDS),
      topic: z.string(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
      responsibleStaffId: z.string().nullable(),
      responsibleName: z.string().nullable(),
      partner: z.string().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  checkpoints: z.array(checkpointView),
  results: z.array(
    z.object({
      checkpointKey: z.string(),
      version: z.number(),
      status,
      marks: z.record(z.string(), z.number()),
      diagnostics: z.string().nullable(),
    }),
  ),
};

export const cardView = z
  .object({
    ...dossierFields,
    keeps: z.boolean(),
    reads: z.array(readView).nullable(),
    history: z.array(z.object({ at: z.string(), actorName: z.string().nullable(), text: z.string() })),
  })
  .openapi('PupilCard');

export const exportView = z
  .object({ ...dossierFields, reads: z.array(readView), exportedAt: z.string() })
  .openapi('PupilExport');

export const readsView = z.array(readView).openapi('PupilReads');
export const schoolReadsView = z
  .array(readView.extend({ recordId: z.string(), classLabel: z.string() }))
  .openapi('PupilSchoolReads');

const counts = {
  total: z.number(),
  improved: z.number(),
  same: z.number(),
  worse: z.number(),
  left: z.number(),
  noData: z.number(),
};
export const schoolSummaryView = z
  .object({
    year: z.number(),
    checkpoints: z.array(checkpointView),
    from: z.string().nullable(),
    to: z.string().nullable(),
    inRegistry: z.number(),
    excluded: z.number(),
    total: z.object(counts),
    byClass: z.array(z.object({ classLabel: z.string(), ...counts })),
    bySubject: z.array(z.object({ subject: z.string(), ...counts })),
  })
  .openapi('PupilSchoolSummary');

/** A count shown outside the school: a number (0 or ≥ 5), «менее 5» (1–4) or «скрыто» (complementary). */
const cell = z.union([z.number(), z.literal('менее 5'), z.literal('скрыто')]);
const aggregateTable = z.object({
  columns: z.array(z.object({ key: z.string(), name: z.string() })),
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      total: cell,
      cells: z.array(cell),
      shares: z.array(z.number().nullable()),
    }),
  ),
  total: z.object({ total: cell, cells: z.array(cell), shares: z.array(z.number().nullable()) }),
});
export const aggregatesView = z
  .object({
    unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    year: z.number(),
    rowsAre: z.enum(['municipalities', 'schools']),
    from: z.string().nullable(),
    to: z.string().nullable(),
    checkpointKeys: z.array(z.string()),
    byCategory: aggregateTable,
    byCauseGroup: aggregateTable,
    byGrade: aggregateTable,
    bySubject: aggregateTable,
    byDynamics: aggregateTable,
  })
  .openapi('PupilAggregates');
