import { z } from 'zod';
import { REPORT_STATUSES, REPORT_TEMPLATES } from '../../db/schema/values.js';
import { reportContentSchema } from './report-model.js';

// The answers of the report endpoints (issue 13 §5).

const unitRef = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });
const jobRef = z.object({
  id: z.uuid(),
  status: z.string(),
  progress: z.number(),
  message: z.string().nullable(),
  error: z.string().nullable(),
});

export const reportSummaryView = z
  .object({
    id: z.uuid(),
    unit: unitRef,
    template: z.enum(REPORT_TEMPLATES),
    templateLabel: z.string(),
    year: z.number().int(),
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    statusLabel: z.string(),
    createdAt: z.string(),
    issuedAt: z.string().nullable(),
    decisions: z.number().int(),
  })
  .meta({ id: 'ReportSummary' });

export const reportDetailView = reportSummaryView
  .extend({
    version: z.number().int(),
    content: reportContentSchema.nullable(),
    job: jobRef.nullable(),
    canEdit: z.boolean(),
    canIssue: z.boolean(),
    canRecordDecision: z.boolean(),
    reviews: z.array(
      z.object({
        meetingId: z.uuid(),
        date: z.string(),
        title: z.string(),
        protocolNumber: z.string().nullable(),
        decisions: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ReportDetail' });

export const reportTemplatesView = z.array(
  z.object({ template: z.enum(REPORT_TEMPLATES), label: z.string() }),
);

export const generateReportView = z.object({ reportId: z.uuid(), jobId: z.uuid() });
