// Identification at national scale: generates a package (40 000 schools × 4 years, ~25 procedures per
// school and year), reads it and identifies the last year, printing times and memory. Prints figures
// only; nothing here asserts a time. Run: npm run bench:identify [-- --schools 40000 --years 4 --seed 1]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { readPackage } from '../src/modules/assessment-data/read-package.js';
import { writeGeneratedCsv } from '../src/modules/assessment-data/write-package.js';
import { identifyYear } from '../src/modules/identification/identify.js';
import { summarize } from '../src/modules/identification/summary.js';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '40000' },
    years: { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
  },
});
const opts = {
  schools: Number(values.schools),
  years: Number(values.years),
  seed: Number(values.seed),
  lastYear: new Date().getFullYear() - 1,
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
let peakRss = 0;
let lastSeconds = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);
const step = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
  sample();
  const t0 = performance.now();
  const out = await f();
  const seconds = (performance.now() - t0) / 1000;
  lastSeconds = seconds;
  sample();
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s   rss ${mb(process.memoryUsage().rss)}`,
  );
  return out;
};

const dir = values.dir ?? (await mkdtemp(path.join(tmpdir(), 'opora-bench-')));
console.log(
  `Package: ${opts.schools} schools × ${opts.years} years (${opts.lastYear - opts.years + 1}–${opts.lastYear}), seed ${opts.seed}, ${dir}`,
);
console.log('All figures below are in-memory (no database): import into PGlite/PostgreSQL comes later.\n');

const written = await step('generate (CSV, streamed to disk)', () => writeGeneratedCsv(opts, dir));
console.log(
  `  rows: results ${written.rows.results}, context ${written.rows.context}, confirmation ${written.rows.confirmation}` +
    ` (${(written.rows.results / opts.schools / opts.years).toFixed(1)} procedures per school and year)`,
);
const pkg = await step(`read + validate the package (${opts.years} years)`, () => readPackage(dir));
const perYear = pkg.results.length / opts.years;
console.log(
  `  ≈ ${Math.round(perYear)} result rows and ${(lastSeconds / opts.years).toFixed(2)} s of reading per year`,
);
const last = await step(`identify ${opts.lastYear} (cold: past years computed)`, () =>
  identifyYear(pkg, opts.lastYear),
);
await step(`identify ${opts.lastYear - 1} (past years memoised)`, () => identifyYear(pkg, opts.lastYear - 1));
const s = summarize(pkg, last);
console.log(
  `  ${opts.lastYear}: ${Object.entries(s.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
clearInterval(timer);
sample();
console.log(`\npeak RSS (sampled every 20 ms and after each step): ${mb(peakRss)}`);
console.log(
  `peak RSS (process.resourceUsage().maxRSS):          ${mb(process.resourceUsage().maxRSS * 1024)}`,
);
if (!values.dir) await rm(dir, { recursive: true, force: true });
