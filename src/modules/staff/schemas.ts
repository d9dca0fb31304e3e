import { z } from 'zod';
import { TEACHER_MENTOR_KINDS } from '../../db/schema/values.js';
import { notLonger } from '../../lib/counted.js';
import { isoDate, recordVersion } from '../../lib/input.js';
import { orderInput } from '../organisation/orders.js';

// Inputs of the staff registry and of mentoring: the API declares them and the forms validate with them.

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Укажите: ${what}`)
    .max(max, `${what} — ${notLonger(max)}`);
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} — ${notLonger(max)}`)
    .nullable()
    .optional();

const year = z
  .number()
  .int('Год — целое число')
  .min(2000, 'Год не раньше 2000')
  .max(2100, 'Год не позже 2100');

export const staffFields = {
  lastName: text(100, 'фамилия'),
  firstName: text(100, 'имя'),
  middleName: optionalText(100, 'отчество'),
  position: text(200, 'должность'),
  subjects: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'Пустой предмет')
        .max(100, `Предмет — ${notLonger(100)}`),
    )
    .max(30, 'Слишком много предметов'),
  grades: z
    .array(z.number().int('Класс — целое число').min(1, 'Классы — от 1 до 11').max(11, 'Классы — от 1 до 11'))
    .max(11, 'Классы — от 1 до 11'),
  experienceYears: z
    .number()
    .int('Стаж — целое число лет')
    .min(0, 'Стаж не может быть отрицательным')
    .max(70, 'Стаж не больше 70')
    .nullable()
    .optional(),
  isYoung: z.boolean(),
  newlyHired: z.boolean(),
  code: optionalText(50, 'код'),
};

export const createStaffInput = z.object({ schoolId: z.uuid('Выберите школу'), ...staffFields }).strict();

export const updateStaffInput = z
  .object(staffFields)
  .partial()
  .extend({
    version: recordVersion(),
    /** «выбыл»: the date he left; null returns him to the current staff */
    leftOn: isoDate('Дата выбытия в формате ГГГГ-ММ-ДД').nullable().optional(),
  })
  .strict();

export const linkAccountInput = z
  .object({
    version: recordVersion(),
    /** the teacher's login; null unlinks */
    login: z
      .string()
      .trim()
      .min(1, 'Укажите логин')
      .max(100, `Логин — ${notLonger(100)}`)
      .nullable(),
  })
  .strict();

const boolQuery = z.enum(['true', 'false']).optional();

export const staffListQuery = z.object({
  schoolId: z.uuid('Выберите школу'),
  position: z.string().trim().max(200).optional(),
  subject: z.string().trim().max(100).optional(),
  young: boolQuery,
  newlyHired: boolQuery,
  state: z.enum(['current', 'left', 'all']).default('current'),
});

export const staffSchoolsQuery = z.object({ unitId: z.uuid('Выберите организацию').optional() });

export const schoolQuery = z.object({ schoolId: z.uuid('Выберите школу') });

export const importQuery = z.object({
  schoolId: z.uuid('Выберите школу'),
  dryRun: z.enum(['true', 'false']).default('true'),
});

export const mentorshipQuery = z.object({
  schoolId: z.uuid('Выберите школу'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const mentorFields = {
  mentorKind: z.enum(TEACHER_MENTOR_KINDS, 'Выберите, кто наставник'),
  mentorStaffId: z.uuid('Выберите наставника').nullable().optional(),
  mentorName: optionalText(200, 'ФИО наставника'),
  mentorUnitId: z.uuid('Выберите организацию наставника').nullable().optional(),
};

export const createMentorshipInput = z
  .object({
    menteeId: z.uuid('Выберите педагога'),
    year,
    ...mentorFields,
    program: optionalText(2000, 'программа'),
    startedOn: isoDate('Дата начала в формате ГГГГ-ММ-ДД'),
    endedOn: isoDate('Дата окончания в формате ГГГГ-ММ-ДД').nullable().optional(),
    order: orderInput.nullable().optional(),
  })
  .strict();

export const updateMentorshipInput = z
  .object({
    version: recordVersion(),
    program: optionalText(2000, 'программа'),
    startedOn: isoDate('Дата начала в формате ГГГГ-ММ-ДД').optional(),
    endedOn: isoDate('Дата окончания в формате ГГГГ-ММ-ДД').nullable().optional(),
    result: optionalText(2000, 'результат'),
    order: orderInput.nullable().optional(),
  })
  .strict();

export const meetingInput = z
  .object({
    date: isoDate('Дата встречи в формате ГГГГ-ММ-ДД'),
    topic: text(300, 'тема'),
    notes: optionalText(2000, 'заметки'),
  })
  .strict();
