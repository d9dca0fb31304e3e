import { z } from 'zod';
import {
  COMPARATORS,
  CONFIRMATIONS,
  cascadeTasks,
  EVIDENCE_KINDS,
  ITEM_STATUSES,
  itemComments,
  items,
  LEVELS,
  PERIOD_KINDS,
  RECURRENCES,
  ROADMAP_KINDS,
  ROADMAP_STATUSES,
  roadmaps,
  sections,
} from '../../db/schema/roadmaps.js';
import { COVERAGE_METRICS, EVENT_KINDS, SCHOOL_GROUPS } from '../../db/schema/values.js';
import { rowSchema } from '../../lib/row-schema.js';

// Response shapes of the roadmap operations: the API declares them, types.ts derives its types from them.
const isoDateTime = z.string();
const coverageBindingView = z
  .object({
    metric: z.enum(COVERAGE_METRICS),
    group: z.enum(SCHOOL_GROUPS).optional(),
    eventKinds: z.array(z.enum(EVENT_KINDS)).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .meta({ id: 'CoverageBinding' });
const level = z.enum(LEVELS);
const itemStatus = z.enum(ITEM_STATUSES);

export const unitRefView = z
  .object({ id: z.string(), name: z.string(), kind: z.string() })
  .meta({ id: 'UnitRef' });
export const rollUpView = z.object({
  done: z.number().int(),
  total: z.number().int(),
  unitKind: z.enum(['municipality', 'school']),
});

export const itemView = z
  .object({
    id: z.uuid(),
    sectionId: z.uuid(),
    parentItemId: z.uuid().nullable(),
    position: z.number().int(),
    number: z.string().nullable(),
    level: level.nullable(),
    measure: z.string(),
    description: z.string().nullable(),
    deadlineText: z.string().nullable(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    recurrence: z.enum(RECURRENCES).nullable(),
    dueDate: z.string().nullable(),
    responsibleUnits: z.array(unitRefView),
    responsibleText: z.string().nullable(),
    participants: z.string().nullable(),
    indicator: z.string().nullable(),
    targetComparator: z.enum(COMPARATORS).nullable(),
    targetValue: z.number().nullable(),
    targetUnit: z.string().nullable(),
    actualValue: z.number().nullable(),
    evidenceKind: z.enum(EVIDENCE_KINDS).nullable(),
    targetCoverage: z.boolean(),
    proofWaiver: z.string().nullable(),
    status: itemStatus,
    /** Bound to coverage (issue 12 §4): `actualValue` is computed, at `actualComputedAt`; unbound, typed. */
    coverageBinding: coverageBindingView.nullable(),
    actualComputedAt: isoDateTime.nullable(),
    statusComment: z.string().nullable(),
    overdue: z.boolean(),
    confirmation: z.enum(CONFIRMATIONS).nullable(),
    confirmationComment: z.string().nullable(),
    confirmationSeen: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
    evidenceCount: z.number().int(),
    commentCount: z.number().int(),
    rollUp: rollUpView.nullable(),
    sourceItemId: z.uuid().nullable(),
    version: z.number().int(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'ItemView' });

export const sectionView = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    number: z.string().nullable(),
    title: z.string().nullable(),
    version: z.number().int(),
    items: z.array(itemView),
  })
  .meta({ id: 'SectionView' });

const count = z.number().int();
const progressView = z.object({
  planned: count,
  in_progress: count,
  done: count,
  not_done: count,
  postponed: count,
  cancelled: count,
  total: count,
  overdue: count,
});

const roadmapSummaryShape = {
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(ROADMAP_KINDS),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.number().int(),
  periodLabel: z.string(),
  status: z.enum(ROADMAP_STATUSES),
  orgUnit: unitRefView,
  approvalBody: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderDate: z.string().nullable(),
  orderFileId: z.uuid().nullable(),
  isDemo: z.boolean(),
  /** An archived record of a past period, imported with its execution marks: read-only, never overdue. */
  executionImported: z.boolean(),
  version: z.number().int(),
  updatedAt: isoDateTime,
  progress: progressView,
};
export const roadmapSummaryView = z.object(roadmapSummaryShape).meta({ id: 'RoadmapSummary' });
export const roadmapDetailView = z
  .object({
    ...roadmapSummaryShape,
    sections: z.array(sectionView),
    permissions: z.object({ canManage: z.boolean(), canConfirm: z.boolean() }),
  })
  .meta({ id: 'RoadmapDetail' });

/** A file of an item's proof as the awaiting list shows it (preview by its download URL). */
export const evidenceFileView = z
  .object({ id: z.uuid(), name: z.string(), mime: z.string(), kind: z.enum(EVIDENCE_KINDS) })
  .meta({ id: 'EvidenceFile' });

export const foundItemView = z
  .object({
    ...itemView.shape,
    evidence: z.array(evidenceFileView),
    roadmap: z.object({ id: z.uuid(), title: z.string(), unitName: z.string(), orgUnitId: z.uuid() }),
  })
  .meta({ id: 'FoundItem' });

export const historyEntryView = z
  .object({
    id: z.number().int(),
    at: isoDateTime,
    actor: z.string().nullable(),
    type: z.string(),
    payload: z.unknown(),
  })
  .meta({ id: 'HistoryEntry' });

export const commentView = z
  .object({ id: z.uuid(), text: z.string(), author: z.string().nullable(), createdAt: isoDateTime })
  .meta({ id: 'Comment' });

export const evidenceView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    mime: z.string(),
    size: z.number().int(),
    kind: z.enum(EVIDENCE_KINDS),
    addedAt: isoDateTime,
    addedBy: z.string().nullable(),
  })
  .meta({ id: 'Evidence' });

export const taskView = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: itemStatus,
    ownStatus: itemStatus,
    comment: z.string().nullable(),
    linkedItemId: z.uuid().nullable(),
    linkedRoadmapId: z.uuid().nullable(),
    unit: unitRefView,
    source: z.object({
      itemId: z.uuid(),
      number: z.string().nullable(),
      measure: z.string(),
      deadlineText: z.string().nullable(),
      dueDate: z.string().nullable(),
      indicator: z.string().nullable(),
      level: level.nullable(),
      overdue: z.boolean(),
    }),
    roadmap: z.object({ id: z.uuid(), title: z.string(), unitName: z.string() }),
    /** In the roll-up of an item bound to coverage: this unit's own value of the metric (issue 12 §4). */
    coverageValue: z.number().nullable().optional(),
  })
  .meta({ id: 'Task' });

// Rows as the write operations return them.
export const roadmapRow = rowSchema(roadmaps, {
  kind: z.enum(ROADMAP_KINDS),
  periodKind: z.enum(PERIOD_KINDS),
  status: z.enum(ROADMAP_STATUSES),
}).meta({ id: 'RoadmapRow' });
export const sectionRow = rowSchema(sections).meta({ id: 'SectionRow' });
export const itemRow = rowSchema(items, {
  level: level.nullable(),
  status: itemStatus,
  recurrence: z.enum(RECURRENCES).nullable(),
  targetComparator: z.enum(COMPARATORS).nullable(),
  confirmation: z.enum(CONFIRMATIONS).nullable(),
  evidenceKind: z.enum(EVIDENCE_KINDS).nullable(),
  confirmationSeen: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
}).meta({ id: 'ItemRow' });
export const taskRow = rowSchema(cascadeTasks, { status: itemStatus }).meta({ id: 'TaskRow' });
export const commentRow = rowSchema(itemComments).meta({ id: 'CommentRow' });
