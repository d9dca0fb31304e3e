import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_YEAR, MIN_YEAR } from '../modules/assessment-data/types.js';
import { writeGeneratedCsv, writeGeneratedXlsx } from '../modules/assessment-data/write-package.js';
import { parseCliArgs } from './identify.js';

// `opora generate-data --schools N --years K --seed S --out DIR [--format csv|xlsx] [--last-year Y]`:
// a deterministic synthetic package for the demo and benchmarks, with no database and no configuration.

function whole(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`--${name}: нужно целое число от ${min} до ${max}, а не «${value}»`);
  }
  return Number(value);
}

export async function generateDataCommand(args: string[], now = new Date()): Promise<void> {
  const v = parseCliArgs(args, {
    schools: { type: 'string' },
    years: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    'last-year': { type: 'string' },
  });
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const out = str(v.out);
  if (!out) throw new Error('Укажите папку для пакета: --out DIR');
  const format = str(v.format) ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw new Error(`--format: csv или xlsx, а не «${format}»`);
  const schools = whole(str(v.schools), 'schools', 1, 1_000_000, 2000);
  const years = whole(str(v.years), 'years', 1, 30, 4);
  const seed = whole(str(v.seed), 'seed', 0, 4_294_967_295, 1);
  const lastYear = whole(
    str(v['last-year']),
    'last-year',
    MIN_YEAR + years - 1,
    MAX_YEAR,
    now.getFullYear() - 1,
  );
  const opts = { schools, years, seed, lastYear };

  const started = performance.now();
  const written =
    format === 'csv'
      ? writeGeneratedCsv(opts, out)
      : await writeGeneratedXlsx(opts, /\.xlsx$/i.test(out) ? out : path.join(out, 'package.xlsx'));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const num = (x: number) => x.toLocaleString('ru-RU');
  const r = written.rows;
  process.stdout.write(
    [
      `Пакет данных за ${lastYear - years + 1}–${lastYear} годы записан за ${seconds} с:`,
      ...written.files.map((f) => `  ${f}`),
      `Школ: ${num(r.schools)}; строк результатов: ${num(r.results)}; контекста: ${num(r.context)};` +
        ` подтверждения отметок: ${num(r.confirmation)}`,
      '',
    ].join('\n'),
  );
}
