import { z } from 'zod';
import { MONITORING_KINDS } from '../../db/schema/values.js';
import { isoDate, recordVersion } from '../../lib/input.js';
import { answersSchema, formSchema } from './form.js';

// Request bodies of monitorings: the route declares them, the operations parse them again (CLI, demo),
// the pages check their forms with them.

const title = z.string().trim().min(1, 'Укажите название').max(300, 'Название — не длиннее 300 символов');
const year = z.number().int('Год — целое число').min(2000, 'Год — от 2000').max(2100, 'Год — до 2100');

export const participantsInput = z.object({
  mode: z.enum(['shnor', 'all_schools', 'municipalities', 'units']),
  /** mode `units`: the chosen schools or municipalities below the owner */
  unitIds: z
    .array(z.uuid({ message: 'Неверный идентификатор' }))
    .max(5000)
    .optional(),
});
export type ParticipantsInput = z.infer<typeof participantsInput>;

export const createMonitoringInput = z.object({
  ownerUnitId: z.uuid({ message: 'Неверный идентификатор' }),
  kind: z.enum(MONITORING_KINDS),
  title,
  year,
  periodStart: isoDate(),
  periodEnd: isoDate(),
  /** a template's code: its form is copied into the new monitoring */
  template: z.string().max(60).optional(),
  form: formSchema.optional(),
  /** kind `indicators`: the codes of the catalogue's or the region's own indicators */
  indicatorCodes: z
    .array(z.string().min(1).max(60))
    .max(20, { message: 'Не больше 20 показателей в одном мониторинге' })
    .optional(),
  participants: participantsInput,
});
export type CreateMonitoringInput = z.infer<typeof createMonitoringInput>;

export const updateMonitoringInput = z.object({
  version: recordVersion(),
  title: title.optional(),
  periodStart: isoDate().optional(),
  periodEnd: isoDate().optional(),
  /** draft only */
  form: formSchema.optional(),
  /** draft only */
  participants: participantsInput.optional(),
});
export type UpdateMonitoringInput = z.infer<typeof updateMonitoringInput>;

export const versionInput = z.object({ version: recordVersion() });

export const saveAnswersInput = z.object({ version: recordVersion(), answers: answersSchema });
export type SaveAnswersInput = z.infer<typeof saveAnswersInput>;

export const reviewInput = z.object({
  version: recordVersion(),
  decision: z.enum(['accept', 'return']),
  comment: z.string().trim().max(2000, 'Комментарий — не длиннее 2000 символов').optional(),
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const monitoringIdParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  unitId: z.uuid({ message: 'Неверный идентификатор' }),
});
