import { z } from 'zod';
import { INDICATOR_DIRECTIONS, TARGET_LEVELS } from '../../db/schema/values.js';

// Request schemas of indicators and targets: the routes validate with them, the pages' forms too.

const id = (what: string) => z.uuid({ message: `Неверный идентификатор ${what}` });
const version = z
  .number({ message: 'Укажите версию записи' })
  .int({ message: 'Версия — целое число' })
  .min(1)
  .max(2_147_483_647);
const year = z
  .number({ message: 'Укажите год числом' })
  .int({ message: 'Укажите год числом' })
  .min(2000, { message: 'Год вне допустимого диапазона' })
  .max(2100, { message: 'Год вне допустимого диапазона' });
const bound = z
  .number({ message: 'Укажите значение числом' })
  .min(-1_000_000_000, { message: 'Значение вне допустимого диапазона' })
  .max(1_000_000_000, { message: 'Значение вне допустимого диапазона' });

const title = z
  .string({ message: 'Укажите название' })
  .trim()
  .min(3, { message: 'Название — не короче 3 символов' })
  .max(300, { message: 'Название — не длиннее 300 символов' });
const definition = z
  .string({ message: 'Опишите показатель' })
  .trim()
  .min(10, { message: 'Определение — не короче 10 символов: его читают пользователи' })
  .max(2000, { message: 'Определение — не длиннее 2000 символов' });
const paramsShape = z.record(
  z.string().max(50),
  z.union([z.string().max(200), z.number().min(-1_000_000).max(1_000_000)], {
    message: 'Параметр — строка или число',
  }),
);
const params = paramsShape.default({});

export const definitionInput = z
  .object({
    regionId: id('региона'),
    code: z
      .string({ message: 'Укажите код' })
      .trim()
      .regex(/^[a-z][a-z0-9_]{2,39}$/, {
        message: 'Код — латинские строчные буквы, цифры и «_», от 3 до 40 знаков, с буквы в начале',
      }),
    title,
    block: z.string({ message: 'Выберите основу показателя' }).max(50),
    params,
    unit: z.enum(['share', 'count'], { message: 'Единица — доля или количество' }).default('share'),
    direction: z.enum(INDICATOR_DIRECTIONS, { message: 'Укажите, что лучше: больше или меньше' }),
    definition,
  })
  .strict();
export type DefinitionInput = z.input<typeof definitionInput>;

export const definitionPatch = z
  .object({
    version,
    title: title.optional(),
    definition: definition.optional(),
    direction: z.enum(INDICATOR_DIRECTIONS, { message: 'Укажите, что лучше: больше или меньше' }).optional(),
    // Not `params.optional()`: Zod 4 fills the default into an optional, and every patch wiped the parameters.
    params: paramsShape.optional(),
    active: z.boolean({ message: 'Активность — да или нет' }).optional(),
  })
  .strict();
export type DefinitionPatch = z.input<typeof definitionPatch>;

export const targetInput = z
  .object({
    regionId: id('региона'),
    indicatorCode: z.string({ message: 'Укажите показатель' }).min(1).max(50),
    level: z.enum(TARGET_LEVELS, { message: 'Уровень — регион, муниципалитет или школа' }),
    orgUnitId: id('организации').nullable().default(null),
    year,
    target: bound,
    warn: bound,
  })
  .strict();
export type TargetInput = z.input<typeof targetInput>;

export const targetPatch = z.object({ version, target: bound, warn: bound }).strict();
export type TargetPatch = z.input<typeof targetPatch>;
