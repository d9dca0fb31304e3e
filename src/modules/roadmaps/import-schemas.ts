import { z } from 'zod';
import { PERIOD_KINDS, RECURRENCES, ROADMAP_KINDS } from '../../db/schema/values.js';
import { isoDate } from '../../lib/input.js';
import { maxCharsMessage } from '../../lib/strings.js';

// The shape the import wizard saves: the parser's result (docs/import-format.md) after the user's
// corrections, plus what only the user can decide (unit, kind, period).
const text = (max: number) => z.string().trim().max(max, maxCharsMessage(max));
const optText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));
const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц в формате ГГГГ-ММ')
  .nullish();

export const IMPORT_LEVELS = ['региональный', 'муниципальный', 'институциональный'] as const;

const baseItem = z.object({
  number: optText(20),
  level: z.enum(IMPORT_LEVELS).nullish(),
  measure: text(5000).min(1, 'Пустое мероприятие'),
  description: optText(5000),
  deadline: z
    .object({
      text: optText(300),
      from: yearMonth,
      to: yearMonth,
      recurrence: z.enum(RECURRENCES).nullish(),
    })
    .nullish(),
  responsible: optText(2000),
  indicator: optText(5000),
});

export const importedItem = baseItem.extend({ subItems: z.array(baseItem).max(100).default([]) });

export const importedRoadmap = z.object({
  title: text(1000).min(3, 'Название не короче 3 символов'),
  kind: z.enum(ROADMAP_KINDS).default('other'),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.number().int().min(2015).max(2100),
  approval: z.object({ body: optText(500), orderNumber: optText(100), date: isoDate().nullish() }).nullish(),
  /**
   * Save a roadmap of a period that has ended as an archived record: execution marked as imported
   * («исполнено по данным документа»), never overdue, read-only. Refused for a period still running.
   */
  archive: z.boolean().default(false),
  sections: z
    .array(z.object({ number: optText(20), title: optText(1000), items: z.array(importedItem).max(2000) }))
    .min(1, 'Нет ни одного раздела')
    .max(200),
});

export const saveImportInput = z.object({
  orgUnitId: z.uuid(),
  fileName: text(300).default('документ'),
  roadmaps: z.array(importedRoadmap).min(1, 'Выберите хотя бы одну дорожную карту').max(20),
});

export type SaveImportInput = z.input<typeof saveImportInput>;
