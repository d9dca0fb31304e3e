import { z } from 'zod';
import { isoDate, recordVersion } from '../../lib/input.js';
import { DIAG_MSG } from './strings.js';

// Inputs of the diagnostics module: the API declares them and the forms of the UI validate with them.

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Ключ: латинские строчные буквы, цифры и «_», до 40 знаков');
const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Укажите ${what}`)
    .max(200, `${what[0]?.toUpperCase()}${what.slice(1)} длиннее 200 символов`);

const levelInput = z
  .object({
    key,
    name: name('название уровня'),
    minPercent: z
      .number('Нижняя граница — число')
      .min(0, 'Нижняя граница не меньше 0 %')
      .max(100, 'Нижняя граница не больше 100 %'),
    needsRoute: z.boolean('Укажите, нужен ли ИОМ'),
  })
  .strict();

/** A scale of levels: 2–6 levels from 0 % up, keys and names unique, at least one needing a route. */
export const levelsInput = z
  .array(levelInput)
  .min(2, DIAG_MSG.scaleCount)
  .max(6, DIAG_MSG.scaleCount)
  .superRefine((levels, ctx) => {
    if (levels[0] && levels[0].minPercent !== 0)
      ctx.addIssue({ code: 'custom', message: DIAG_MSG.scaleFirstZero });
    if (levels.some((l, i) => i > 0 && l.minPercent <= (levels[i - 1]?.minPercent ?? 0)))
      ctx.addIssue({ code: 'custom', message: DIAG_MSG.scaleAscending });
    if (new Set(levels.map((l) => l.key)).size !== levels.length)
      ctx.addIssue({ code: 'custom', message: DIAG_MSG.scaleKeys });
    if (new Set(levels.map((l) => l.name.toLowerCase())).size !== levels.length)
      ctx.addIssue({ code: 'custom', message: DIAG_MSG.scaleNames });
    if (!levels.some((l) => l.needsRoute)) ctx.addIssue({ code: 'custom', message: DIAG_MSG.scaleNoRoute });
  });

export const saveScaleInput = z
  .object({
    regionId: z.uuid('Неверный идентификатор региона'),
    levels: levelsInput,
    version: recordVersion().optional(),
  })
  .strict();

export const scaleQuery = z.object({ regionId: z.uuid('Неверный идентификатор региона').optional() });

const blockInput = z
  .object({
    key,
    name: name('название блока'),
    maxScore: z
      .number('Максимальный балл — число')
      .int('Максимальный балл — целое число')
      .min(1, 'Максимальный балл не меньше 1')
      .max(1000, 'Максимальный балл не больше 1000'),
  })
  .strict();

export const blocksInput = z
  .array(blockInput)
  .min(1, 'Добавьте хотя бы один блок')
  .max(12, 'Блоков не больше 12')
  .superRefine((blocks, ctx) => {
    if (new Set(blocks.map((b) => b.key)).size !== blocks.length)
      ctx.addIssue({ code: 'custom', message: DIAG_MSG.blocksKeys });
    if (new Set(blocks.map((b) => b.name.toLowerCase())).size !== blocks.length)
      ctx.addIssue({ code: 'custom', message: DIAG_MSG.blocksNames });
  });

const diagnosticFields = {
  name: name('название диагностики'),
  conductedOn: isoDate('Дата проведения в формате ГГГГ-ММ-ДД'),
  year: z
    .number('Учебный год — число')
    .int('Учебный год — целое число')
    .min(2000, 'Год не раньше 2000')
    .max(2100, 'Год не позже 2100'),
  organiser: name('организатора'),
  blocks: blocksInput,
  previousId: z.uuid('Неверный идентификатор предыдущей диагностики').nullable().optional(),
};

export const createDiagnosticInput = z
  .object({ ownerUnitId: z.uuid('Выберите организацию-проводящую'), ...diagnosticFields })
  .strict();

export const updateDiagnosticInput = z
  .object({ ...diagnosticFields, version: recordVersion() })
  .partial()
  .required({ version: true })
  .strict();

export const listDiagnosticsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const importQuery = z.object({
  /** the school whose teachers the file is for; absent — the owner's import, or the actor's own school */
  schoolId: z.uuid('Неверный идентификатор школы').optional(),
});

export const applyImportInput = z
  .object({
    version: recordVersion(),
    /** per doubtful row (by its row number): the chosen teacher, or null to skip the row */
    decisions: z
      .array(z.object({ row: z.number().int().min(1).max(1_000_000), staffId: z.uuid().nullable() }).strict())
      .max(10_000),
  })
  .strict();

export const summaryQuery = z.object({ unitId: z.uuid('Неверный идентификатор организации').optional() });
