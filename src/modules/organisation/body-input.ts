import { z } from 'zod';
import { BODY_KINDS, PERIODICITIES } from '../../db/schema/values.js';
import { isoDate, recordVersion } from '../../lib/input.js';
import { orderInput } from './orders.js';

// What a form of a working body sends: the body, its order (optional: a body may be recorded before
// its order is signed) and its members, one of them the chair.

const text = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, `Не длиннее ${max} знаков`);

export const memberInput = z
  .object({
    fullName: text(200, 'Укажите ФИО'),
    position: z.string().trim().max(200).nullish(),
    orgUnitId: z.uuid().nullish(),
    userId: z.uuid().nullish(),
    isChair: z.boolean().default(false),
  })
  .strict();
export type MemberInput = z.infer<typeof memberInput>;

export const createBodyInput = z
  .object({
    orgUnitId: z.uuid(),
    kind: z.enum(BODY_KINDS),
    name: text(300, 'Укажите название'),
    periodicity: z.enum(PERIODICITIES).nullish(),
    activeFrom: isoDate('Дата начала в формате ГГГГ-ММ-ДД'),
    activeTo: isoDate('Дата окончания в формате ГГГГ-ММ-ДД').nullish(),
    order: orderInput.nullish(),
    members: z.array(memberInput).max(100).default([]),
  })
  .strict();
export type CreateBodyInput = z.input<typeof createBodyInput>;

export const updateBodyInput = z
  .object({
    version: recordVersion(),
    name: text(300, 'Укажите название').optional(),
    periodicity: z.enum(PERIODICITIES).nullish(),
    activeFrom: isoDate('Дата начала в формате ГГГГ-ММ-ДД').optional(),
    activeTo: isoDate('Дата окончания в формате ГГГГ-ММ-ДД').nullish(),
    /** the whole list: members are replaced */
    members: z.array(memberInput).max(100).optional(),
  })
  .strict();
export type UpdateBodyInput = z.input<typeof updateBodyInput>;

export const listBodiesQuery = z.object({ unitId: z.uuid().optional() }).strict();
