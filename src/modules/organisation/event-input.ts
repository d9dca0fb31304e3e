import { z } from 'zod';
import { EVENT_KINDS, SCHOOL_GROUPS } from '../../db/schema/values.js';
import { isoDate, recordVersion } from '../../lib/input.js';

// Request schemas of events: the page's forms and the routes validate with the same ones.

const text = (what: string, max: number) =>
  z
    .string({ message: `Укажите ${what}` })
    .trim()
    .max(max, `Поле «${what}» — не длиннее ${max} знаков`);
const optionalText = (what: string, max: number) => text(what, max).nullable().optional();
const unitIds = z
  .array(z.uuid({ message: 'Неверный идентификатор организации' }))
  .max(5000, 'Не больше 5000 организаций');

const fields = {
  kind: z.enum(EVENT_KINDS, { message: 'Выберите вид мероприятия' }),
  title: text('название', 300).min(1, 'Укажите название'),
  startsOn: isoDate('Дата начала в формате ГГГГ-ММ-ДД'),
  endsOn: isoDate('Дата окончания в формате ГГГГ-ММ-ДД').nullable().optional(),
  place: optionalText('место или ссылку', 500),
  program: optionalText('программу', 20_000),
  audienceGroup: z
    .enum(SCHOOL_GROUPS, { message: 'Группа школ: all, shnor или risk_zone' })
    .nullable()
    .optional(),
  audienceNote: optionalText('кого ожидают', 500),
  coverageTarget: z
    .number({ message: 'Целевой охват — число процентов' })
    .int('Целевой охват — целое число процентов')
    .min(0, 'Целевой охват — от 0 до 100 %')
    .max(100, 'Целевой охват — от 0 до 100 %')
    .nullable()
    .optional(),
};

export const createEventInput = z.object({
  organiserUnitId: z.uuid({ message: 'Неверный идентификатор организации' }),
  ...fields,
  /** explicit units invited besides the group (schools, municipalities) */
  unitIds: unitIds.optional(),
});
export type CreateEventInput = z.input<typeof createEventInput>;

export const updateEventInput = z.object(fields).partial().extend({
  version: recordVersion(),
  /** a draft: the explicit units, replaced */
  unitIds: unitIds.optional(),
  /** an announced event: units added to its frozen list */
  addUnitIds: unitIds.optional(),
});
export type UpdateEventInput = z.input<typeof updateEventInput>;

export const eventStatusInput = z.object({
  status: z.enum(['announced', 'held', 'cancelled'], { message: 'Состояние: announced, held или cancelled' }),
  version: recordVersion(),
});
export type EventStatusInput = z.input<typeof eventStatusInput>;

export const participantInput = z.object({
  orgUnitId: z.uuid({ message: 'Выберите организацию участника' }),
  fullName: text('ФИО', 300).min(3, 'Укажите ФИО'),
  position: optionalText('должность', 300),
  attended: z.boolean({ message: 'Присутствие: да или нет' }).optional(),
});
export type ParticipantInput = z.input<typeof participantInput>;

export const attendanceInput = z.object({
  participantIds: z.array(z.uuid({ message: 'Неверный идентификатор участника' })).max(10_000),
  attended: z.boolean({ message: 'Присутствие: да или нет' }),
});
export type AttendanceInput = z.input<typeof attendanceInput>;

export const materialLinkInput = z.object({
  name: text('название', 300).min(1, 'Укажите название'),
  url: z
    .string({ message: 'Укажите ссылку' })
    .trim()
    .max(2000, 'Ссылка — не длиннее 2000 знаков')
    .regex(/^https?:\/\/\S+$/i, 'Ссылка должна начинаться с http:// или https://'),
});

export const eventsQuery = z.object({
  from: isoDate('Начало периода в формате ГГГГ-ММ-ДД').optional(),
  to: isoDate('Конец периода в формате ГГГГ-ММ-ДД').optional(),
  kind: z.enum(EVENT_KINDS, { message: 'Неизвестный вид мероприятия' }).optional(),
  level: z
    .enum(['region', 'municipality', 'school'], { message: 'Уровень: region, municipality, school' })
    .optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export type EventsQuery = z.infer<typeof eventsQuery>;
