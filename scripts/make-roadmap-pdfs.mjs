// Regenerates the PDF fixtures of the roadmap importer (tests/fixtures/roadmaps/README.md): each seed of
// seeds/ written as Word (the test helpers of the importer) and printed to PDF by LibreOffice into seeds/,
// every Word document of the measured set printed next to it, and in pdf/ a few layouts the seeds do not
// have and an image-only «scan». Needs /usr/bin/soffice; run `node scripts/make-roadmap-pdfs.mjs` from the
// repository root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'tests/fixtures/roadmaps');
const importer = (f) => import(path.join(root, 'src/modules/documents/import', f));
const { readTxt } = await importer('reader-txt.ts');
const { normalizeBlocks, parseRoadmapDocumentInThread } = await importer('parse-roadmap-document.ts');
const { contextsOf, writeDocx, readSeed } = await importer('test-documents.ts');
const docx = await import('docx');

/** Prints .docx files to PDF with one LibreOffice run; returns nothing, the PDFs land in `dir`. */
function printToPdf(files, dir) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    execFileSync(
      '/usr/bin/soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files,
      ],
      { stdio: 'pipe', timeout: 300_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// The styles of the Word tests (import-formats.test.ts); the seven-column Smolensk table is printed on
// landscape pages as such tables are (on portrait A4 its columns are two words wide).
const SEEDS = [
  ['penza-district-2022-2023', { sectionInOneCell: false, repeatHeader: true, numberingRow: true }, false],
  ['sharan-district-2022-2023', { sectionInOneCell: true, repeatHeader: false, numberingRow: false }, false],
  ['smolensk-region-2022-2023', { sectionInOneCell: false, repeatHeader: true, numberingRow: false }, true],
];

/** Turns the pages of a .docx to landscape A4 and widens its tables to the page (the helper writes portrait). */
function landscape(docxData) {
  const files = unzipSync(new Uint8Array(docxData));
  const xml = strFromU8(files['word/document.xml']);
  const scale = (16838 - 2880) / (11906 - 2880);
  files['word/document.xml'] = strToU8(
    xml
      .replace(/<w:pgSz[^>]*\/>/g, '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>')
      .replace(/<w:gridCol w:w="(\d+)"\/>/g, (_, w) => `<w:gridCol w:w="${Math.floor(Number(w) * scale)}"/>`),
  );
  return Buffer.from(zipSync(files));
}

/** One long table with its header row marked «repeat on every page» (Word prints it on each page). */
function oneTableDocx(contexts, roadmap, { landscape, widths, borders = true }) {
  const {
    Document,
    Packer,
    Paragraph,
    Table,
    TableBorders,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
    PageOrientation,
  } = docx;
  const p = (text, bold = false) => new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] });
  const cols = roadmap.columns;
  const cell = (text, bold, i, span = 1) =>
    new TableCell({
      children: [p(text, bold)],
      columnSpan: span,
      ...(widths && span === 1 && { width: { size: widths[i], type: WidthType.PERCENTAGE } }),
    });
  const rows = [new TableRow({ tableHeader: true, children: cols.map((h, i) => cell(h, true, i)) })];
  for (const s of roadmap.sections) {
    if (s.number || s.title)
      rows.push(
        new TableRow({
          children: [cell([s.number, s.title].filter(Boolean).join('. '), true, 0, cols.length)],
        }),
      );
    for (const item of s.items) {
      const value = (h) => {
        if (/№/.test(h)) return item.number ?? '';
        if (/Срок/i.test(h)) return item.deadline.text ?? '';
        if (/Исполнител|Ответствен/i.test(h)) return item.responsible ?? '';
        if (/показател|результат/i.test(h)) return item.indicator ?? '';
        return item.measure;
      };
      rows.push(new TableRow({ children: cols.map((h, i) => cell(value(h), false, i)) }));
    }
  }
  const children = [
    ...contexts.map((c) => p(c.text, c.bold)),
    new Table({
      rows,
      width: { size: 100, type: WidthType.PERCENTAGE },
      ...(!borders && { borders: TableBorders.NONE }),
    }),
  ];
  const page = landscape ? { size: { orientation: PageOrientation.LANDSCAPE } } : {};
  return Packer.toBuffer(new Document({ sections: [{ properties: { page }, children }] }));
}

/** A one-page PDF holding only a grey image: what a scanner without OCR produces. */
function scanPdf() {
  const w = 200;
  const h = 280;
  const pixels = Buffer.alloc(w * h, 0xe0);
  for (let y = 20; y < h - 20; y += 8) pixels.fill(0x30, y * w + 20, y * w + w - 20);
  const image = deflateSync(pixels);
  const content = Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    [
      `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
      image,
      '\nendstream',
    ],
    [`<< /Length ${content.length} >>\nstream\n`, content, '\nendstream'],
  ];
  const parts = [Buffer.from('%PDF-1.4\n')];
  const offsets = [];
  let size = parts[0].length;
  objects.forEach((o, i) => {
    offsets.push(size);
    const body = Buffer.concat([`${i + 1} 0 obj\n`, ...[o].flat(), '\nendobj\n'].map((x) => Buffer.from(x)));
    parts.push(body);
    size += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`]
    .concat(offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`))
    .join('');
  parts.push(
    Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`),
  );
  return Buffer.concat(parts);
}

// `--only NAME`: print only the set's documents NAME and NAME-alt (a new layout), nothing else rewritten.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : null;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'roadmap-pdfs-'));
const seeds = [];
const layouts = [];
for (const [name, style, wide] of only ? [] : SEEDS) {
  const data = readSeed(`${name}.txt`);
  const fromText = await parseRoadmapDocumentInThread(`${name}.txt`, data);
  const contexts = contextsOf(normalizeBlocks(readTxt(data)).blocks);
  const file = path.join(work, `${name}.docx`);
  const written = await writeDocx(contexts, fromText.roadmaps, style);
  fs.writeFileSync(file, wide ? landscape(written) : written);
  seeds.push(file);
  if (name.startsWith('penza')) {
    const r = fromText.roadmaps[0];
    const long = path.join(work, `${name}-one-table.docx`);
    fs.writeFileSync(long, await oneTableDocx(contexts[0], r, { landscape: false }));
    const narrow = path.join(work, `${name}-landscape-narrow.docx`);
    fs.writeFileSync(
      narrow,
      await oneTableDocx(contexts[0], r, { landscape: true, widths: [6, 34, 9, 42, 9] }),
    );
    const bare = path.join(work, `${name}-no-borders.docx`);
    fs.writeFileSync(
      bare,
      await oneTableDocx(contexts[0], r, { landscape: true, widths: [6, 34, 14, 26, 20], borders: false }),
    );
    layouts.push(long, narrow, bare);
  }
}
const measured = fs
  .readdirSync(out)
  .filter((f) => f.endsWith('.docx') && (!only || f === `${only}.docx` || f === `${only}-alt.docx`))
  .map((f) => path.join(out, f));
fs.mkdirSync(path.join(out, 'seeds'), { recursive: true });
fs.mkdirSync(path.join(out, 'pdf'), { recursive: true });
if (seeds.length > 0) printToPdf(seeds, path.join(out, 'seeds'));
if (layouts.length > 0) printToPdf(layouts, path.join(out, 'pdf'));
if (measured.length > 0) printToPdf(measured, out);
if (!only) fs.writeFileSync(path.join(out, 'pdf', 'scan-only-image.pdf'), scanPdf());
fs.rmSync(work, { recursive: true, force: true });
console.log(
  `PDF: ${seeds.length} семени, ${layouts.length + 1} в pdf/, ${measured.length} документов набора`,
);
