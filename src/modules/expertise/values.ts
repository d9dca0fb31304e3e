import { z } from 'zod';
import {
  EXPERTISE_SUBJECTS,
  REVIEW_CONCLUSIONS,
  REVIEW_MODES,
  REVIEW_STATUSES,
} from '../../db/schema/expertise.js';
import { notLonger } from '../../lib/counted.js';
import { recordVersion } from '../../lib/input.js';

// The JSON of a criteria set and of a review's scores, and the request schemas the pages share with the API.

const text = (max: number, required: string) =>
  z
    .string({ message: required })
    .trim()
    .min(1, required)
    .max(max, `Текст ${notLonger(max)}`);

export const scalePoint = z.object({
  score: z
    .number({ message: 'Балл — число' })
    .int('Балл — целое число')
    .min(0, 'Балл не меньше 0')
    .max(100, 'Балл не больше 100'),
  label: text(200, 'Подпишите балл шкалы'),
});

export const criterionSchema = z.object({
  code: z
    .string({ message: 'Укажите код критерия' })
    .trim()
    .regex(/^[A-Za-zА-Яа-я0-9.\-_]{1,20}$/, 'Код критерия — до 20 букв, цифр, точек и дефисов'),
  name: text(300, 'Назовите критерий'),
  description: z.string().trim().max(2000, 'Не длиннее 2000 символов'),
  scale: z
    .array(scalePoint)
    .min(2, 'В шкале не меньше двух баллов')
    .max(11, 'В шкале не больше 11 баллов')
    .refine((s) => new Set(s.map((p) => p.score)).size === s.length, 'Баллы шкалы не повторяются'),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const criteriaListSchema = z
  .array(criterionSchema)
  .min(1, 'Нужен хотя бы один критерий')
  .max(40, 'Не больше 40 критериев')
  .refine((l) => new Set(l.map((c) => c.code)).size === l.length, 'Коды критериев не повторяются');

export const createCriteriaSetInput = z.object({
  subject: z.enum(EXPERTISE_SUBJECTS, {
    message: 'Предмет: antirisk_program, concept или municipal_roadmap',
  }),
  title: text(300, 'Назовите набор критериев'),
  criteria: criteriaListSchema,
});

export const scoreEntry = z.object({
  code: z.string({ message: 'Укажите код критерия' }).max(20, 'Код критерия — до 20 символов'),
  score: z.number({ message: 'Балл — число' }).int('Балл — целое число').min(0).max(100).nullable(),
  comment: z.string({ message: 'Комментарий — текст' }).max(4000, 'Комментарий — не длиннее 4000 символов'),
});
export type ScoreEntry = z.infer<typeof scoreEntry>;

export const saveReviewInput = z.object({
  scores: z.array(scoreEntry).max(40, 'Не больше 40 критериев'),
  conclusion: z.enum(REVIEW_CONCLUSIONS, { message: 'Заключение: recommended или rework' }).nullable(),
  recommendations: z
    .string({ message: 'Рекомендации — текст' })
    .max(20000, 'Рекомендации — не длиннее 20000 символов'),
  version: recordVersion(),
});
export type SaveReviewInput = z.infer<typeof saveReviewInput>;

export const submitReviewInput = z.object({ version: recordVersion() });

const uuid = (message: string) => z.uuid({ message });

export const assignReviewerInput = z
  .object({
    schoolDocumentId: uuid('Неверный идентификатор документа').optional(),
    roadmapId: uuid('Неверный идентификатор дорожной карты').optional(),
    reviewerUserId: uuid('Неверный идентификатор эксперта'),
    /** a document drawn by this sample (выборочная экспертиза): any status past the curator's agreement */
    sampleId: uuid('Неверный идентификатор выборки').optional(),
  })
  .refine((v) => Boolean(v.schoolDocumentId) !== Boolean(v.roadmapId), {
    message: 'Укажите документ школы или муниципальную дорожную карту (одно из двух)',
    path: ['schoolDocumentId'],
  });

export const reassignReviewInput = z.object({
  reviewerUserId: uuid('Неверный идентификатор эксперта').optional(),
  reviewerSchoolId: uuid('Неверный идентификатор школы').optional(),
  version: recordVersion(),
});

const year = z
  .number({ message: 'Укажите год' })
  .int('Год — целое число')
  .min(2000, 'Год не раньше 2000')
  .max(2100, 'Год не позже 2100');
const seed = z
  .string({ message: 'Зерно — текст' })
  .trim()
  .regex(/^[A-Za-z0-9-]{1,40}$/, 'Зерно — до 40 латинских букв, цифр и дефисов');

export const runMutualInput = z.object({
  unitId: uuid('Неверный идентификатор организации'),
  year,
  seed: seed.optional(),
});

export const createSampleInput = z.object({
  unitId: uuid('Неверный идентификатор организации'),
  year,
  kind: z
    .enum(['concept', 'midterm_program', 'antirisk_program'], { message: 'Неизвестный вид документа' })
    .optional(),
  share: z.number({ message: 'Доля — число' }).gt(0, 'Доля больше 0').max(1, 'Доля не больше 1'),
  seed: seed.optional(),
});

export const yearQuery = z.object({
  year: z.coerce.number({ message: 'Укажите год' }).pipe(year).optional(),
});

export const reviewsQuery = z.object({
  mine: z
    .enum(['true', 'false'], { message: 'mine: true или false' })
    .transform((v) => v === 'true')
    .optional(),
  schoolDocumentId: uuid('Неверный идентификатор документа').optional(),
  roadmapId: uuid('Неверный идентификатор дорожной карты').optional(),
});

export { EXPERTISE_SUBJECTS, REVIEW_CONCLUSIONS, REVIEW_MODES, REVIEW_STATUSES };
