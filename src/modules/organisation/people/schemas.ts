import { z } from 'zod';
import { AGREEMENT_KINDS } from '../../../db/schema/values.js';
import { isoDate, recordVersion } from '../../../lib/input.js';
import { orderInput } from '../orders.js';

// Inputs of the people module: the API declares them and the forms of the UI validate with them.

const year = z
  .number()
  .int('Год — целое число')
  .min(2000, 'Год не раньше 2000')
  .max(2100, 'Год не позже 2100');
const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).nullable().optional();

export const yearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  municipalityId: z.uuid().optional(),
});

export const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

export const appointCoordinatorInput = z
  .object({
    municipalityId: z.uuid('Выберите муниципалитет'),
    year,
    login: z.string().trim().min(1, 'Укажите логин учётной записи').max(100, 'Логин длиннее 100 символов'),
    position: optionalText(200, 'Должность длиннее 200 символов'),
    order: orderInput,
  })
  .strict();

const newAccount = z
  .object({
    login: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{3,50}$/, 'Логин: 3–50 латинских букв, цифр, точек, дефисов'),
    fullName: z.string().trim().min(3, 'Укажите ФИО').max(200, 'ФИО длиннее 200 символов'),
  })
  .strict();

const curatorFields = {
  position: z.string().trim().min(1, 'Укажите должность').max(200, 'Должность длиннее 200 символов'),
  workUnitId: z.uuid('Выберите организацию').nullable().optional(),
  workplace: optionalText(300, 'Место работы длиннее 300 символов'),
  phone: optionalText(50, 'Телефон длиннее 50 символов'),
  email: z.email('Неверный адрес почты').max(200).nullable().optional(),
};

/** A curator: an existing account by its login, or a new account created by the region for him. */
export const createCuratorInput = z
  .object({
    login: z.string().trim().min(1).max(100).optional(),
    newAccount: newAccount.optional(),
    ...curatorFields,
  })
  .strict()
  .refine((v) => Boolean(v.login) !== Boolean(v.newAccount), {
    message: 'Выберите существующую учётную запись или создайте новую',
    path: ['login'],
  });

export const updateCuratorInput = z
  .object({
    position: curatorFields.position.optional(),
    workUnitId: curatorFields.workUnitId,
    workplace: curatorFields.workplace,
    phone: curatorFields.phone,
    email: curatorFields.email,
    active: z.boolean().optional(),
    version: recordVersion(),
  })
  .strict();

export const assignCuratorInput = z
  .object({
    curatorId: z.uuid('Выберите куратора'),
    schoolIds: z.array(z.uuid()).min(1, 'Выберите хотя бы одну школу').max(50, 'Не больше 50 школ за раз'),
    year,
    order: orderInput,
  })
  .strict();

export const createPairInput = z
  .object({
    schoolId: z.uuid('Выберите школу'),
    mentorSchoolId: z.uuid('Выберите школу-наставника'),
    year,
    order: orderInput,
  })
  .strict();

const agreementFields = {
  kinds: z.array(z.enum(AGREEMENT_KINDS)).min(1, 'Отметьте хотя бы один вид соглашения'),
  number: optionalText(50, 'Номер длиннее 50 символов'),
  signedOn: isoDate('Дата подписания в формате ГГГГ-ММ-ДД'),
  validFrom: isoDate('Дата в формате ГГГГ-ММ-ДД').nullable().optional(),
  validTo: isoDate('Дата в формате ГГГГ-ММ-ДД').nullable().optional(),
};

const datesInOrder = (v: { validFrom?: string | null; validTo?: string | null }) =>
  !v.validFrom || !v.validTo || v.validFrom <= v.validTo;
const datesMessage = { message: 'Срок действия кончается раньше, чем начинается', path: ['validTo'] };

export const agreementInput = z.object(agreementFields).strict().refine(datesInOrder, datesMessage);
export const updateAgreementInput = z
  .object({
    ...agreementFields,
    kinds: agreementFields.kinds.optional(),
    signedOn: agreementFields.signedOn.optional(),
    version: recordVersion(),
  })
  .strict()
  .refine(datesInOrder, datesMessage);

export const appendixQuery = z.object({
  kind: z.enum(['curators', 'pairs']),
  year: z.coerce.number().int().min(2000).max(2100),
  municipalityId: z.uuid().optional(),
});
