import { z } from '@hono/zod-openapi';
import {
  EXPERTISE_SUBJECTS,
  REVIEW_CONCLUSIONS,
  REVIEW_MODES,
  REVIEW_STATUSES,
} from '../../db/schema/expertise.js';

// Response schemas of the expertise API: the routes declare them, tests check every 2xx body against them.

const ref = z.object({ id: z.string(), name: z.string() });

export const criterionView = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  scale: z.array(z.object({ score: z.number(), label: z.string() })),
});

export const criteriaSetView = z
  .object({
    id: z.string().nullable().describe('null: the system default, not yet stored for the region'),
    subject: z.enum(EXPERTISE_SUBJECTS),
    versionNo: z.number().int(),
    title: z.string(),
    frozen: z.boolean(),
    isDefault: z.boolean(),
    versions: z.number().int(),
    criteria: z.array(criterionView),
  })
  .openapi('ExpertiseCriteriaSet');

export const reviewTargetView = z.object({
  type: z.enum(['school_document', 'roadmap']),
  id: z.string(),
  title: z.string(),
  kind: z.string().describe('concept, midterm_program, antirisk_program или municipal_roadmap'),
  factorCode: z.string().nullable(),
  year: z.number().int().nullable(),
  status: z.string(),
  unit: ref.nullable().describe('null: скрыто (взаимная экспертиза вслепую)'),
  municipality: ref.nullable(),
});

export const reviewSummaryView = z
  .object({
    id: z.string(),
    mode: z.enum(REVIEW_MODES),
    status: z.enum(REVIEW_STATUSES),
    target: reviewTargetView,
    reviewer: z.object({
      kind: z.enum(['user', 'school']),
      id: z.string().nullable(),
      name: z.string().nullable().describe('null: скрыто от этого пользователя'),
    }),
    total: z.number().nullable(),
    maxTotal: z.number(),
    conclusion: z.enum(REVIEW_CONCLUSIONS).nullable(),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
    isMine: z.boolean(),
  })
  .openapi('ExpertiseReviewSummary');

export const reviewDetailView = reviewSummaryView
  .extend({
    criteriaSet: z.object({
      id: z.string(),
      title: z.string(),
      versionNo: z.number().int(),
      criteria: z.array(criterionView),
    }),
    scores: z.array(z.object({ code: z.string(), score: z.number().nullable(), comment: z.string() })),
    recommendations: z.string(),
    outline: z
      .array(z.object({ label: z.string(), text: z.string() }))
      .describe('текст документа по полям, для чтения экспертом'),
    canEdit: z.boolean(),
    canReassign: z.boolean(),
    history: z.array(
      z.object({ at: z.string(), type: z.string(), by: z.string().nullable(), note: z.string().nullable() }),
    ),
  })
  .openapi('ExpertiseReview');

export const savedReviewView = z.object({
  id: z.string(),
  version: z.number().int(),
  total: z.number().nullable(),
});
export const submittedReviewView = z.object({
  id: z.string(),
  version: z.number().int(),
  verdict: z.enum(['rework', 'all_recommend', 'pending']),
});
export const assignedView = z.object({ id: z.string(), version: z.number().int() });

export const roundView = z
  .object({
    id: z.string(),
    seed: z.string(),
    year: z.number().int(),
    unitId: z.string(),
    stats: z.object({
      documents: z.number().int(),
      reviewers: z.number().int(),
      assigned: z.number().int(),
      unassigned: z.number().int(),
      crossMunicipality: z.number().int(),
      maxLoad: z.number().int(),
    }),
    unassignedDocumentIds: z.array(z.string()),
  })
  .openapi('ExpertiseRound');

export const sampleView = z
  .object({
    id: z.string(),
    unit: ref,
    year: z.number().int(),
    kind: z.string().nullable(),
    share: z.number(),
    seed: z.string(),
    population: z.number().int(),
    createdAt: z.string(),
    documents: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.string(),
        status: z.string(),
        school: ref.nullable(),
        municipality: ref.nullable(),
      }),
    ),
  })
  .openapi('ExpertiseSample');

export const sampleCheckView = z.object({
  id: z.string(),
  seed: z.string(),
  recorded: z.array(z.string()),
  redrawn: z.array(z.string()),
  same: z.boolean(),
  populationChanged: z.boolean(),
  fromCurrentPopulation: z.array(z.string()),
});

export const overviewView = z
  .object({
    year: z.number().int(),
    years: z.array(z.number().int()),
    units: z.array(ref.extend({ kind: z.string() })).describe('где пользователь распределяет экспертизу'),
    documents: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.string(),
        status: z.string(),
        school: ref,
        municipality: ref.nullable(),
        reviews: z.array(reviewSummaryView),
      }),
    ),
    roadmaps: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        municipality: ref,
        reviews: z.array(reviewSummaryView),
      }),
    ),
    experts: z.array(
      z.object({
        id: z.string(),
        fullName: z.string(),
        position: z.string().nullable(),
        isExpert: z.boolean(),
      }),
    ),
    reviewerSchools: z.array(ref.extend({ municipality: ref.nullable() })),
    rounds: z.array(
      z.object({
        id: z.string(),
        seed: z.string(),
        unit: ref,
        createdAt: z.string(),
        stats: roundView.shape.stats,
      }),
    ),
    canOrganizeRoadmaps: z.boolean(),
  })
  .openapi('ExpertiseOverview');

const statusCounts = z.record(z.string(), z.number().int());

export const summaryRow = z.object({
  municipality: ref,
  documents: z.number().int(),
  byStatus: statusCounts,
  onRework: z.number().int(),
  reviewsAssigned: z.number().int(),
  reviewsSubmitted: z.number().int(),
  averagePercent: z.number().nullable().describe('средний балл отправленных заключений, % от максимума'),
});

export const summaryView = z
  .object({
    year: z.number().int(),
    rows: z.array(summaryRow),
    total: summaryRow.omit({ municipality: true }),
    rework: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.string(),
        status: z.string(),
        school: ref,
        municipality: ref.nullable(),
        reviewsRework: z.number().int(),
        recommendations: z.array(z.string()),
      }),
    ),
    roadmaps: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        municipality: ref,
        reviewsAssigned: z.number().int(),
        reviewsSubmitted: z.number().int(),
        averagePercent: z.number().nullable(),
        conclusions: z.array(z.enum(REVIEW_CONCLUSIONS)),
      }),
    ),
  })
  .openapi('ExpertiseSummary');
