import { z } from 'zod';
import { EDUCATION_LEVELS, PRACTICE_DECISIONS, PRACTICE_STATUSES } from '../../db/schema/values.js';
import { notLonger } from '../../lib/counted.js';
import { recordVersion } from '../../lib/input.js';
import { PRACTICE_CRITERIA, PRACTICE_SUBJECTS, type PracticeCriterionKey } from './strings.js';

// Request bodies and queries of the bank of practices: the routes declare them, the operations parse
// them again (demo, tests), the form validates with them.

const id = z.uuid({ message: 'Неверный идентификатор' });
const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} — ${notLonger(max)}`);
// The keys of PRACTICE_CRITERIA, written out so that the enum keeps its literal type.
const CRITERION_KEYS = [
  'relevance',
  'effectiveness',
  'reproducibility',
  'materials',
] as const satisfies readonly PracticeCriterionKey[];

export const figureInput = z.object({
  label: text('Показатель', 300).min(1, 'Назовите показатель'),
  before: z.number({ message: 'Значение «было» — число' }).min(-1e9).max(1e9).nullable(),
  after: z.number({ message: 'Значение «стало» — число' }).min(-1e9).max(1e9).nullable(),
  unit: text('Единица', 30),
});

export const practiceFields = {
  title: text('Название', 300).min(1, 'Укажите название практики'),
  year: z
    .number({ message: 'Укажите учебный год' })
    .int('Год — целое число')
    .min(2000, 'Год — не раньше 2000')
    .max(2100, 'Год — не позже 2100'),
  problem: text('Проблема', 5000),
  actions: text('Что сделано', 10000),
  results: text('Результаты', 5000),
  figures: z.array(figureInput).max(20, 'Не больше 20 показателей'),
  riskFactors: z.array(text('Фактор риска', 100).min(1)).max(20, 'Не больше 20 факторов риска'),
  subjects: z.array(z.enum(PRACTICE_SUBJECTS, { message: 'Выберите предмет из списка' })).max(17),
  levels: z.array(z.enum(EDUCATION_LEVELS, { message: 'Уровень — НОО, ООО или СОО' })).max(3),
  contact: text('Контакт', 500),
};

export const createPracticeInput = z.object({ authorUnitId: id, ...practiceFields });
export type CreatePracticeInput = z.infer<typeof createPracticeInput>;

export const updatePracticeInput = z.object({
  version: recordVersion(),
  title: practiceFields.title.optional(),
  year: practiceFields.year.optional(),
  problem: practiceFields.problem.optional(),
  actions: practiceFields.actions.optional(),
  results: practiceFields.results.optional(),
  figures: practiceFields.figures.optional(),
  riskFactors: practiceFields.riskFactors.optional(),
  subjects: practiceFields.subjects.optional(),
  levels: practiceFields.levels.optional(),
  contact: practiceFields.contact.optional(),
});
export type UpdatePracticeInput = z.infer<typeof updatePracticeInput>;

export const versionInput = z.object({ version: recordVersion() });

export const reviewInput = z.object({
  version: recordVersion(),
  decision: z.enum(PRACTICE_DECISIONS, { message: 'Выберите решение' }),
  comment: text('Комментарий', 3000),
  criteria: z
    .array(
      z.object({
        key: z.enum(CRITERION_KEYS, { message: 'Неизвестный критерий' }),
        score: z.number({ message: 'Балл — целое число' }).int('Балл — целое число').min(0).max(100),
      }),
    )
    .max(PRACTICE_CRITERIA.length),
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const withdrawInput = z.object({
  version: recordVersion(),
  reason: text('Причина', 1000).min(1, 'Укажите причину снятия'),
});

export const practiceListQuery = z.object({
  riskFactor: text('Фактор риска', 100).optional(),
  subject: text('Предмет', 100).optional(),
  level: z.enum(EDUCATION_LEVELS, { message: 'Уровень — НОО, ООО или СОО' }).optional(),
  municipalityId: id.optional(),
  year: z.coerce
    .number({ message: 'Год — целое число' })
    .int('Год — целое число')
    .min(2000, 'Год — не раньше 2000')
    .max(2100, 'Год — не позже 2100')
    .optional(),
  q: text('Поиск', 200).optional(),
  status: z.enum(PRACTICE_STATUSES, { message: 'Неизвестное состояние' }).optional(),
  /** only the actor's own (his unit's) practices, any state */
  mine: z.enum(['true', 'false'], { message: 'mine — true или false' }).optional(),
});
export type PracticeListQuery = z.infer<typeof practiceListQuery>;
