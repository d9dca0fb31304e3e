import { z } from 'zod';
import { COURSE_FORMATS, COURSE_KINDS, ENROLMENT_STATUSES } from '../../db/schema/values.js';
import { notLonger, WORDS } from '../../lib/counted.js';
import { isoDate, recordVersion } from '../../lib/input.js';
import { countLabel } from '../../lib/plural.js';
import { COURSE_TOPIC_KEYS } from './strings.js';

// Request bodies of the courses module: the routes declare them, the operations parse them again (demo).

const id = z.uuid({ message: 'Неверный идентификатор' });
const name = z
  .string()
  .trim()
  .min(1, 'Укажите название')
  .max(300, `Название — ${notLonger(300)}`);
const provider = z
  .string()
  .trim()
  .min(1, 'Укажите организацию, которая проводит курс')
  .max(300, `Организация — ${notLonger(300)}`);
const subject = z
  .string()
  .trim()
  .max(100, `Предмет — ${notLonger(100)}`);

export const courseFields = {
  name,
  kind: z.enum(COURSE_KINDS, { message: 'Выберите вид курса' }),
  provider,
  hours: z
    .number({ message: 'Укажите число часов' })
    .int('Часы — целое число')
    .min(1, 'Часов — не меньше одного')
    .max(2000, 'Часов — не больше 2000'),
  startsOn: isoDate().nullable().optional(),
  endsOn: isoDate().nullable().optional(),
  format: z.enum(COURSE_FORMATS, { message: 'Выберите формат' }),
  topic: z.enum(COURSE_TOPIC_KEYS, { message: 'Выберите тему из списка' }).nullable().optional(),
  subject: subject.nullable().optional(),
};

export const createCourseInput = z.object({ ownerUnitId: id, ...courseFields });
export type CreateCourseInput = z.infer<typeof createCourseInput>;

export const updateCourseInput = z.object({
  version: recordVersion(),
  name: name.optional(),
  kind: courseFields.kind.optional(),
  provider: provider.optional(),
  hours: courseFields.hours.optional(),
  startsOn: courseFields.startsOn,
  endsOn: courseFields.endsOn,
  format: courseFields.format.optional(),
  topic: courseFields.topic,
  subject: courseFields.subject,
});
export type UpdateCourseInput = z.infer<typeof updateCourseInput>;

export const courseListQuery = z.object({
  kind: z.enum(COURSE_KINDS, { message: 'Неизвестный вид курса' }).optional(),
  format: z.enum(COURSE_FORMATS, { message: 'Неизвестный формат' }).optional(),
  topic: z.enum(COURSE_TOPIC_KEYS, { message: 'Неизвестная тема' }).optional(),
  q: z
    .string()
    .trim()
    .max(200, `Строка поиска — ${notLonger(200)}`)
    .optional(),
});
export type CourseListQuery = z.infer<typeof courseListQuery>;

export const enrolInput = z.object({
  staffMemberIds: z
    .array(id)
    .min(1, 'Выберите хотя бы одного педагога')
    .max(200, `Не больше ${countLabel(200, WORDS.teacher)} за раз`),
  /** the route activity (kind «course») the enrolment serves; only with one teacher */
  activityId: id.nullable().optional(),
});
export type EnrolInput = z.infer<typeof enrolInput>;

export const resultInput = z.object({
  version: recordVersion(),
  status: z.enum(ENROLMENT_STATUSES, { message: 'Неизвестный статус' }),
  completedOn: isoDate().nullable().optional(),
});
export type ResultInput = z.infer<typeof resultInput>;

export const demandQuery = z.object({
  /** a municipality (or the region) the demand is about; by default all the actor sees */
  unitId: id.optional(),
  topic: z
    .string()
    .trim()
    .max(60, `Тема — ${notLonger(60)}`)
    .optional(),
  year: z.coerce
    .number({ message: 'Год — число' })
    .int('Год — целое число')
    .min(2000, 'Год — от 2000')
    .max(2100, 'Год — до 2100')
    .optional(),
});
export type DemandQuery = z.infer<typeof demandQuery>;
