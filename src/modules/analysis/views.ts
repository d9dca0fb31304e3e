import { z } from 'zod';
import { ORG_KINDS } from '../../db/schema/values.js';
import { chartSpecSchema } from '../../lib/chart-spec.js';
import { figureSourceSchema } from '../reports/report-model.js';

// Response shapes of «Позитивные изменения» and «Эффект поддержки» (issue 13 §3–4), declared once: the
// API documents them, the operations' and the pages' types derive from them.

const int = z.number().int();
const num = z.number().nullable();
const unitRef = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORG_KINDS) });
const listRef = z.object({
  id: z.uuid(),
  year: int,
  status: z.enum(['approved', 'draft']),
  orderNumber: z.string().nullable(),
  orderDate: z.string().nullable(),
});

// ---- Positive change (§3) ----

export const procedureChangeView = z.object({
  procedure: z.string().describe('Процедура: «ВПР, математика, 5 класс»'),
  before: num.describe('Доля «2» в году T (0…1); null — не писали'),
  after: num.describe('Доля «2» в году T+1'),
});

export const schoolChangeView = z.object({
  school: z.object({ id: z.uuid(), name: z.string() }),
  municipality: z.object({ id: z.uuid(), name: z.string() }),
  rBefore: num,
  rAfter: num,
  rChange: num.describe('R(T+1) − R(T), доля 0…1'),
  lowBefore: int.nullable(),
  lowAfter: int.nullable(),
  /** null: no list of T+1 yet */
  leftList: z.boolean().nullable(),
  stagnating: z.boolean().nullable(),
  highRisksBefore: int.nullable().describe('Высоких рисков в первом профиле; null — профилей меньше двух'),
  highRisksAfter: int.nullable(),
  roadmapDone: int.nullable().describe('Выполнено мероприятий карты школы на учебный год T/T+1'),
  roadmapTotal: int.nullable(),
  programs: int.describe('Утверждённых или опубликованных программ школы года T'),
  procedures: z.array(procedureChangeView),
  /** Share of «2» by subject (all assessments and grades together), for the recommendation rules. */
  subjects: z.array(z.object({ subject: z.string(), before: num, after: num })),
});

export const changeSummaryView = z.object({
  unit: unitRef,
  schools: int,
  withResults: int.describe('Школ с R в обоих годах'),
  meanBefore: num,
  meanAfter: num,
  meanChange: num,
  improved: int.describe('Школ, у которых R вырос'),
  left: int.nullable(),
  stagnating: int.nullable(),
  lowBefore: int,
  lowAfter: int,
  executionShare: num.describe('Доля выполненных мероприятий карт школ (0…1)'),
});

const sources = z.object({
  r: figureSourceSchema,
  left: figureSourceSchema,
  low: figureSourceSchema,
  execution: figureSourceSchema,
  risks: figureSourceSchema,
});

export const positiveChangeView = z.object({
  unit: unitRef,
  year: int.nullable().describe('Год списка T; null — нет подходящего списка'),
  years: z.array(int).describe('Годы утверждённых списков ШНОР с данными следующего года'),
  list: listRef.nullable(),
  nextList: listRef.nullable(),
  nextListBasis: z.string().describe('По какому списку T+1 определены выход и повторное включение'),
  message: z.string().nullable(),
  summary: changeSummaryView.nullable(),
  units: z.array(changeSummaryView).describe('Организации уровнем ниже (муниципалитеты региона)'),
  schools: z.array(schoolChangeView),
  charts: z.object({
    beforeAfter: chartSpecSchema.nullable(),
    distribution: chartSpecSchema.nullable(),
    municipalities: chartSpecSchema.nullable(),
  }),
  sources: sources.nullable(),
});
export type PositiveChangeView = z.infer<typeof positiveChangeView>;
export type SchoolChangeView = z.infer<typeof schoolChangeView>;
export type ChangeSummaryView = z.infer<typeof changeSummaryView>;

// ---- The effect of support (§4) ----

const estimateView = z.object({
  treated: int,
  comparison: int,
  naive: z.number(),
  estimate: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  significant: z.boolean().describe('Интервал не включает ноль'),
});

export const effectView = z.object({
  unit: unitRef,
  year: int.nullable().describe('Год списка T; null — нет подходящего списка'),
  years: z.array(int).describe('Годы утверждённых списков ШНОР с данными за T−1, T и T+1'),
  list: listRef.nullable(),
  message: z.string().nullable(),
  result: estimateView
    .extend({
      method: z.string(),
      pool: int.describe('Неподдержанных школ с R за три года, из которых подбирались пары'),
      adjustment: z.number().describe('Поправка регрессией: оценка минус одно сопоставление'),
      explanation: z.string(),
      notes: z.array(z.string()),
      balance: z.array(
        z.object({
          covariate: z.string(),
          treatedMean: z.number(),
          poolMean: z.number(),
          matchedMean: z.number(),
          smdBefore: z.number(),
          smdAfter: z.number(),
        }),
      ),
    })
    .nullable(),
  eventStudy: chartSpecSchema.nullable(),
  municipalities: z.array(
    z.object({
      unit: unitRef,
      treated: int.describe('ШНОР муниципалитета из списка T с R за три года'),
      estimate: estimateView.nullable().describe(`null — поддержанных школ меньше минимума`),
    }),
  ),
  municipalityMinimum: z.string(),
  methodology: z.array(z.string()),
  sources: z
    .object({
      effect: figureSourceSchema,
      naive: figureSourceSchema,
      counts: figureSourceSchema,
      eventStudy: figureSourceSchema,
      balance: figureSourceSchema,
      municipality: figureSourceSchema,
    })
    .nullable(),
  elapsedMs: int.describe('Время расчёта на сервере, мс'),
});
export type EffectView = z.infer<typeof effectView>;
