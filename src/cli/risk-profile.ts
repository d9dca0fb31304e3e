import { readFile } from 'node:fs/promises';
import { RESPONDENT_GROUPS } from '../db/schema/values.js';
import { WORDS } from '../lib/counted.js';
import { countLabel } from '../lib/plural.js';
import { DEFAULT_RISK_FACTORS } from '../modules/risk-profiles/default-factors.js';
import { type Instrument, ruleOf } from '../modules/risk-profiles/instrument.js';
import {
  excludedGroupText,
  GROUP_PLURAL,
  LEVEL_LABELS,
} from '../modules/risk-profiles/instrument-strings.js';
import { parseInstrument } from '../modules/risk-profiles/parse-instrument.js';
import { orderedJson, profilesDocument } from '../modules/risk-profiles/profile-json.js';
import { readResponses } from '../modules/risk-profiles/read-responses.js';
import type { SchoolProfile } from '../modules/risk-profiles/score-profile.js';
import { parseCliArgs } from './identify.js';

// `opora risk-profile --instrument FILE.json --responses FILE.csv [--json] [--explain]`: the risk profiles
// of the schools of a responses file by the rule `opora-risk-default`, with no database and no
// configuration (issue 11 §3, docs/data-formats.md).
//
// Exit codes: 0 — profiles printed; 1 — a bad instrument or responses file (nothing computed); 2 — wrong
// command line. Errors go to stderr in Russian; with --json stdout also gets
// `{"errors":[{"file":"instrument"|"responses","row"?:n,"path"?:s,"message":s}],"totalErrors":n}`.

export const USAGE = `Использование: opora risk-profile --instrument АНКЕТА.json --responses ОТВЕТЫ.csv [--json] [--explain]

  --instrument   анкеты (инструмент) в JSON — тот же файл, что выгружает система
  --responses    ответы: CSV с заголовком school_id,group,respondent_id,item_id,answer
  --json         результат в JSON (формат: docs/data-formats.md, «Рисковый профиль»)
  --explain      с вопросами, которые определили уровень каждого фактора, и причинами исключения групп`;

type CliError = { file: 'instrument' | 'responses'; row?: number; path?: string; message: string };

class BadInput extends Error {
  constructor(
    readonly errors: CliError[],
    readonly totalErrors = errors.length,
  ) {
    super('bad input');
  }
}

async function readText(file: string, what: string): Promise<Buffer> {
  return readFile(file).catch(() => {
    throw new BadInput([
      {
        file: what === 'анкеты' ? 'instrument' : 'responses',
        message: `Не удалось прочитать файл ${what}: ${file}`,
      },
    ]);
  });
}

async function loadInstrument(file: string): Promise<Instrument> {
  const bytes = await readText(file, 'анкеты');
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new BadInput([
      { file: 'instrument', message: `Файл анкеты ${file} — не JSON: ${e instanceof Error ? e.message : e}` },
    ]);
  }
  const r = parseInstrument(doc);
  if (!r.ok)
    throw new BadInput(r.issues.map((i) => ({ file: 'instrument', path: i.path, message: i.message })));
  return r.instrument;
}

function errorLines(e: BadInput): string {
  const lines = e.errors.slice(0, 50).map((x) => {
    if (x.file === 'instrument') return x.path ? `  анкета, ${x.path}: ${x.message}` : `  ${x.message}`;
    return x.row ? `  ответы, строка ${x.row}: ${x.message}` : `  ${x.message}`;
  });
  if (e.totalErrors > lines.length) lines.push(`  … и ещё ${e.totalErrors - lines.length}`);
  const where = e.errors[0]?.file === 'instrument' ? 'в файле анкеты' : 'в файле ответов';
  return `Ошибка: ${where} ${countLabel(e.totalErrors, WORDS.error)}; профили не рассчитаны.\n${lines.join('\n')}`;
}

function fmt(score: number | null): string {
  return score === null ? '—' : score.toFixed(3).replace('.', ',');
}

function text(instrument: Instrument, profiles: SchoolProfile[], explain: boolean): string {
  const rule = ruleOf(instrument);
  const names = new Map(instrument.factors.map((f) => [f.code, f.name]));
  const defaults = new Map(DEFAULT_RISK_FACTORS.map((f) => [f.code, f.name]));
  const lines = [
    `Анкета ${instrument.id}, версия ${instrument.version}; школ: ${profiles.length}`,
    `Пороги: высокий ≥ ${rule.thresholds.high}, средний ≥ ${rule.thresholds.medium}, низкий ≥ ${rule.thresholds.low}`,
  ];
  for (const p of profiles) {
    lines.push(
      '',
      `Школа ${p.schoolId}: ${RESPONDENT_GROUPS.map((g) => `${GROUP_PLURAL[g]} ${p.groups[g]}`).join(', ')}`,
    );
    for (const g of p.excludedGroups) {
      lines.push(`  не учтены — ${excludedGroupText(g, p.groups[g], rule.minRespondents[g])}`);
    }
    for (const f of p.factors) {
      const name = names.get(f.code) ?? defaults.get(f.code) ?? '';
      lines.push(
        `  ${f.code.padStart(3)}  ${fmt(f.score).padStart(6)}  ${LEVEL_LABELS[f.level].padEnd(10)}  ${name}`,
      );
      if (explain) {
        for (const i of f.items) {
          lines.push(
            `         ${i.itemId} (${GROUP_PLURAL[i.group]}, вес ${i.weight}): ${fmt(i.score)} по ${i.respondents} отв.`,
          );
        }
      }
    }
  }
  return lines.join('\n');
}

/** Runs the command; returns the exit code. */
export async function runRiskProfile(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseCliArgs(args, {
      instrument: { type: 'string' },
      responses: { type: 'string' },
      json: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (typeof values.instrument !== 'string' || typeof values.responses !== 'string') {
    process.stderr.write(`Укажите оба файла: --instrument и --responses\n\n${USAGE}\n`);
    return 2;
  }
  const json = values.json === true;
  const explain = values.explain === true;
  try {
    const instrument = await loadInstrument(values.instrument);
    const result = await readResponses(instrument, await readText(values.responses, 'ответов'));
    if (!result.ok) {
      throw new BadInput(
        result.errors.map((x) => ({ file: 'responses', row: x.row, message: x.message })),
        result.totalErrors,
      );
    }
    const out = json
      ? orderedJson(profilesDocument(instrument, ruleOf(instrument), result.profiles, explain), 2)
      : text(instrument, result.profiles, explain);
    process.stdout.write(`${out}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof BadInput)) throw e;
    process.stderr.write(`${errorLines(e)}\n`);
    if (json)
      process.stdout.write(`${JSON.stringify({ errors: e.errors, totalErrors: e.totalErrors }, null, 2)}\n`);
    return 1;
  }
}
