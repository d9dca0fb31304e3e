// Time to parse roadmap PDFs, per page: the seed PDFs of tests/fixtures/roadmaps and a 50-page roadmap made
// here (the Penza seed's measures repeated, printed by LibreOffice). The first parse of a process includes
// loading pdfjs; the figures after it are the warm ones a parse worker gives. Prints figures only.
// Run: npx tsx bench/roadmap-pdf.ts   (needs /usr/bin/soffice for the 50-page PDF)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  normalizeBlocks,
  parseRoadmapDocumentInThread,
} from '../src/modules/documents/import/parse-roadmap-document.js';
import { readPdfPages } from '../src/modules/documents/import/pdf-pages.js';
import { readTxt } from '../src/modules/documents/import/reader-txt.js';
import { contextsOf, readSeed, writeDocx } from '../src/modules/documents/import/test-documents.js';
import type { ImportedRoadmap } from '../src/modules/documents/import/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'tests/fixtures/roadmaps');

async function fiftyPages(): Promise<Buffer> {
  const name = 'penza-district-2022-2023.txt';
  const text = await parseRoadmapDocumentInThread(name, readSeed(name));
  const r = text.roadmaps[0] as ImportedRoadmap;
  // 13 copies of the 21 measures: some 50 pages in the test helper's Word layout.
  const sections = Array.from({ length: 13 }, (_, k) =>
    r.sections.map((s, i) => ({ ...s, number: String(k * r.sections.length + i + 1) })),
  ).flat();
  const docx = await writeDocx(
    contextsOf(normalizeBlocks(readTxt(readSeed(name))).blocks),
    [{ ...r, sections }],
    {
      sectionInOneCell: false,
      repeatHeader: true,
      numberingRow: false,
    },
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'roadmap-pdf-bench-'));
  try {
    writeFileSync(path.join(dir, 'long.docx'), docx);
    execFileSync(
      '/usr/bin/soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        `${dir}/long.docx`,
      ],
      { stdio: 'pipe', timeout: 300_000 },
    );
    return readFileSync(path.join(dir, 'long.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const files: [string, Buffer][] = ['seeds', 'pdf'].flatMap((dir) =>
  readdirSync(path.join(fixtures, dir))
    .filter((f) => f.endsWith('.pdf') && !f.startsWith('scan'))
    .map((f): [string, Buffer] => [f, readFileSync(path.join(fixtures, dir, f))]),
);
files.push(['~50 pages (Penza ×13)', await fiftyPages()]);

const first = files[0] as [string, Buffer];
const coldStart = performance.now();
await readPdfPages(first[1]);
console.log(
  `first read of the process (loads pdfjs): ${(performance.now() - coldStart).toFixed(0)} ms (${first[0]})`,
);
for (const [name, data] of files) {
  const pages = (await readPdfPages(data)).length;
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const s = performance.now();
    const result = await parseRoadmapDocumentInThread(name.endsWith('.pdf') ? name : 'long.pdf', data);
    times.push(performance.now() - s);
    if (k === 0 && result.roadmaps.length === 0) throw new Error(`${name}: no roadmap`);
  }
  const best = Math.min(...times);
  console.log(
    `${name.padEnd(48)} ${String(pages).padStart(3)} pages  best ${best.toFixed(0).padStart(5)} ms  ` +
      `${(best / pages).toFixed(1).padStart(5)} ms/page`,
  );
}
