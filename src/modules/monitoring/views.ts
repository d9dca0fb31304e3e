import { z } from 'zod';
import {
  MONITORING_KINDS,
  MONITORING_RESPONSE_STATUSES,
  MONITORING_STATUSES,
} from '../../db/schema/values.js';
import { answersSchema, formSchema } from './form.js';

// Response shapes of monitorings: the routes declare them, the operations return them, the pages are typed from them.

const int = z.number().int();
const unitRef = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });
const status = z.enum(MONITORING_RESPONSE_STATUSES);

export const progressView = z.object({
  total: int,
  not_started: int,
  draft: int,
  submitted: int,
  returned: int,
  accepted: int,
  /** not submitted (or returned and not resubmitted) after the deadline of an open monitoring */
  overdue: int,
});

export const monitoringSummaryView = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(MONITORING_KINDS),
  year: int,
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(MONITORING_STATUSES),
  template: z.string().nullable(),
  owner: unitRef,
  version: int,
  /** over the participants the actor sees */
  progress: progressView,
  /** the forms the actor's own units fill in this monitoring */
  mine: z.array(
    z.object({ unitId: z.uuid(), unitName: z.string(), status, returnComment: z.string().nullable() }),
  ),
  canKeep: z.boolean(),
});
export type MonitoringSummary = z.infer<typeof monitoringSummaryView>;

export const participantView = z.object({
  unitId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  municipality: z.string().nullable(),
  status,
  answered: int,
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  overdue: z.boolean(),
});

export const municipalityProgressView = z.object({
  municipalityId: z.uuid().nullable(),
  name: z.string(),
  total: int,
  not_started: int,
  draft: int,
  submitted: int,
  returned: int,
  accepted: int,
  overdue: int,
});

export const computedTableView = z.object({
  columns: z.array(z.object({ key: z.string(), label: z.string(), unit: z.enum(['count', 'share']) })),
  rows: z.array(z.object({ unitId: z.uuid(), values: z.record(z.string(), z.number().nullable()) })),
  note: z.string(),
});

export const computedDetailView = z.object({
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

export const monitoringDetailView = monitoringSummaryView.extend({
  form: formSchema.nullable(),
  fieldCount: int,
  participants: z.array(participantView),
  byMunicipality: z.array(municipalityProgressView),
  computed: computedTableView.nullable(),
  asOf: z.string(),
});
export type MonitoringDetail = z.infer<typeof monitoringDetailView>;

export const responseView = z.object({
  monitoring: z.object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(MONITORING_KINDS),
    status: z.enum(MONITORING_STATUSES),
    periodStart: z.string(),
    periodEnd: z.string(),
    owner: unitRef,
  }),
  unit: unitRef,
  status,
  version: int,
  form: formSchema.nullable(),
  answers: answersSchema,
  returnComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  overdue: z.boolean(),
  canFill: z.boolean(),
  canReview: z.boolean(),
  /** returning for correction: only while the monitoring is open (after close a form can only be accepted) */
  canReturn: z.boolean(),
  /** computed monitorings: the records behind the unit's row */
  detail: computedDetailView.nullable(),
});
export type ResponseView = z.infer<typeof responseView>;

export const templatesView = z.object({
  kinds: z.array(z.enum(MONITORING_KINDS)),
  templates: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(MONITORING_KINDS),
      title: z.string(),
      description: z.string(),
      months: z.array(int),
      form: formSchema.nullable(),
    }),
  ),
});
