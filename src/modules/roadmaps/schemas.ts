import { z } from 'zod';
import {
  COMPARATORS,
  EVIDENCE_KINDS,
  ITEM_STATUSES,
  LEVELS,
  PERIOD_KINDS,
  RECURRENCES,
  ROADMAP_KINDS,
  ROADMAP_STATUSES,
} from '../../db/schema/values.js';
import { int4, isoDate as isoDateOf, recordVersion } from '../../lib/input.js';
import { maxCharsMessage } from '../../lib/strings.js';
import { coverageBinding } from '../organisation/coverage-binding.js';

// One schema per boundary: the API validates with these, the OpenAPI document is built from them,
// and the web forms use the same ones.
const text = (max: number) => z.string().trim().max(max, maxCharsMessage(max));
const optText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));
const isoDate = isoDateOf();
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц в формате ГГГГ-ММ');
export const version = recordVersion();
export const uuid = z.uuid({ message: 'Неверный идентификатор' });

const roadmapFields = {
  title: text(1000).min(3, 'Название не короче 3 символов'),
  kind: z.enum(ROADMAP_KINDS, { message: 'Неизвестный вид дорожной карты' }),
  periodKind: z.enum(PERIOD_KINDS, { message: 'Период: учебный или календарный год' }),
  periodYear: z.number().int().min(2015, 'Год не ранее 2015').max(2100, 'Год не позднее 2100'),
  approvalBody: optText(500),
  orderNumber: optText(100),
  orderDate: isoDate.nullish(),
  orderFileId: uuid.nullish(),
};

export const createRoadmapInput = z.object({
  orgUnitId: uuid,
  ...roadmapFields,
  targetUnitIds: z.array(uuid).max(5000).optional(),
});
export const updateRoadmapInput = z.object({
  ...z.object(roadmapFields).partial().shape,
  status: z.enum(ROADMAP_STATUSES).optional(),
  targetUnitIds: z.array(uuid).max(5000).optional(),
  /**
   * Approve even though some open measures are already past their deadline (they become overdue at
   * once). Without it such an approval is refused with their count, so the user is warned first.
   */
  acknowledgePastDeadlines: z.boolean().optional(),
  /**
   * With `status: 'archived'` on a draft of a period that has ended: keep it as an archived record
   * instead of approving it (open measures marked «исполнено по данным документа», read-only).
   */
  archiveAsRecord: z.boolean().optional(),
  version,
});

export const sectionInput = z.object({ number: optText(20), title: optText(1000) });
export const updateSectionInput = sectionInput.partial().extend({ version, position: int4().optional() });

const itemFields = {
  number: optText(20),
  level: z.enum(LEVELS, { message: 'Уровень: региональный, муниципальный или институциональный' }).nullish(),
  measure: text(5000).min(1, 'Укажите мероприятие'),
  description: optText(5000),
  deadlineText: optText(300),
  periodFrom: yearMonth.nullish(),
  periodTo: yearMonth.nullish(),
  recurrence: z.enum(RECURRENCES).nullish(),
  dueDate: isoDate.nullish(),
  responsibleUnitIds: z.array(uuid).max(500).optional(),
  responsibleText: optText(2000),
  participants: optText(2000),
  indicator: optText(5000),
  targetComparator: z.enum(COMPARATORS).nullish(),
  targetValue: z.number().finite().nullish(),
  targetUnit: optText(50),
  actualValue: z.number().finite().nullish(),
  // The proof rule (proof-rule.ts) and the keeper's exception from it.
  evidenceKind: z.enum(EVIDENCE_KINDS, { message: 'Неизвестный вид документа' }).nullish(),
  targetCoverage: z.boolean().optional(),
  proofWaiver: optText(2000),
};

export const createItemInput = z.object({
  sectionId: uuid,
  position: int4().optional(),
  ...itemFields,
});
export const updateItemInput = z.object({
  ...z.object(itemFields).partial().shape,
  sectionId: uuid.optional(),
  position: int4().optional(),
  /** The indicator bound to a coverage query (issue 12 §4); null unbinds: the value is typed again. */
  coverageBinding: coverageBinding.nullish(),
  version,
});
export const setItemStatusInput = z.object({
  status: z.enum(ITEM_STATUSES, { message: 'Неизвестный статус' }),
  comment: optText(2000),
  actualValue: z.number().finite().nullish(),
  version,
});
export const confirmItemInput = z.object({
  decision: z.enum(['confirmed', 'returned']),
  comment: optText(2000),
  /** The attached files the confirmer opened; a confirmation needs every one of them. */
  seenFileIds: z.array(uuid).max(500).default([]),
  version,
});
export const evidenceKindInput = z.object({
  kind: z.enum(EVIDENCE_KINDS, { message: 'Неизвестный вид документа' }).default('other'),
});
export const commentInput = z.object({ text: text(5000).min(1, 'Пустой комментарий') });
export const updateTaskInput = z.object({
  status: z.enum(ITEM_STATUSES).optional(),
  comment: optText(2000),
  linkedItemId: uuid.nullish(),
  version,
});

// Operations take the schema's input type and parse it themselves, so the CLI, imports and the demo
// loader get the same validation and defaults as the API.
export type CreateRoadmapInput = z.input<typeof createRoadmapInput>;
export type UpdateRoadmapInput = z.input<typeof updateRoadmapInput>;
export type CreateItemInput = z.input<typeof createItemInput>;
export type UpdateItemInput = z.input<typeof updateItemInput>;
export type SetItemStatusInput = z.input<typeof setItemStatusInput>;
export type ConfirmItemInput = z.input<typeof confirmItemInput>;
