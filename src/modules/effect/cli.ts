import { errorText, parseCliArgs } from '../../cli/identify.js';
import { GEN_WORDS } from '../../lib/counted.js';
import { AppError } from '../../lib/errors.js';
import { countLabel } from '../../lib/plural.js';
import { readPackage } from '../assessment-data/read-package.js';
import { EffectInputError, type EffectResult, estimateEffect, signed } from './estimate.js';
import { readSchoolList } from './read-list.js';

// `opora evaluate-effect --data DIR --treated FILE --year T [--exclude FILE] [--json]`: the effect of
// support of list year T on R in T+1, from a data package, with no database and no configuration
// (issue 13 §4, docs/data-formats.md «Эффект поддержки»). Exit codes: 0 — printed; 2 — bad command line
// or bad input (package, list, years), with a Russian message on stderr.

export const USAGE = `Использование: opora evaluate-effect --data DIR --treated FILE --year T [--exclude FILE] [--json]

  --data      пакет данных оценочных процедур (папка с CSV или .xlsx)
  --treated   CSV с заголовком school_id: школы, поддержанные по списку года T
  --year      год списка T (результаты нужны за T−1, T и T+1)
  --exclude   CSV с заголовком school_id: школы, поддержанные в другие годы, — не входят в сравнение
  --json      результат в JSON`;

const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** The document `--json` prints: the keys of issue 13 §4, then the balance. */
export function effectJson(r: EffectResult) {
  return {
    year: r.year,
    outcomeYear: r.outcomeYear,
    treated: r.treated,
    comparison: r.comparison,
    naive: { estimate: round(r.naive.estimate) },
    effect: {
      estimate: round(r.effect.estimate),
      ciLow: round(r.effect.ciLow),
      ciHigh: round(r.effect.ciHigh),
      method: r.effect.method,
    },
    balance: {
      pool: r.balance.pool,
      adjustment: round(r.balance.adjustment),
      covariates: r.balance.covariates.map((b) => ({
        covariate: b.covariate,
        treatedMean: round(b.treatedMean),
        poolMean: round(b.poolMean),
        matchedMean: round(b.matchedMean),
        smdBefore: round(b.smdBefore),
        smdAfter: round(b.smdAfter),
      })),
    },
    notes: r.notes,
  };
}

export function effectText(r: EffectResult): string {
  const smd = (v: number) =>
    v.toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const lines = [
    `Эффект поддержки школ списка ${r.year} года на R ${r.outcomeYear} года (R — доля участников без «2», методика opora-default)`,
    `Поддержанных школ с R за три года: ${r.treated}; школ сравнения: ${r.comparison} ` +
      `(подобраны из ${countLabel(r.balance.pool, GEN_WORDS.school)} без поддержки)`,
    '',
    `  Простое «до и после», R(${r.outcomeYear}) − R(${r.year}):  ${signed(r.naive.estimate)}`,
    `  Эффект (разность разностей):         ${signed(r.effect.estimate)}, ` +
      `95 % интервал от ${signed(r.effect.ciLow)} до ${signed(r.effect.ciHigh)}`,
    '',
    'Баланс групп до поддержки (стандартизованная разность средних; до → после сопоставления):',
    ...r.balance.covariates.map(
      (b) => `  ${b.covariate.padEnd(24)} ${smd(b.smdBefore).padStart(6)} → ${smd(b.smdAfter)}`,
    ),
    `  Поправка регрессией на оставшиеся различия: ${signed(r.balance.adjustment)}`,
    '',
    ...r.notes.map((n) => `• ${n}`),
    '',
    `Метод: ${r.effect.method}.`,
  ];
  return lines.join('\n');
}

/** Runs the command; returns the exit code. */
export async function runEvaluateEffect(args: string[]): Promise<number> {
  try {
    const v = parseCliArgs(args, {
      data: { type: 'string' },
      treated: { type: 'string' },
      year: { type: 'string' },
      exclude: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (typeof v.data !== 'string') throw new EffectInputError('Укажите пакет данных: --data DIR');
    if (typeof v.treated !== 'string')
      throw new EffectInputError('Укажите файл поддержанных школ: --treated FILE');
    if (typeof v.year !== 'string' || !/^\d{4}$/.test(v.year))
      throw new EffectInputError('Укажите год списка: --year 2023');
    const treated = await readSchoolList(v.treated, 'файл поддержанных школ');
    if (treated.size === 0) throw new EffectInputError(`Файл поддержанных школ ${v.treated} пуст`);
    const exclude =
      typeof v.exclude === 'string' ? await readSchoolList(v.exclude, 'файл исключаемых школ') : undefined;
    const pkg = await readPackage(v.data);
    const result = estimateEffect(pkg, Number(v.year), treated, exclude ? { exclude } : {});
    process.stdout.write(`${v.json ? JSON.stringify(effectJson(result)) : effectText(result)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof EffectInputError || e instanceof AppError || isCliError(e)) {
      process.stderr.write(`${errorText(e)}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

/** parseCliArgs and readPackage's file errors are plain Errors with Russian messages. */
function isCliError(e: unknown): boolean {
  return e instanceof Error && /[А-Яа-яЁё]/.test(e.message);
}
