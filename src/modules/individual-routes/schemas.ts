import { z } from 'zod';
import { ROUTE_ACTIVITY_KINDS } from '../../db/schema/values.js';
import { int4, isoDate, recordVersion } from '../../lib/input.js';
import { maxCharsMessage } from '../../lib/strings.js';

// Inputs of the individual routes (ИОМ): the same schemas validate the API and the forms.

const text = (max: number, message: string) =>
  z.string({ message }).trim().min(1, message).max(max, maxCharsMessage(max));
const optionalText = (max: number) => z.string().trim().max(max, maxCharsMessage(max)).nullable().optional();
const uuid = (message: string) => z.uuid({ message });
const version = { version: recordVersion() };

export const createRouteInput = z.object({
  staffMemberId: uuid('Выберите педагога'),
  year: int4('Укажите учебный год').min(2000, 'Укажите учебный год').max(2100, 'Укажите учебный год'),
  /** build the goals and suggested activities from the teacher's latest diagnostic (else an empty route) */
  fromDeficits: z.boolean({ message: 'Укажите, строить ли ИОМ из дефицитов' }),
});

export const versionInput = z.object(version);

export const goalInput = z.object({ ...version, text: text(1000, 'Напишите цель') });

export const activityFields = {
  goalId: uuid('Неверная цель').nullable().optional(),
  kind: z.enum(ROUTE_ACTIVITY_KINDS, { message: 'Выберите вид действия' }),
  title: text(500, 'Напишите, что нужно сделать'),
  dueDate: isoDate().nullable().optional(),
  responsible: optionalText(300),
  responsibleUserId: uuid('Неверный ответственный').nullable().optional(),
  courseId: uuid('Неверный курс').nullable().optional(),
};

/** A new activity: the route's version guards against a parallel change of the route. */
export const addActivityInput = z.object({ ...version, ...activityFields });

export const updateActivityInput = z.object({
  ...version,
  goalId: activityFields.goalId,
  kind: activityFields.kind.optional(),
  title: activityFields.title.optional(),
  dueDate: activityFields.dueDate,
  responsible: activityFields.responsible,
  responsibleUserId: activityFields.responsibleUserId,
  courseId: activityFields.courseId,
});

export const closeRouteInput = z.object({
  ...version,
  outcome: z.enum(['mastered', 'not_mastered'], { message: 'Выберите итог: освоен или не освоен' }),
  conclusion: text(4000, 'Напишите заключение'),
  /** why the route is not mastered when some activities are not confirmed */
  reason: optionalText(2000),
});

export const markDoneInput = z.object({ ...version, note: optionalText(2000) });

export const returnActivityInput = z.object({ ...version, comment: text(2000, 'Напишите, что доработать') });

export const listRoutesQuery = z.object({
  year: z.coerce.number({ message: 'Укажите учебный год' }).pipe(int4().min(2000).max(2100)).optional(),
  status: z
    .enum(['draft', 'approved', 'in_progress', 'mastered', 'not_mastered'], { message: 'Неверный статус' })
    .optional(),
  schoolId: uuid('Неверная школа').optional(),
  level: z.string().trim().min(1).max(40, 'Неверный уровень').optional(),
});
