import { z } from 'zod';
import { ROLES } from '../../db/schema/values.js';

// Request schemas of the user accounts, apart from the operations (users.ts) so that the browser's forms
// can check with them without bundling the server code.

export const createUserInput = z.object({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{2,64}$/, 'Логин: 2–64 латинские буквы, цифры, точка, дефис или подчёркивание'),
  fullName: z.string().trim().min(2, 'Укажите ФИО').max(300),
  email: z.email('Неверный адрес почты').nullish(),
  position: z.string().trim().max(300).nullish(),
  password: z.string().min(8, 'Пароль не короче 8 символов').max(200),
});
export const updateUserInput = z.object({
  fullName: z.string().trim().min(2).max(300).optional(),
  email: z.email('Неверный адрес почты').nullish(),
  position: z.string().trim().max(300).nullish(),
  isActive: z.boolean().optional(),
  password: z.string().min(8, 'Пароль не короче 8 символов').max(200).optional(),
  version: z.number().int().min(1),
});
export const assignmentInput = z.object({
  role: z.enum(ROLES, { message: 'Неизвестная роль' }),
  orgUnitId: z.uuid(),
});

/** Changing one's own password (the profile page and POST /api/me/password). */
export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'Введите текущий пароль').max(200),
    newPassword: z
      .string()
      .min(8, 'Пароль должен быть не короче 8 символов')
      .max(200, 'Пароль слишком длинный'),
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Новый пароль должен отличаться от текущего',
  });
