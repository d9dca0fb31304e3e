import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../lib/errors.js';
import { readPackage } from '../modules/assessment-data/read-package.js';
import { FLAG_KEYS, identifyYear, type YearIdentification } from '../modules/identification/identify.js';
import { type Methodology, OPORA_DEFAULT, parseMethodology } from '../modules/identification/methodology.js';
import { decimal, percent } from '../modules/identification/reasons.js';
import { FLAG_LABELS, summarize } from '../modules/identification/summary.js';

// `opora identify --data DIR --year Y [--methodology FILE] [--approved FILE] [--json]`: identification of
// one year from a data package, with no database and no configuration.

type CliOptions = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;
export type CliValues = Record<string, string | boolean | undefined>;

/** parseArgs with Russian messages for unknown or incomplete options. */
export function parseCliArgs(args: string[], options: CliOptions): CliValues {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as CliValues;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const text = e instanceof Error ? e.message : String(e);
    const option = /'([^']+)'/.exec(text)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new Error(`Неизвестный параметр ${option ?? ''} (справка: opora help)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new Error(`Не указано значение параметра ${option ?? ''}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new Error(`Лишний аргумент ${option ?? ''} (справка: opora help)`);
    throw e;
  }
}

/** The error for stderr: the message and, for a rejected package, the rows. */
export function errorText(e: unknown): string {
  if (e instanceof AppError) {
    const rows = e.details?.rows ?? [];
    const fields = e.details?.fields ?? [];
    const lines = [e.message];
    for (const r of rows.slice(0, 50)) lines.push(`  ${r.field ?? ''}, строка ${r.row}: ${r.message}`);
    if (rows.length > 50) lines.push(`  … и ещё ${rows.length - 50}`);
    if (rows.length === 0) for (const f of fields) lines.push(`  ${f.field}: ${f.message}`);
    return lines.join('\n');
  }
  return e instanceof Error ? e.message : String(e);
}

async function readJson(file: string, what: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`Не удалось прочитать ${what}: ${file}`);
  });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what} ${file} — не JSON: ${e instanceof Error ? e.message : e}`);
  }
}

async function loadMethodology(file: string | undefined): Promise<Methodology> {
  if (!file) return OPORA_DEFAULT;
  const doc = await readJson(file, 'файл методики');
  try {
    return parseMethodology(doc);
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, `Файл методики ${file}: ${e.message}`, e.details);
    throw e;
  }
}

async function loadApproved(file: string | undefined): Promise<Map<number, Set<string>> | undefined> {
  if (!file) return undefined;
  const doc = await readJson(file, 'файл утверждённых списков');
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new Error(`Файл утверждённых списков ${file}: нужен объект {"год": ["school_id", …]}`);
  }
  const out = new Map<number, Set<string>>();
  for (const [year, ids] of Object.entries(doc)) {
    if (!/^\d{4}$/.test(year) || !Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) {
      throw new Error(
        `Файл утверждённых списков ${file}: «${year}» — нужен год и список идентификаторов школ`,
      );
    }
    out.set(Number(year), new Set(ids as string[]));
  }
  return out;
}

/** The document `--json` prints: exactly the keys of issue 4. */
export function identificationJson(r: YearIdentification) {
  return {
    year: r.year,
    methodology: { id: r.methodology.id, version: r.methodology.version },
    schools: r.schools.map((s) => ({
      schoolId: s.schoolId,
      isbsh: s.isbsh,
      cluster: s.cluster,
      resultIndex: s.resultIndex,
      flags: s.flags,
      lowProcedures: s.lowProcedures,
      reasons: s.reasons,
    })),
  };
}

export async function identifyCommand(args: string[]): Promise<void> {
  const values = parseCliArgs(args, {
    data: { type: 'string' },
    year: { type: 'string' },
    methodology: { type: 'string' },
    approved: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (typeof values.data !== 'string') throw new Error('Укажите пакет данных: --data DIR');
  if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year)) {
    throw new Error('Укажите год: --year 2024');
  }
  const year = Number(values.year);
  const methodology = await loadMethodology(
    typeof values.methodology === 'string' ? values.methodology : undefined,
  );
  const approvedShnor = await loadApproved(typeof values.approved === 'string' ? values.approved : undefined);
  const pkg = await readPackage(values.data);
  if (!pkg.years.includes(year)) {
    const have = pkg.years.length > 0 ? `есть: ${pkg.years.join(', ')}` : 'в results.csv нет строк';
    throw new Error(`В пакете нет результатов за ${year} год (${have})`);
  }
  const result = identifyYear(pkg, year, methodology, { approvedShnor });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(identificationJson(result))}\n`);
    return;
  }
  const summary = summarize(pkg, result);
  const n = summary.schools;
  const t = result.thresholds;
  const num = (x: number) => x.toLocaleString('ru-RU');
  const lines = [
    `Выявление за ${year} год по методике ${methodology.id}, версия ${methodology.version} — ${methodology.name}`,
    `Школ в пакете: ${num(n)}; с ИСБШ: ${num(t.schoolsWithIsbsh)}; с индексом результатов R: ${num(t.schoolsWithResultIndex)}`,
    '',
    ...FLAG_KEYS.map(
      (k) =>
        `  ${FLAG_LABELS[k].padEnd(26)} ${num(summary.counts[k]).padStart(8)}  (${percent(n ? summary.counts[k] / n : 0)})`,
    ),
    '',
    `Порог ШНСУ: ИСБШ ≤ ${t.shnsuIsbsh === null ? '—' : decimal(t.shnsuIsbsh, 3)} (место ${t.shnsuRank} из ${t.schoolsWithIsbsh});` +
      ` порог резильентности: R ≥ ${t.resilientResultIndex === null ? '—' : decimal(t.resilientResultIndex, 3)}` +
      ` (место ${t.resilientRank} из ${t.schoolsWithResultIndex} по убыванию)`,
  ];
  if (t.zeroSpreadIndicators.length > 0) {
    lines.push(`Показатели без разброса (пропущены в ИСБШ): ${t.zeroSpreadIndicators.join(', ')}`);
  }
  const top = summary.municipalities.filter((m) => m.counts.shnor > 0).slice(0, 10);
  lines.push(
    '',
    top.length > 0
      ? `Муниципалитеты с наибольшим числом ШНОР (${top.length}):`
      : 'ШНОР нет ни в одном муниципалитете.',
  );
  for (const m of top) {
    lines.push(
      `  ${m.name} — ШНОР ${m.counts.shnor} из ${m.schools} (${percent(m.counts.shnor / m.schools)}),` +
        ` ШНСУ ${m.counts.shnsu}, зона риска ${m.counts.riskZone}, стагнация ${m.counts.stagnation}`,
    );
  }
  lines.push('', 'Список школ с причинами: добавьте --json');
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Entry of main.ts for the commands without a database: Russian errors to stderr, exit code 1. */
export async function standaloneCommand(
  command: 'identify' | 'generate-data',
  args: string[],
): Promise<void> {
  // `… --json | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  try {
    if (command === 'identify') await identifyCommand(args);
    else await (await import('./generate-data.js')).generateDataCommand(args);
  } catch (e) {
    process.stderr.write(`${errorText(e)}\n`);
    process.exitCode = 1;
  }
}
