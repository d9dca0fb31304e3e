import { z } from 'zod';
import { INSTRUMENT_ITEM_TYPES, RESPONDENT_GROUPS, type RespondentGroup } from '../../db/schema/values.js';

// The instrument JSON: what the system stores and exports, and what `opora risk-profile --instrument`
// reads (docs/data-formats.md). Keys the rule does not use (titles, descriptions, sections, conditions)
// are kept as they are, so an editor may add them without a new format.

const code = z.string().trim().min(1, 'Укажите код').max(100, 'Код — не длиннее 100 символов');
const risk = z.number().min(0, 'Риск — от 0 до 1').max(1, 'Риск — от 0 до 1');

export const optionSchema = z.looseObject({
  value: code,
  label: z.string().max(500).optional(),
  risk,
});

export const riskIfSchema = z.object({
  op: z.enum(['>=', '<=']),
  value: z.number(),
});

export const itemSchema = z.looseObject({
  id: code,
  group: z.enum(RESPONDENT_GROUPS),
  factor: code,
  type: z.enum(INSTRUMENT_ITEM_TYPES),
  weight: z.number().positive('Вес вопроса — больше нуля').optional(),
  text: z.string().max(2000).optional(),
  options: z.array(optionSchema).optional(),
  riskIf: riskIfSchema.optional(),
});

export const factorSchema = z.looseObject({
  code,
  name: z.string().trim().min(1, 'Укажите название фактора').max(500),
});

const groupCounts = z.object({
  director: z.number().int().min(1).optional(),
  teacher: z.number().int().min(1).optional(),
  pupil: z.number().int().min(1).optional(),
  parent: z.number().int().min(1).optional(),
});

export const ruleSchema = z.looseObject({
  id: z.literal('opora-risk-default'),
  thresholds: z
    .object({ high: z.number(), medium: z.number(), low: z.number() })
    .optional()
    .refine((t) => !t || (t.high >= t.medium && t.medium >= t.low), 'Пороги: высокий ≥ средний ≥ низкий'),
  minRespondents: groupCounts.optional(),
});

export const instrumentSchema = z
  .looseObject({
    id: code,
    version: z.number().int().min(1),
    factors: z.array(factorSchema).min(1, 'Нужен хотя бы один фактор риска'),
    items: z.array(itemSchema).min(1, 'Нужен хотя бы один вопрос'),
    rule: ruleSchema.optional(),
  })
  .superRefine((ins, ctx) => {
    const factors = new Set<string>();
    ins.factors.forEach((f, i) => {
      if (factors.has(f.code))
        ctx.addIssue({
          code: 'custom',
          path: ['factors', i, 'code'],
          message: `Фактор ${f.code} указан дважды`,
        });
      factors.add(f.code);
    });
    const items = new Set<string>();
    ins.items.forEach((item, i) => {
      const at = (key: string) => ['items', i, key];
      if (items.has(item.id))
        ctx.addIssue({ code: 'custom', path: at('id'), message: `Вопрос ${item.id} указан дважды` });
      items.add(item.id);
      if (!factors.has(item.factor)) {
        ctx.addIssue({
          code: 'custom',
          path: at('factor'),
          message: `Вопрос ${item.id}: нет фактора ${item.factor}`,
        });
      }
      if (item.type === 'number') {
        if (!item.riskIf)
          ctx.addIssue({
            code: 'custom',
            path: at('riskIf'),
            message: `Вопрос ${item.id}: для числа нужно правило riskIf`,
          });
        return;
      }
      if (!item.options?.length) {
        ctx.addIssue({
          code: 'custom',
          path: at('options'),
          message: `Вопрос ${item.id}: нужны варианты ответа`,
        });
        return;
      }
      const values = new Set<string>();
      for (const o of item.options) {
        if (values.has(o.value))
          ctx.addIssue({
            code: 'custom',
            path: at('options'),
            message: `Вопрос ${item.id}: вариант ${o.value} указан дважды`,
          });
        values.add(o.value);
      }
    });
  });

export type Instrument = z.infer<typeof instrumentSchema>;
export type InstrumentItem = z.infer<typeof itemSchema>;
export type RiskRule = {
  thresholds: { high: number; medium: number; low: number };
  minRespondents: Record<RespondentGroup, number>;
};

export const DEFAULT_RULE: RiskRule = Object.freeze({
  thresholds: { high: 0.6, medium: 0.4, low: 0.2 },
  minRespondents: { director: 1, teacher: 5, pupil: 5, parent: 5 },
});

/** The rule's parameters of an instrument: its own where given, the defaults elsewhere. */
export function ruleOf(instrument: Instrument): RiskRule {
  return {
    thresholds: instrument.rule?.thresholds ?? DEFAULT_RULE.thresholds,
    minRespondents: { ...DEFAULT_RULE.minRespondents, ...instrument.rule?.minRespondents },
  };
}
