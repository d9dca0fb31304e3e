#!/usr/bin/env node
// Held-out roadmap import check. Usage: node measure.mjs SET /path/to/checkout [--verbose] [--only NAME] [--save DIR] [--jobs N]
// (or `npx tsx measure.mjs … --in-process`)
// SET is set1, set2, set3 … (a folder beside this script with docs/*.truth.json).
// For each docs/*.truth.json and each of .txt/.docx/.pdf runs `npx tsx src/cli/main.ts import-roadmap FILE --json`
// in the checkout, aligns the found measures with the truth in document order and counts fully right measures.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const [set, checkout] = args.filter(
  (a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.match(/^--(only|save|jobs)$/),
);
const DOCS = path.join(HERE, set ?? '', 'docs');
if (!set || !checkout) {
  console.error('usage: node measure.mjs SET CHECKOUT [--verbose] [--only NAME] [--save DIR]');
  process.exit(2);
}
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const saveDir = args.includes('--save') ? args[args.indexOf('--save') + 1] : null;
// The issue's three formats; a set that also keeps the spreadsheet a roadmap was made in is measured on it too.
const FORMATS = ['txt', 'docx', 'pdf'];

export function norm(s) {
  if (s === null || s === undefined) return '';
  return String(s)
    .replace(/[«»“”„‟"]/g, '"')
    .replace(/[‘’‚‛`]/g, "'")
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:]+$/u, '')
    .trim();
}
const short = (s, n = 70) => {
  const t = s === null || s === undefined ? '∅' : String(s).replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};
const words = (s) =>
  new Set(
    norm(s)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
function sim(a, b) {
  const A = words(a),
    B = words(b);
  if (!A.size || !B.size) return 0;
  let k = 0;
  for (const w of A) if (B.has(w)) k++;
  return k / Math.max(A.size, B.size);
}
// Order-preserving alignment (LCS with similarity >= 0.5 as a match, maximising total similarity).
function align(truth, got) {
  const n = truth.length,
    m = got.length;
  const S = truth.map((t) => got.map((g) => sim(t.measure, g.measure)));
  const dp = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      let best = Math.max(dp[i + 1][j], dp[i][j + 1]);
      if (S[i][j] >= 0.5) best = Math.max(best, 1 + S[i][j] + dp[i + 1][j + 1]);
      dp[i][j] = best;
    }
  const pairs = new Array(n).fill(-1);
  let i = 0,
    j = 0;
  while (i < n && j < m) {
    if (S[i][j] >= 0.5 && dp[i][j] === 1 + S[i][j] + dp[i + 1][j + 1]) {
      pairs[i] = j;
      i++;
      j++;
    } else if (dp[i][j] === dp[i + 1][j]) i++;
    else j++;
  }
  return pairs;
}
function flatten(result) {
  const out = [];
  for (const r of result.roadmaps ?? [])
    for (const s of r.sections ?? [])
      for (const it of s.items ?? [])
        out.push({
          measure: it.measure,
          deadline: it.deadline?.text ?? null,
          executors: it.responsible ?? null,
          indicator: it.indicator ?? null,
          subItems: (it.subItems ?? []).length,
        });
  return out;
}
// `--in-process` (run with `npx tsx`): the checkout's parser imported once and called in this process — no CLI
// start per file and no worker time limit, for a machine too loaded for the 10 s limit of the CLI's worker.
const inProcess = args.includes('--in-process');
let parser = null;
async function importFile(file) {
  if (inProcess) {
    try {
      parser ??= await import(
        path.resolve(checkout, 'src/modules/documents/import/parse-roadmap-document.ts')
      );
      const result = await parser.parseRoadmapDocumentInThread(path.basename(file), readFileSync(file));
      return { result: JSON.parse(JSON.stringify(result)) };
    } catch (e) {
      return { error: String(e?.message ?? e).split('\n')[0] };
    }
  }
  try {
    const { stdout } = await run('npx', ['tsx', 'src/cli/main.ts', 'import-roadmap', file, '--json'], {
      cwd: checkout,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120000,
    });
    return { result: JSON.parse(stdout) };
  } catch (e) {
    const msg =
      (e.stderr || e.message || String(e)).trim().split('\n').filter(Boolean).slice(-1)[0] ?? 'error';
    return { error: msg };
  }
}
const FIELDS = ['measure', 'deadline', 'executors', 'indicator'];

const names = readdirSync(DOCS)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => f.replace('.truth.json', ''))
  .filter((n) => !only || n.includes(only))
  .sort();
if (names.some((n) => existsSync(path.join(DOCS, `${n}.xlsx`)))) FORMATS.push('xlsx');
const jobs = [];
for (const name of names)
  for (const fmt of FORMATS) {
    const file = path.join(DOCS, `${name}.${fmt}`);
    if (fmt !== 'xlsx' || existsSync(file)) jobs.push({ name, fmt, file });
  }
if (inProcess) {
  // pdfjs loads on the first PDF and counts against its reading budget: load it before measuring.
  const first = jobs.find((j) => j.fmt === 'pdf');
  if (first) await importFile(first.file);
}
// a few imports in parallel (`--jobs N`, 4 by default; 1 on a loaded machine, where the importer's 10 s limit bites)
const jobCount = args.includes('--jobs') ? Number(args[args.indexOf('--jobs') + 1]) || 4 : 4;
const results = new Array(jobs.length);
let next = 0;
await Promise.all(
  Array.from({ length: jobCount }, async () => {
    while (next < jobs.length) {
      const k = next++;
      results[k] = await importFile(jobs[k].file);
    }
  }),
);
if (saveDir) mkdirSync(saveDir, { recursive: true });

const total = { all: {}, truth: 0, right: 0 };
for (const f of FORMATS) total.all[f] = { truth: 0, found: 0, right: 0, docs: 0, oneRoadmap: 0 };
console.log(`checkout: ${path.resolve(checkout)}`);
console.log('document                        fmt   maps truth found right share  title');
jobs.forEach((job, k) => {
  const { name, fmt } = job;
  const truth = JSON.parse(readFileSync(path.join(DOCS, `${name}.truth.json`), 'utf8'));
  // per-format corrections of the truth (e.g. TXT: a vertically merged cell's text is only on its first row)
  for (const [i, o] of Object.entries(truth.overrides?.[fmt] ?? {}))
    truth.measures[Number(i)] = { ...truth.measures[Number(i)], ...o };
  const r = results[k];
  const t = total.all[fmt];
  t.docs++;
  t.truth += truth.measures.length;
  if (saveDir && r.result)
    writeFileSync(path.join(saveDir, `${name}.${fmt}.json`), JSON.stringify(r.result, null, 2));
  if (r.error) {
    console.log(
      `${name.padEnd(31)} ${fmt.padEnd(5)} ERROR ${truth.measures.length.toString().padStart(5)}     0     0   0.0%  — ${short(r.error, 90)}`,
    );
    return;
  }
  const maps = r.result.roadmaps.length;
  if (maps === 1) t.oneRoadmap++;
  const got = flatten(r.result);
  const pairs = align(truth.measures, got);
  const problems = [];
  let right = 0;
  truth.measures.forEach((tm, i) => {
    if (pairs[i] < 0) {
      problems.push(`  #${i + 1} not found: ${short(tm.measure)}`);
      return;
    }
    const g = got[pairs[i]];
    const bad = FIELDS.filter((f) => norm(tm[f]) !== norm(g[f]));
    // information only (not part of «fully right»): sub-items counted under the measure
    if ((tm.subItems?.length ?? 0) !== g.subItems)
      problems.push(`  #${i + 1} (info) subItems: truth ${tm.subItems?.length ?? 0} got ${g.subItems}`);
    if (!bad.length) {
      right++;
      return;
    }
    problems.push(`  #${i + 1} ${short(tm.measure, 40)}`);
    for (const f of bad) {
      // show both values from a little before the first difference
      const a = norm(tm[f]),
        b = norm(g[f]);
      let p = 0;
      while (p < a.length && p < b.length && a[p] === b[p]) p++;
      const from = p > 40 ? p - 25 : 0;
      const cut = (s, v) => (v === null || v === undefined ? '∅' : (from ? '…' : '') + short(s.slice(from)));
      problems.push(`      ${f}: truth «${cut(a, tm[f])}» got «${cut(b, g[f])}»`);
    }
  });
  const extra = got.length - pairs.filter((p) => p >= 0).length;
  t.found += got.length;
  t.right += right;
  const titles = r.result.roadmaps.map((m) => m.title);
  const titleOk = titles.some((x) => norm(x) === norm(truth.title));
  console.log(
    `${name.padEnd(31)} ${fmt.padEnd(5)} ${String(maps).padStart(4)} ${String(truth.measures.length).padStart(5)} ${String(got.length).padStart(5)} ${String(right).padStart(5)} ${((100 * right) / truth.measures.length).toFixed(1).padStart(5)}%  ${titleOk ? 'ok' : `≠ «${short(titles[0] ?? '', 60)}»`}` +
      (extra ? `  (+${extra} unmatched found)` : '') +
      (r.result.warnings?.length ? `  [${r.result.warnings.length} warnings]` : ''),
  );
  const shown = verbose ? problems : problems.slice(0, 12);
  for (const p of shown) console.log(p);
  if (shown.length < problems.length)
    console.log(`  … ${problems.length - shown.length} more lines (--verbose)`);
});
console.log('\nTOTAL');
let T = 0,
  R = 0;
for (const f of FORMATS) {
  const t = total.all[f];
  T += t.truth;
  R += t.right;
  console.log(
    `  ${f.padEnd(5)} docs ${t.docs}, one roadmap in ${t.oneRoadmap}, truth ${t.truth}, found ${t.found}, fully right ${t.right} (${((100 * t.right) / (t.truth || 1)).toFixed(1)}%)`,
  );
}
console.log(`  all   truth ${T}, fully right ${R} (${((100 * R) / (T || 1)).toFixed(1)}%)`);
