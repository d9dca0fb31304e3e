import { z } from 'zod';
import { parseInput } from '../../lib/errors.js';

// A methodology of identification is a versioned JSON document: every threshold, count, year, percentile
// and list the rules use is a parameter here (docs/data-formats.md, «Методика opora-default»).

const share = z.number().min(0).max(1);
const count = z.number().int().min(0);

export const indicatorSchema = z
  .object({
    /** Column of context.csv. */
    name: z.string().trim().min(1, 'Укажите столбец контекстных данных'),
    /** +1 where a higher share means better conditions, −1 otherwise. */
    direction: z.union([z.literal(1), z.literal(-1)]),
  })
  .strict();

export const methodologySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Латинские строчные буквы, цифры, «-» и «_»')
      .max(100),
    version: z.number().int().min(1),
    name: z.string().trim().min(1, 'Укажите название версии').max(300, 'Название — не длиннее 300 символов'),
    description: z.string().max(10_000),

    /** Assessments whose procedures count (exact names, e.g. «ВПР»); null — all. */
    assessments: z.array(z.string().trim().min(1)).min(1).nullable(),
    /** Grades whose procedures count; null — all. */
    grades: z.array(z.number().int().min(1).max(11)).min(1).nullable(),
    /** A procedure counts for a school when participants ≥ this. */
    minParticipants: z.number().int().min(1),
    /** A counted procedure is low when mark2 / participants ≥ this. */
    lowShareThreshold: share,

    /** The absolute rule of ШНОР (the published regional rule). */
    lowResults: z
      .object({
        enabled: z.boolean(),
        /** Low procedures needed in the year. */
        minLowProcedures: count,
        /** Procedures low both in the year and in the year before. */
        minRepeatedLowProcedures: count,
      })
      .strict(),
    /** The cluster-relative rule of ШНОР: the bottom share of R within the cluster in consecutive years. */
    clusterRelative: z
      .object({
        enabled: z.boolean(),
        bottomShare: share,
        consecutiveYears: z.number().int().min(1).max(10),
      })
      .strict(),

    /** Зона риска: counted procedures with lowShare ≥ riskShareThreshold … */
    riskShareThreshold: share,
    /** … at least this many of them, */
    riskMinProcedures: count,
    /** … or at least this many low procedures. */
    riskMinLowProcedures: count,

    /** Context indicators of ИСБШ with their directions. */
    indicators: z.array(indicatorSchema).min(1),
    /** ИСБШ is defined when the school has values for at least this share of the indicators. */
    minIndicatorShare: share,
    clusters: z.number().int().min(1).max(100),
    /** ШНСУ: ИСБШ ≤ the ИСБШ at rank ceil(shnsuPercentile · n), ascending. */
    shnsuPercentile: share,
    /** Резильентная: R ≥ the R at rank ceil(resilientPercentile · m), descending. */
    resilientPercentile: share,
    /** Стагнация: ШНОР in this many consecutive years up to the year. */
    stagnationYears: z.number().int().min(2).max(20),
    /** Повторное попадание: [from, to] years back with ШНОР at least once; not ШНОР in the years between. */
    repeatWindow: z.tuple([z.number().int().min(2).max(20), z.number().int().min(2).max(20)]),
    objectivity: z
      .object({
        assessment: z.string().trim().min(1),
        minParticipants: z.number().int().min(1),
        /** raised / participants > this */
        raisedShare: share,
        /** lowered / participants > this */
        loweredShare: share,
      })
      .strict(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.repeatWindow[1] < m.repeatWindow[0]) {
      ctx.addIssue({
        code: 'custom',
        path: ['repeatWindow'],
        message: 'Конец окна не может быть раньше его начала',
      });
    }
    if (!m.lowResults.enabled && !m.clusterRelative.enabled) {
      ctx.addIssue({
        code: 'custom',
        path: ['lowResults', 'enabled'],
        message: 'Должно быть включено хотя бы одно правило ШНОР',
      });
    }
    const names = new Set<string>();
    m.indicators.forEach((ind, i) => {
      if (names.has(ind.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'name'],
          message: `Показатель ${ind.name} указан дважды`,
        });
      }
      names.add(ind.name);
    });
  });

export type Methodology = z.infer<typeof methodologySchema>;
export type MethodologyRef = { id: string; version: number };

/** `opora-default`, version 1, exactly as issue 4 defines it. */
export const OPORA_DEFAULT: Methodology = Object.freeze({
  id: 'opora-default',
  version: 1,
  name: 'Опора: методика по умолчанию',
  description:
    'ШНОР — не менее 30 % участников с отметкой «2» (не преодолевших минимальный порог) по двум и более ' +
    'оценочным процедурам в текущем году, а также по одной и той же процедуре в предыдущем и текущем годах. ' +
    'ШНСУ — нижние 20 % школ по индексу социального благополучия (ИСБШ).',
  assessments: null,
  grades: null,
  minParticipants: 5,
  lowShareThreshold: 0.3,
  lowResults: { enabled: true, minLowProcedures: 2, minRepeatedLowProcedures: 1 },
  clusterRelative: { enabled: false, bottomShare: 0.1, consecutiveYears: 2 },
  riskShareThreshold: 0.2,
  riskMinProcedures: 2,
  riskMinLowProcedures: 1,
  indicators: [
    { name: 'parents_higher_ed_share', direction: 1 },
    { name: 'incomplete_families_share', direction: -1 },
    { name: 'low_income_share', direction: -1 },
    { name: 'watch_list_share', direction: -1 },
    { name: 'non_native_russian_share', direction: -1 },
    { name: 'ovz_share', direction: -1 },
  ],
  minIndicatorShare: 0.5,
  clusters: 4,
  shnsuPercentile: 0.2,
  resilientPercentile: 0.25,
  stagnationYears: 3,
  repeatWindow: [2, 4],
  objectivity: { assessment: 'ВПР', minParticipants: 10, raisedShare: 0.15, loweredShare: 0.5 },
} satisfies Methodology);

/** Validates a methodology document (AppError INVALID_INPUT with the fields in Russian). */
export function parseMethodology(doc: unknown): Methodology {
  return parseInput(methodologySchema, doc);
}

/**
 * ceil(share · n) without float noise: a product within 1e-9 of a whole number is that number. For the
 * default shares (0.20, 0.25, 0.10) this equals plain Math.ceil for every n up to 100 000 anyway.
 */
export function ceilRank(share: number, n: number): number {
  const x = share * n;
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x)) ? r : Math.ceil(x);
}
