import { z } from 'zod';
import {
  PUPIL_CATEGORIES,
  PUPIL_EXCLUSION_REASONS,
  PUPIL_MEASURE_KINDS,
  PUPIL_STATUSES,
} from '../../db/schema/values.js';
import { isoDate, recordVersion } from '../../lib/input.js';
import { CAUSE_KEYS, gradeOf } from './reference.js';

// Inputs of the registry of pupils at risk: the API declares them and the forms of the UI validate with them.
// Messages never repeat a value typed by the user (a name must not reach a log through an error).

const year = z
  .number()
  .int('Год — целое число')
  .min(2000, 'Год не раньше 2000')
  .max(2100, 'Год не позже 2100');
const subject = z
  .string()
  .trim()
  .min(1, 'Укажите предмет')
  .max(100, 'Название предмета длиннее 100 символов');
const uuids = (message: string) => z.array(z.uuid(message)).max(50, 'Не больше 50 значений');

export const pupilFields = {
  name: z.string().trim().min(2, 'Укажите ФИО или инициалы').max(200, 'ФИО длиннее 200 символов'),
  birthDate: isoDate('Дата рождения').nullable().optional(),
  classLabel: z
    .string()
    .trim()
    .max(10, 'Класс — не длиннее 10 символов')
    .refine((s) => gradeOf(s) !== null, 'Класс — номер от 1 до 11 и буква, например «7Б»'),
  category: z.enum(PUPIL_CATEGORIES, 'Выберите категорию'),
  subjects: z.array(subject).max(20, 'Не больше 20 предметов'),
  causes: z
    .array(z.string().refine((c) => CAUSE_KEYS.includes(c), 'Неизвестная причина'))
    .max(30, 'Не больше 30 причин'),
  ovz: z.boolean(),
  limitedRussian: z.boolean(),
  teacherIds: uuids('Неверный идентификатор учителя'),
  includedOn: isoDate('Дата включения в реестр'),
};

export const createPupilInput = z.object({ year, ...pupilFields }).strict();

export const updatePupilInput = z.object(pupilFields).partial().extend({ version: recordVersion() }).strict();

export const excludePupilInput = z
  .object({
    version: recordVersion(),
    excludedOn: isoDate('Дата исключения'),
    reason: z.enum(PUPIL_EXCLUSION_REASONS, 'Выберите причину исключения'),
    note: z.string().trim().max(500, 'Пояснение длиннее 500 символов').nullable().optional(),
  })
  .strict();

const measureFields = {
  kind: z.enum(PUPIL_MEASURE_KINDS, 'Выберите вид меры'),
  topic: z.string().trim().min(1, 'Укажите содержание или тему').max(500, 'Тема длиннее 500 символов'),
  startsOn: isoDate('Дата начала'),
  endsOn: isoDate('Дата окончания').nullable().optional(),
  responsibleStaffId: z.uuid('Неверный идентификатор ответственного').nullable().optional(),
  /** «ученик–ученик»: the other pupil, stored encrypted */
  partner: z.string().trim().max(200, 'ФИО партнёра длиннее 200 символов').nullable().optional(),
  notes: z.string().trim().max(2000, 'Примечание длиннее 2000 символов').nullable().optional(),
};

export const createMeasureInput = z.object(measureFields).strict();
export const updateMeasureInput = z
  .object({
    version: recordVersion(),
    kind: measureFields.kind.optional(),
    topic: measureFields.topic.optional(),
    startsOn: measureFields.startsOn.optional(),
    endsOn: measureFields.endsOn,
    responsibleStaffId: measureFields.responsibleStaffId,
    partner: measureFields.partner,
    notes: measureFields.notes,
  })
  .strict();

export const recordResultInput = z
  .object({
    status: z.enum(PUPIL_STATUSES, 'Выберите состояние'),
    marks: z
      .record(subject, z.number().int('Отметка — целое число').min(1, 'Отметка от 1').max(5, 'Отметка до 5'))
      .refine((m) => Object.keys(m).length <= 20, 'Не больше 20 предметов'),
    diagnostics: z
      .string()
      .trim()
      .max(1000, 'Описание диагностических работ длиннее 1000 символов')
      .nullable()
      .optional(),
    /** the version of the result when it is changed; absent for a new one */
    version: recordVersion().optional(),
  })
  .strict();

export const checkpointsInput = z
  .object({
    year,
    checkpoints: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9_-]{1,20}$/, 'Ключ — латинские буквы и цифры, до 20 символов'),
            name: z.string().trim().min(1, 'Укажите название').max(100, 'Название длиннее 100 символов'),
            date: isoDate('Дата контрольной точки'),
          })
          .strict(),
      )
      .max(12, 'Не больше 12 контрольных точек'),
  })
  .strict();

const q = {
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
};
export const summaryQuery = z.object(q);
export const registryQuery = z.object({
  year: q.year,
  classLabel: z.string().max(10).optional(),
  category: z.enum(PUPIL_CATEGORIES).optional(),
  subject: z.string().max(100).optional(),
  status: z.enum(['active', 'excluded', 'all']).optional(),
});
