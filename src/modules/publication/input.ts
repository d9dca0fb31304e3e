import { z } from 'zod';
import { PUBLICATION_KINDS } from '../../db/schema/values.js';
import { notLonger } from '../../lib/counted.js';
import { recordVersion } from '../../lib/input.js';

// Request schemas of publication: one for the route, the operation and the browser's dialog.

const optionalVersion = recordVersion('Нужна версия записи').optional();

export const publishRoadmapInput = z.object({
  /** show the live execution status of the measures on the public page */
  showExecution: z.boolean({ message: 'Показывать ход исполнения: да или нет' }).default(false),
  /** the roadmap's version the publisher saw (stale → 409) */
  version: optionalVersion,
});
export type PublishRoadmapInput = z.input<typeof publishRoadmapInput>;

export const publishListInput = z.object({
  /** the names of the list's schools, not only counts per municipality */
  schoolNames: z.boolean({ message: 'Публиковать названия школ: да или нет' }).default(false),
  version: optionalVersion,
});
export type PublishListInput = z.input<typeof publishListInput>;

export const publishReportInput = z.object({ version: optionalVersion });
export type PublishReportInput = z.input<typeof publishReportInput>;

export const reasonText = z
  .string({ message: 'Причина: ожидается текст' })
  .trim()
  .min(1, 'Укажите причину')
  .max(2000, `Причина — ${notLonger(2000)}`);

export const withdrawInput = z.object({
  reason: reasonText,
  /** the publication's version the actor saw: withdrawing a superseded one is a conflict */
  version: optionalVersion,
});
export type WithdrawInput = z.input<typeof withdrawInput>;

export const publicationKind = z.enum(PUBLICATION_KINDS, {
  message: 'Вид: roadmap, school_document, analytic_report или identification_list',
});

export const publicationListQuery = z.object({
  unitId: z.uuid({ message: 'Организация: ожидается идентификатор' }).optional(),
  kind: publicationKind.optional(),
  /** 'true': every version, superseded and withdrawn ones included (the history) */
  includeWithdrawn: z.enum(['true', 'false'], { message: 'includeWithdrawn: true или false' }).optional(),
});

export const historyQuery = z.object({
  kind: publicationKind,
  objectId: z.uuid({ message: 'Объект: ожидается идентификатор' }),
});

export const publishableQuery = z.object({ kind: publicationKind.optional() });
