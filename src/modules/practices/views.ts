import { z } from 'zod';
import { EDUCATION_LEVELS, PRACTICE_DECISIONS, PRACTICE_STATUSES } from '../../db/schema/values.js';

// Response shapes of the bank of practices: the API declares them, the operations return them.

const int = z.number().int();
const figure = z.object({
  label: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  unit: z.string(),
});

export const practiceReviewView = z
  .object({
    id: z.uuid(),
    reviewerUnitName: z.string(),
    reviewerName: z.string().nullable(),
    criteria: z.array(z.object({ key: z.string(), title: z.string(), score: int, max: int })),
    score: int,
    maxScore: int,
    decision: z.enum(PRACTICE_DECISIONS),
    comment: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'PracticeReview' });

export const practiceMaterialView = z.object({
  id: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  size: int,
});

/** A practice in the bank's list: enough to choose and filter. */
export const practiceSummaryView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    authorUnitId: z.uuid(),
    authorName: z.string(),
    authorKind: z.enum(['school', 'municipality']),
    municipalityId: z.uuid().nullable(),
    municipalityName: z.string().nullable(),
    year: int,
    status: z.enum(PRACTICE_STATUSES),
    problem: z.string(),
    figures: z.array(figure),
    riskFactors: z.array(z.object({ key: z.string(), title: z.string() })),
    subjects: z.array(z.string()),
    levels: z.array(z.enum(EDUCATION_LEVELS)),
    submittedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    /** the actor's own unit wrote it */
    own: z.boolean(),
  })
  .meta({ id: 'PracticeSummary' });
export type PracticeSummary = z.infer<typeof practiceSummaryView>;

export const practiceView = practiceSummaryView
  .extend({
    actions: z.string(),
    results: z.string(),
    contact: z.string(),
    materials: z.array(practiceMaterialView),
    reviews: z.array(practiceReviewView),
    /** the reason of the last withdrawal, when withdrawn */
    withdrawReason: z.string().nullable(),
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canReview: z.boolean(),
    canPublish: z.boolean(),
    canWithdraw: z.boolean(),
    version: int,
  })
  .meta({ id: 'Practice' });
export type PracticeView = z.infer<typeof practiceView>;

/** What the bank's page needs to offer: the filters' choices and the actor's rights. */
export const practiceOptionsView = z
  .object({
    riskFactors: z.array(z.object({ key: z.string(), title: z.string() })),
    subjects: z.array(z.string()),
    municipalities: z.array(z.object({ id: z.uuid(), name: z.string() })),
    criteria: z.array(z.object({ key: z.string(), title: z.string(), max: int })),
    /** units the actor may write practices for */
    authorUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
    /** the actor's school is in the resilient list in force: the bank invites it to share */
    resilientHint: z.boolean(),
  })
  .meta({ id: 'PracticeOptions' });
export type PracticeOptions = z.infer<typeof practiceOptionsView>;

export const resilientAuthorView = z
  .object({
    schoolId: z.uuid(),
    schoolName: z.string(),
    municipalityName: z.string().nullable(),
    listYear: int,
    practices: int,
    published: int,
  })
  .meta({ id: 'ResilientAuthor' });

export const similarSchoolsView = z
  .object({
    school: z.object({ id: z.uuid(), name: z.string() }),
    /** the list whose run gives the clusters */
    listYear: int.nullable(),
    cluster: int.nullable(),
    message: z.string().nullable(),
    suggestions: z.array(
      z.object({
        schoolId: z.uuid(),
        schoolName: z.string(),
        /** «та же группа по социальному контексту, вышла из списка ШНОР в 2025 г.» */
        why: z.string(),
        practices: z.array(practiceSummaryView),
      }),
    ),
  })
  .meta({ id: 'SimilarSchools' });
export type SimilarSchoolsView = z.infer<typeof similarSchoolsView>;
