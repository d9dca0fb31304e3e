import { z } from 'zod';
import { DEADLINE_KINDS } from './kinds.js';

// The API's shapes of deadlines and escalation (issue 15 §3): the region's rules and the live list.

const days = (label: string) =>
  z
    .number({ message: `${label}: укажите целое число дней` })
    .int({ message: `${label}: укажите целое число дней` })
    .min(1, { message: `${label}: не меньше 1 дня` })
    .max(90, { message: `${label}: не больше 90 дней` });

export const RULE_LABELS = {
  dueSoonDays: 'Напоминать за N дней до срока',
  schoolOverdueDays: 'Передавать выше, если школа просрочила более N дней',
  municipalityOverdueDays: 'Передавать выше, если муниципалитет просрочил более N дней',
  enabled: 'Включено',
} as const;

export const escalationRulesView = z.object({
  regionId: z.string(),
  regionName: z.string(),
  enabled: z.boolean(),
  dueSoonDays: z.number().int(),
  schoolOverdueDays: z.number().int(),
  municipalityOverdueDays: z.number().int(),
  /** 0 — the defaults, never saved */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type EscalationRulesView = z.infer<typeof escalationRulesView>;

export const escalationRulesInput = z
  .object({
    enabled: z.boolean({ message: 'Укажите, включены ли напоминания' }),
    dueSoonDays: days('Напоминать за'),
    schoolOverdueDays: days('Порог для школы'),
    municipalityOverdueDays: days('Порог для муниципалитета'),
    version: z.number().int().min(0),
  })
  .strict();
export type EscalationRulesInput = z.infer<typeof escalationRulesInput>;

export const escalationKind = z.enum(DEADLINE_KINDS);

export const escalationsQuery = z
  .object({
    municipalityId: z.uuid({ message: 'Неверный идентификатор муниципалитета' }).optional(),
    kind: escalationKind.optional(),
  })
  .strict();
export type EscalationsQuery = z.infer<typeof escalationsQuery>;

export const escalationView = z.object({
  kind: escalationKind,
  id: z.string(),
  title: z.string(),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.enum(['school', 'municipality']) }),
  municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueDate: z.string(),
  ageDays: z.number().int(),
  /** who it is reported to: «куратор и муниципалитет» for a school, «регион» for a municipality */
  reportedTo: z.enum(['curator_municipality', 'region']),
  link: z.string(),
});
export type EscalationView = z.infer<typeof escalationView>;

export const escalationListView = z.object({
  today: z.string(),
  items: z.array(escalationView),
  municipalities: z.array(z.object({ id: z.string(), name: z.string() })),
});
