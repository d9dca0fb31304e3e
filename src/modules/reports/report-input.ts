import { z } from 'zod';
import { REPORT_STATUSES, REPORT_TEMPLATES } from '../../db/schema/values.js';
import { recordVersion } from '../../lib/input.js';
import { MAX_YEAR, MIN_YEAR } from '../assessment-data/types.js';

// What the report pages send: generate (scope, template, year), edit findings and recommendations of a
// draft (the whole lists, with the version), issue (the version seen).

const year = z
  .number({ message: 'Укажите год' })
  .int('Год — целое число')
  .min(MIN_YEAR, `Год не раньше ${MIN_YEAR}`)
  .max(MAX_YEAR, `Год не позже ${MAX_YEAR}`);
const text = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, `Не длиннее ${max} знаков`);

export const generateReportInput = z
  .object({
    unitId: z.uuid({ message: 'Укажите организацию' }),
    template: z.enum(REPORT_TEMPLATES, { message: 'Неизвестный шаблон справки' }),
    year,
  })
  .strict();
export type GenerateReportInput = z.input<typeof generateReportInput>;

export const updateReportInput = z
  .object({
    version: recordVersion(),
    findings: z
      .array(
        z
          .object({ id: z.string().trim().min(1).max(50), text: text(20_000, 'Вывод не может быть пустым') })
          .strict(),
      )
      .max(200)
      .optional(),
    /** the whole list: a recommendation left out is removed, one without a known id is added by hand */
    recommendations: z
      .array(
        z
          .object({
            id: z.string().trim().max(50).nullish(),
            unitId: z.uuid().nullable(),
            text: text(20_000, 'Рекомендация не может быть пустой'),
          })
          .strict(),
      )
      .max(500)
      .optional(),
  })
  .strict();
export type UpdateReportInput = z.input<typeof updateReportInput>;

export const issueReportInput = z.object({ version: recordVersion() }).strict();

export const listReportsQuery = z
  .object({
    year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional(),
    status: z.enum(REPORT_STATUSES).optional(),
  })
  .strict();

export const reportFileQuery = z.object({ format: z.enum(['docx', 'pdf']) }).strict();
