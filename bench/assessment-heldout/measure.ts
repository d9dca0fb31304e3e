#!/usr/bin/env -S npx tsx
// Held-out assessment tables (issue 16 §1 check): are result files of other layouts, loaded as a user
// loads them, stored exactly as the equivalent Opora package?
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/assessment-heldout/measure.ts SET [--root DIR]
//
// SET is a folder with `files/`, `files.json` (what each file is and what a user would have to do in the
// mapping step) and `expected/` (the same data as a package: schools.csv, results.csv, confirmation.csv).
// A fresh PostgreSQL database gets the demo data from a real server (`src/server.ts`, DEMO=true); then,
// over HTTP as the regional operator:
//  1. each file is analysed with no mapping; when the recogniser is sure it is loaded as it is («without the
//     mapping step»); otherwise the mapping is corrected as files.json says a user would («with the
//     mapping step») — only the parts it names; schools proposed by name are confirmed as proposed;
//  2. the stored rows of the package's (school, year) pairs are read (T);
//  3. the package is loaded the same way as a user loads it (ZIP, POST /api/assessment-data/import);
//     the same rows are read again (P).
// Each row of P must be in T with the same values; a row of T that P has not (another procedure name,
// a wrong school) is counted as extra. Nothing here knows the expected answer except `expected/`.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { makeZip } from '../../tests/helpers/zip.js';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: 'string', default: here }, verbose: { type: 'boolean', default: false } },
});
const root = path.resolve(values.root ?? here);
const set = path.resolve(positionals[0] ?? '');
if (!positionals[0] || !existsSync(path.join(set, 'files.json'))) {
  console.error('usage: measure.ts SET_FOLDER [--root CHECKOUT] [--verbose]   (SET_FOLDER holds files.json)');
  process.exit(2);
}
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type UserSteps = {
  fixed?: Partial<Record<'year' | 'assessment' | 'subject' | 'grade', string | number>>;
  columns?: Record<string, string>;
  'by name'?: boolean;
};
type FileSpec = { file: string; layout?: string; 'what a user must do'?: UserSteps; rows?: number };
type Mapping = {
  headerRows: number[];
  columns: { column: number; field: string; group: number | null }[];
  fixed: Record<string, string | number | null>;
  [k: string]: unknown;
};
type Analysis = {
  analysis: { sure: boolean; doubts: string[]; preview: { row: number; cells: string[] }[] };
  mapping: Mapping;
  template: { name: string } | null;
  results: number;
  confirmations: number;
  errors: { row: number | null; message: string }[];
  schools: { keyId: string; status: string; schoolId: string | null; key: { name: string | null } }[];
};

const dbName = `opora_assess_${randomBytes(4).toString('hex')}`;
const dbUrl = (name: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

const norm = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A package column named by files.json → the mapping field a user would pick for that column. */
function fieldFor(pkgColumn: string, header: string): string | null {
  const pct = /%|процент|доля/i.test(header);
  const below = /порог/i.test(header);
  const simple: Record<string, string> = {
    school_id: 'school_code',
    school_code: 'school_code',
    school_login: 'school_login',
    school_name: 'school_name',
    municipality: 'municipality',
    year: 'year',
    assessment: 'assessment',
    subject: 'subject',
    grade: 'grade',
    participants: 'participants',
    average: 'average',
    ignore: 'ignore',
  };
  // «ignore (sum the class rows per school)», «mark2 (count before the bracket)»: a remark for the reader
  pkgColumn = pkgColumn.replace(/\s*\(.*\)$/, '');
  const plain = simple[pkgColumn];
  if (plain) return plain;
  if (pkgColumn === 'mark2' && below) return pct ? 'pct_below_min' : 'below_min';
  const m = /^mark([2-5])$/.exec(pkgColumn);
  if (m) return pct ? `pct${m[1]}` : pkgColumn;
  if (['lowered', 'confirmed', 'raised'].includes(pkgColumn)) return pct ? `pct_${pkgColumn}` : pkgColumn;
  if (['below_min', 'pct_below_min'].includes(pkgColumn) || /^pct/.test(pkgColumn)) return pkgColumn;
  // A meaning the mapping step has no field for («school name row / subject (block)»): the user cannot give it.
  return null;
}

/** The user's corrections applied to the recogniser's proposal: only what files.json names. */
function userMapping(a: Analysis, steps: UserSteps): { mapping: Mapping; problems: string[] } {
  const problems: string[] = [];
  const mapping: Mapping = structuredClone(a.mapping);
  for (const [k, v] of Object.entries(steps.fixed ?? {})) {
    mapping.fixed[k] = k === 'year' || k === 'grade' ? Number(v) : String(v);
  }
  const headerCells = a.analysis.preview.filter((r) => mapping.headerRows.includes(r.row));
  for (const [header, pkgColumn] of Object.entries(steps.columns ?? {})) {
    // The column whose header cell (in any header row) reads as files.json says.
    const columns = new Set<number>();
    // As the mapping step shows a column: each header cell, and the cells down the header joined.
    const width = Math.max(0, ...headerCells.map((r) => r.cells.length));
    for (let i = 0; i < width; i++) {
      const texts = headerCells.map((r) => r.cells[i] ?? '').filter((t, k, all) => t && all.indexOf(t) === k);
      if ([...texts, texts.join(' '), texts.slice(-2).join(' ')].some((t) => norm(t) === norm(header))) {
        columns.add(i + 1);
      }
    }
    if (columns.size === 0) {
      problems.push(`столбец «${header}» не найден в строках заголовка ${mapping.headerRows.join(', ')}`);
      continue;
    }
    for (const column of columns) {
      const above = headerCells.map((r) => r.cells[column - 1] ?? '').join(' ');
      const field = fieldFor(pkgColumn, above);
      if (field === null) {
        problems.push(`«${header}» → «${pkgColumn}»: такого поля в сопоставлении нет`);
        break;
      }
      const existing = mapping.columns.find((c) => c.column === column);
      // «ignore (sum the class rows per school)»: the user leaves the class column as the recogniser read
      // it (the classes «7А», «7Б» of a school are then summed); a column it did not read as one is ignored.
      if (existing?.field === 'grade' && /^ignore \(sum/.test(pkgColumn)) continue;
      if (existing) existing.field = field;
      else mapping.columns.push({ column, field, group: null });
    }
  }
  return { mapping, problems };
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;
const cleanup = async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
};

try {
  await admin(`create database ${dbName}`);
  const started = performance.now();
  server = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'src/server.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl(dbName),
        DEMO: 'true',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'opora-assess-')),
        WORKERS: '1',
      },
      stdio: ['ignore', values.verbose ? 'inherit' : 'ignore', values.verbose ? 'inherit' : 'ignore'],
    },
  );
  for (;;) {
    if (server.exitCode !== null) throw new Error('the server exited while starting');
    const ok = await fetch(`${base}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`server with demo data up in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ login: 'region', password: 'demo' }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const post = async (url: string, data: Buffer, name: string, fields: Record<string, unknown> = {}) => {
    const body = new FormData();
    body.append('file', new File([new Uint8Array(data)], name));
    for (const [k, v] of Object.entries(fields)) body.append(k, JSON.stringify(v));
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      body,
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json).slice(0, 400)}`);
    return json;
  };

  // The stored rows of the package's (school, year) pairs, as comparable lines.
  const read = async () => {
    const c = new pg.Client({ connectionString: dbUrl(dbName) });
    await c.connect();
    try {
      const pairs = readCsv(path.join(set, 'expected/results.csv'))
        .concat(readCsv(path.join(set, 'expected/confirmation.csv')))
        .map((r) => `${r.school_id}|${r.year}`);
      const keys = [...new Set(pairs)];
      const q = async (table: string, cols: string) =>
        (
          await c.query(
            `select u.code || '|' || r.year || '|' || p.assessment || '|' || p.subject || '|' || p.grade as key,
                    ${cols} as v
               from ${table} r join org_units u on u.id = r.school_id
               join assessment_procedures p on p.id = r.procedure_id
              where (u.code || '|' || r.year) = any($1)`,
            [keys],
          )
        ).rows.map((r: { key: string; v: string }) => [`${table}|${r.key}`, r.v] as const);
      return new Map([
        ...(await q(
          'assessment_results',
          `r.participants || ' ' || r.mark2 || ' ' || r.mark3 || ' ' || r.mark4 || ' ' || r.mark5`,
        )),
        ...(await q(
          'confirmation_results',
          `r.participants || ' ' || r.lowered || ' ' || r.confirmed || ' ' || r.raised`,
        )),
      ]);
    } finally {
      await c.end();
    }
  };
  const before = await read();
  const specs = JSON.parse(readFileSync(path.join(set, 'files.json'), 'utf8')) as FileSpec[];
  const report: string[] = [];
  for (const spec of specs) {
    const data = readFileSync(path.join(set, 'files', spec.file));
    const name = path.basename(spec.file);
    const first = (await post('/api/assessment-data/tables/analyse', data, name)) as unknown as Analysis;
    let a = first;
    let way = first.template ? `шаблон «${first.template.name}»` : 'без сопоставления';
    const steps = spec['what a user must do'] ?? {};
    const problems: string[] = [];
    const clean = (x: Analysis) =>
      x.analysis.sure && x.errors.length === 0 && x.results + x.confirmations > 0;
    if (!clean(first)) {
      const u = userMapping(first, steps);
      problems.push(...u.problems);
      a = (await post('/api/assessment-data/tables/analyse', data, name, {
        mapping: u.mapping,
      })) as unknown as Analysis;
      way = `с сопоставлением (${first.analysis.doubts.join('; ') || `ошибок: ${first.errors.length}`})`;
    }
    const confirmedSchools: Record<string, string> = {};
    for (const s of a.schools) {
      if (s.status === 'review' && s.schoolId) confirmedSchools[s.keyId] = s.schoolId;
      else problems.push(`школа «${s.key.name}»: ${s.status}`);
    }
    const done = await post('/api/assessment-data/tables/import?dryRun=false', data, name, {
      mapping: a.mapping,
      confirmedSchools,
    });
    const errors = (a.errors ?? []).map((e) => `строка ${e.row}: ${e.message}`);
    report.push(
      `${name}: ${done.ok ? 'загружен' : 'НЕ загружен'}, ${way}; строк результатов ${a.results}, подтверждений ${a.confirmations}` +
        `${Object.keys(confirmedSchools).length ? `, школ подтверждено по названию ${Object.keys(confirmedSchools).length}` : ''}` +
        `${errors.length ? `\n    ошибки: ${errors.slice(0, 5).join(' | ')}` : ''}` +
        `${done.ok ? '' : `\n    ответ загрузки: ${JSON.stringify(done).slice(0, 600)}`}` +
        `${problems.length ? `\n    вопросы: ${problems.slice(0, 8).join(' | ')}` : ''}`,
    );
  }

  const T = await read();
  const csv = (f: string) => {
    const p = path.join(set, 'expected', f);
    return existsSync(p) ? readFileSync(p) : Buffer.from(f === 'context.csv' ? 'school_id,year\n' : '');
  };
  const parts = ['schools.csv', 'results.csv', 'context.csv', 'confirmation.csv']
    .filter((f) => f !== 'confirmation.csv' || existsSync(path.join(set, 'expected', f)))
    .map((f) => ({ name: `пакет/${f}`, data: csv(f) }));
  const pkg = await post('/api/assessment-data/import?dryRun=false', makeZip(parts), 'пакет.zip');
  if (!pkg.ok) throw new Error(`the package did not load: ${JSON.stringify(pkg).slice(0, 600)}`);
  const P = await read();

  let same = 0;
  const wrong: string[] = [];
  for (const [k, v] of P) {
    if (T.get(k) === v) same++;
    else wrong.push(`${k}: таблицы ${T.get(k) ?? '—'}, пакет ${v}`);
  }
  // Rows the tables wrote that the package has not (demo rows of other procedures stay as they were).
  const extra = [...T.keys()].filter((k) => !P.has(k) && before.get(k) !== T.get(k));
  console.log(`\n${set}`);
  for (const line of report) console.log(`  ${line}`);
  console.log(
    `\nСтрок пакета: ${P.size}; совпали с загруженными из таблиц: ${same} (${((100 * same) / Math.max(1, P.size)).toFixed(1)} %); ` +
      `не совпали или нет: ${wrong.length}; лишних строк из таблиц: ${extra.length}`,
  );
  const show = values.verbose ? Number.POSITIVE_INFINITY : 15;
  for (const w of wrong.slice(0, show)) console.log(`  ≠ ${w}`);
  for (const k of extra.slice(0, show)) console.log(`  + ${k}: ${T.get(k)}`);
} finally {
  await cleanup();
}

function readCsv(file: string): Record<string, string>[] {
  if (!existsSync(file)) return [];
  const [head, ...lines] = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const cols = (head ?? '').split(',');
  // The expected package's key columns never hold commas (codes and years), which is all this needs.
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}
