import { z } from 'zod';
import { INSTITUTION_TYPES, ORG_KINDS } from '../../db/schema/values.js';
import { recordVersion } from '../../lib/input.js';
import { maxCharsMessage } from '../../lib/strings.js';

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, maxCharsMessage(max))
    .nullish()
    .transform((v) => (v ? v : null));

export const SCHOOL_LEVELS = ['НОО', 'ООО', 'СОО'] as const;
export const SCHOOL_CODE_MAX = 64;

export const orgUnitFields = {
  name: z.string().trim().min(2, 'Укажите полное наименование').max(1000, 'Не длиннее 1000 символов'),
  shortName: optText(300),
  institutionType: z.enum(INSTITUTION_TYPES).nullish(),
  inn: z
    .string()
    .trim()
    .regex(/^(\d{10}|\d{12})$/, 'ИНН — 10 или 12 цифр')
    .nullish()
    .or(z.literal('').transform(() => null)),
  oktmo: z
    .string()
    .trim()
    .regex(/^(\d{8}|\d{11})$/, 'ОКТМО — 8 или 11 цифр')
    .nullish()
    .or(z.literal('').transform(() => null)),
  /** Код ОО: the school's identifier in assessment data packages (their `school_id`). */
  code: z
    .string()
    .trim()
    .max(SCHOOL_CODE_MAX, `Код ОО — ${maxCharsMessage(SCHOOL_CODE_MAX).toLowerCase()}`)
    .regex(/^\S*$/, 'Код ОО — без пробелов внутри')
    .nullish()
    .transform((v) => (v ? v : null)),
  address: optText(1000),
  isRural: z.boolean().nullish(),
  isSmall: z.boolean().nullish(),
  levels: z
    .array(z.enum(SCHOOL_LEVELS, { message: 'Уровни: НОО, ООО, СОО' }))
    .max(3)
    .nullish(),
  pupils: z
    .number({ message: 'Ожидается число' })
    .int('Целое число')
    .min(0, 'Не меньше 0')
    .max(20000, 'Не больше 20000')
    .nullish(),
  teachers: z
    .number({ message: 'Ожидается число' })
    .int('Целое число')
    .min(0, 'Не меньше 0')
    .max(2000, 'Не больше 2000')
    .nullish(),
  director: optText(300),
};

export const createOrgUnitInput = z.object({
  parentId: z.uuid().nullable(),
  kind: z.enum(ORG_KINDS),
  ...orgUnitFields,
});
export const updateOrgUnitInput = z.object({
  ...z.object(orgUnitFields).partial().shape,
  version: recordVersion(),
});

export type CreateOrgUnitInput = z.input<typeof createOrgUnitInput>;
export type UpdateOrgUnitInput = z.infer<typeof updateOrgUnitInput>;
