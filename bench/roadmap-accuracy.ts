import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../src/lib/errors.js';
import { type Accuracy, measureAccuracy } from '../src/modules/documents/import/accuracy.js';
import { parseRoadmapDocumentInThread } from '../src/modules/documents/import/parse-roadmap-document.js';
import { roadmapSet } from '../src/modules/documents/import/roadmap-set.js';

// `npm run bench:roadmap-accuracy [-- --misses] [--dir DIR]`: the share of measures with every field right, per document
// and format of the roadmap test set (tests/fixtures/roadmaps/README.md), and in total.

const showMisses = process.argv.includes('--misses');
const rows: string[][] = [
  ['документ', 'формат', 'в эталоне', 'найдено', 'верно', 'доля', 'карт', 'название'],
];
const total = { truth: 0, right: 0, docs: 0, oneRoadmap: 0 };
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

const dirAt = process.argv.indexOf('--dir');
const dir = dirAt >= 0 ? process.argv[dirAt + 1] : undefined;

for (const doc of roadmapSet(dir)) {
  let acc: Accuracy;
  try {
    const result = await parseRoadmapDocumentInThread(path.basename(doc.file), readFileSync(doc.file));
    acc = measureAccuracy(result, doc.truth);
  } catch (e) {
    const message = e instanceof AppError ? e.message : String(e);
    acc = {
      truth: doc.truth.measures.length,
      found: 0,
      right: 0,
      share: 0,
      roadmaps: 0,
      roadmapsRight: false,
      titlesRight: false,
      misses: [message],
    };
  }
  total.truth += acc.truth;
  total.right += acc.right;
  total.docs++;
  if (acc.roadmapsRight) total.oneRoadmap++;
  const name = doc.seed ? `${doc.name} (seed)` : doc.name;
  rows.push([
    name,
    doc.format,
    String(acc.truth),
    String(acc.found),
    String(acc.right),
    pct(acc.share),
    `${acc.roadmaps}${acc.roadmapsRight ? '' : ' ✗'}`,
    acc.titlesRight ? 'да' : 'нет',
  ]);
  if (showMisses) for (const m of acc.misses) rows.push(['', '', `  ${m}`]);
}
rows.push([
  'итого',
  '',
  String(total.truth),
  '',
  String(total.right),
  pct(total.right / (total.truth || 1)),
  `${total.oneRoadmap}/${total.docs}`,
  '',
]);

const widths =
  rows[0]?.map((_, i) => Math.max(...rows.filter((r) => r.length > 3).map((r) => (r[i] ?? '').length))) ?? [];
for (const r of rows) {
  if (r.length <= 3) console.log(r.join(''));
  else
    console.log(r.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  '));
}
