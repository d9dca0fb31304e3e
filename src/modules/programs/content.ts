import { z } from 'zod';
import { notLonger } from '../../lib/counted.js';

// The structured content of a school document (концепция, среднесрочная программа, антирисковая
// программа): one Zod schema for the editor's form, the API and the stored JSON. Rows of the lists
// carry stable `key`s: comments anchor to them, the roadmap links measures by them and the diff between
// versions matches rows by them, so renaming a measure is «changed», not «removed + added».

const line = (what: string, max = 1000) =>
  z
    .string({ message: `${what}: ожидается текст` })
    .trim()
    .max(max, `${what} — ${notLonger(max)}`);
const required = (what: string, max = 1000) => line(what, max).min(1, `Заполните: ${what.toLowerCase()}`);
const key = z
  .string({ message: 'Нужен ключ строки' })
  .trim()
  .min(1, 'Нужен ключ строки')
  .max(40, 'Ключ строки — не длиннее 40 символов')
  .regex(/^[A-Za-z0-9_-]+$/, 'Ключ строки — латинские буквы, цифры, «-» и «_»');

export const taskSchema = z.object({ key, text: required('Задача') });

export const indicatorSchema = z.object({
  key,
  name: required('Показатель', 500),
  baseValue: line('Базовое значение', 200),
  targetValue: line('Целевое значение', 200),
  /** when the target is to be reached, as people write it («май 2027», «31.05.2027») */
  date: line('Срок достижения', 100),
  method: line('Способ измерения', 500),
});

export const measureSchema = z.object({
  key,
  /** the key of the task the measure serves, or '' */
  taskKey: z.string().trim().max(40, 'Ключ задачи — не длиннее 40 символов'),
  measure: required('Мероприятие', 2000),
  /** a deadline as a roadmap writes it: «октябрь 2026», «до 30.12.2026», «в течение года» */
  deadline: line('Срок', 200),
  responsible: line('Ответственный', 500),
  participants: line('Участники', 500),
  expectedResult: line('Ожидаемый результат', 1000),
});

export const personSchema = z.object({
  key,
  name: required('ФИО', 200),
  position: line('Должность', 200),
  role: line('Роль в программе', 300),
});

export const partnerSchema = z.object({
  key,
  name: required('Партнёр', 300),
  contribution: line('Вклад партнёра', 500),
});

/** A free section: analysis, mission, directions… (the concept documents are mostly these). */
export const sectionSchema = z.object({
  key,
  title: required('Заголовок раздела', 300),
  text: line('Текст раздела', 20000),
});

const uniqueKeys = <T extends { key: string }>(rows: T[]) =>
  new Set(rows.map((r) => r.key)).size === rows.length;
const list = <T extends z.ZodType<{ key: string }>>(schema: T, what: string, max: number) =>
  z
    .array(schema)
    .max(max, `${what}: не больше ${max}`)
    .refine(uniqueKeys, `${what}: ключи строк повторяются`);

export const documentContentSchema = z
  .object({
    goal: line('Цель', 2000),
    tasks: list(taskSchema, 'Задачи', 30),
    indicators: list(indicatorSchema, 'Показатели', 50),
    measures: list(measureSchema, 'Мероприятия', 150),
    responsible: list(personSchema, 'Ответственные', 30),
    partners: list(partnerSchema, 'Партнёры', 30),
    sections: list(sectionSchema, 'Разделы', 30),
  })
  .refine((c) => c.measures.every((m) => !m.taskKey || c.tasks.some((t) => t.key === m.taskKey)), {
    message: 'Мероприятие ссылается на задачу, которой нет',
    path: ['measures'],
  });

export type DocumentContent = z.infer<typeof documentContentSchema>;
export type DocumentMeasure = z.infer<typeof measureSchema>;
export type DocumentIndicator = z.infer<typeof indicatorSchema>;

export const EMPTY_CONTENT: DocumentContent = {
  goal: '',
  tasks: [],
  indicators: [],
  measures: [],
  responsible: [],
  partners: [],
  sections: [],
};
