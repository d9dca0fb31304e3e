import { z } from 'zod';
import {
  CONFIRMATIONS,
  ITEM_STATUSES,
  SCHOOL_DOCUMENT_KINDS,
  SCHOOL_DOCUMENT_STATUSES,
} from '../../db/schema/values.js';
import { documentContentSchema } from './content.js';

// Response shapes of the programs module: the API declares them, the operations return them.

const int = z.number().int();

export const documentSummaryView = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    schoolName: z.string(),
    year: int,
    kind: z.enum(SCHOOL_DOCUMENT_KINDS),
    factorCode: z.string().nullable(),
    title: z.string(),
    status: z.enum(SCHOOL_DOCUMENT_STATUSES),
    versionNo: int,
    version: int,
    measures: int,
    updatedAt: z.string(),
  })
  .meta({ id: 'SchoolDocumentSummary' });

export const measureProgressView = z
  .object({
    measureKey: z.string(),
    itemId: z.uuid(),
    roadmapId: z.uuid(),
    status: z.enum(ITEM_STATUSES),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    confirmation: z.enum(CONFIRMATIONS).nullable(),
  })
  .meta({ id: 'ProgramMeasureProgress' });

export const historyEventView = z
  .object({
    at: z.string(),
    actorName: z.string().nullable(),
    type: z.string(),
    /** a Russian line describing the event */
    text: z.string(),
  })
  .meta({ id: 'SchoolDocumentEvent' });

export const versionRefView = z
  .object({
    versionNo: int,
    /** frozen: approved by an order; the working version is not frozen */
    frozen: z.boolean(),
    orderNumber: z.string().nullable(),
    orderDate: z.string().nullable(),
    approvedAt: z.string().nullable(),
  })
  .meta({ id: 'SchoolDocumentVersionRef' });

export const documentDetailView = documentSummaryView
  .extend({
    content: documentContentSchema,
    orderNumber: z.string().nullable(),
    orderDate: z.string().nullable(),
    /** the scanned order is attached (GET …/order-file) */
    hasOrderFile: z.boolean(),
    rights: z.object({
      edit: z.boolean(),
      submit: z.boolean(),
      curate: z.boolean(),
      govern: z.boolean(),
      discuss: z.boolean(),
      newVersion: z.boolean(),
    }),
    progress: z.array(measureProgressView),
    versions: z.array(versionRefView),
    history: z.array(historyEventView),
  })
  .meta({ id: 'SchoolDocumentDetail' });

export const commentView = z
  .object({
    id: z.uuid(),
    anchor: z.string(),
    versionNo: int,
    text: z.string(),
    author: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'SchoolDocumentComment' });

const change = z.object({ field: z.string(), old: z.string(), new: z.string() });
const rowDiff = z.object({
  key: z.string(),
  /** what the row is called: the measure's or indicator's text in the newer version */
  label: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(change),
});
export const documentDiffView = z
  .object({
    from: int,
    to: int,
    fields: z.array(change),
    tasks: z.array(rowDiff),
    indicators: z.array(rowDiff),
    measures: z.array(rowDiff),
    responsible: z.array(rowDiff),
    partners: z.array(rowDiff),
    sections: z.array(rowDiff),
  })
  .meta({ id: 'SchoolDocumentDiff' });
export type DocumentDiff = z.infer<typeof documentDiffView>;
export type RowDiff = z.infer<typeof rowDiff>;

export const templateView = z
  .object({
    kind: z.enum(SCHOOL_DOCUMENT_KINDS),
    factorCode: z.string(),
    factorName: z.string().nullable(),
    /** edited by the region (else the system's template) */
    edited: z.boolean(),
    version: int,
    content: documentContentSchema,
  })
  .meta({ id: 'ProgramTemplate' });
