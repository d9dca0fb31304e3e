import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../../../tests/helpers/hostile-pdfs.js';
import { AppError } from '../../../lib/errors.js';
import { parseRoadmapDocument } from './parse-roadmap-document.js';
import { readPdfPages, SCAN_MESSAGE } from './pdf-pages.js';
import { readPdf } from './reader-pdf.js';
import { readSeed } from './test-documents.js';
import type { ImportedItem, ImportedRoadmap, ImportedSubItem, RowBlock } from './types.js';

// The seeds printed to PDF by LibreOffice (scripts/make-roadmap-pdfs.mjs) import to the roadmaps of the
// seeds' text: every number, measure, deadline, executor, indicator, section, title and period.

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../tests/fixtures/roadmaps/${name}`, import.meta.url)));

/**
 * A dash at a line end prints the same with or without the space after it («семинарах –совещаниях» and
 * «семинарах – совещаниях»): the PDF cannot tell, so the comparison ignores spaces after dashes, and the
 * items where that mattered are listed exactly.
 */
const undash = (s: unknown): unknown => {
  if (typeof s === 'string') return s.replace(/([-–—]) +/g, '$1');
  if (Array.isArray(s)) return s.map(undash);
  if (s && typeof s === 'object')
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, undash(v)]));
  return s;
};
const itemsOf = (r: ImportedRoadmap): (ImportedItem | ImportedSubItem)[] =>
  r.sections.flatMap((s) => s.items.flatMap((i) => [i, ...i.subItems]));
const differing = (a: ImportedRoadmap[], b: ImportedRoadmap[]) =>
  a.flatMap((r, k) =>
    itemsOf(r).flatMap((item, n) => {
      const other = b[k] ? itemsOf(b[k])[n] : undefined;
      return JSON.stringify(other) === JSON.stringify(item) ? [] : [`${k}:${item.number}`];
    }),
  );

const CASES = [
  ['penza-district-2022-2023', 'seeds/penza-district-2022-2023.pdf', ['0:2.5', '0:3.3']],
  ['penza-district-2022-2023', 'pdf/penza-district-2022-2023-one-table.pdf', ['0:2.5', '0:3.3']],
  ['penza-district-2022-2023', 'pdf/penza-district-2022-2023-landscape-narrow.pdf', []],
  // No borders: columns from the header's positions, rows from the numbers (pdf-positions.ts).
  ['penza-district-2022-2023', 'pdf/penza-district-2022-2023-no-borders.pdf', ['0:3.3']],
  ['sharan-district-2022-2023', 'seeds/sharan-district-2022-2023.pdf', ['0:5.8']],
  ['smolensk-region-2022-2023', 'seeds/smolensk-region-2022-2023.pdf', ['1:3.5']],
] as const;

describe.each(CASES)('%s printed as %s', async (seed, pdf, dashed) => {
  const fromText = await parseRoadmapDocument(`${seed}.txt`, readSeed(`${seed}.txt`));
  const fromPdf = await parseRoadmapDocument(pdf.split('/').pop() ?? pdf, fixture(pdf));

  it('the same roadmaps as the text: every field of every measure, sections, title, period', () => {
    expect(fromPdf.roadmaps.length).toBe(fromText.roadmaps.length);
    expect(undash(fromPdf.roadmaps)).toEqual(undash(fromText.roadmaps));
  });

  it('only the listed measures differ, and only by a space after a dash', () => {
    expect(differing(fromText.roadmaps, fromPdf.roadmaps)).toEqual(dashed);
  });
});

describe('the block stream of a printed table', async () => {
  const blocks = await readPdf(fixture('pdf/penza-district-2022-2023-one-table.pdf'));
  const rows = blocks.filter((b): b is RowBlock => b.kind === 'row');

  it('one table over five pages, its header printed on each page marked as a header', () => {
    expect(new Set(rows.map((r) => r.table))).toEqual(new Set([1]));
    const headers = rows.filter((r) => r.header);
    expect(headers.map((r) => r.location)).toEqual(['стр. 2', 'стр. 3', 'стр. 4', 'стр. 5']);
    expect(headers.every((r) => r.cells[0]?.text === '№ п/п' && r.cells.every((c) => c.bold))).toBe(true);
  });

  it('the title above the table is a bold paragraph; page numbers are not text', () => {
    const first = blocks[0];
    expect(first).toMatchObject({ kind: 'paragraph', bold: true, location: 'стр. 1' });
    expect(blocks.some((b) => b.kind === 'paragraph' && /^\d+$/.test(b.text.trim()))).toBe(false);
  });

  it('a section row spans the columns after its number', () => {
    const section = rows.find((r) => r.cells[0]?.text.startsWith('1. Организационное'));
    expect(section?.cells).toHaveLength(1);
    expect(section?.cells[0]).toMatchObject({ span: 5, bold: true });
  });
});

describe('vertically merged cells', async () => {
  const blocks = await readPdf(fixture('seeds/smolensk-region-2022-2023.pdf'));
  const rows = blocks.filter((b): b is RowBlock => b.kind === 'row');

  it('a level cell merged down carries its text, also past a page break', () => {
    const merged = rows.filter((r) => r.cells[1]?.merged);
    expect(merged.length).toBeGreaterThan(20);
    expect(
      merged.every((r) => /^(Региональный|Муниципальный|Институциональный)$/.test(r.cells[1]?.text ?? '')),
    ).toBe(true);
    const pages = new Set(rows.map((r) => r.location));
    expect(pages.size).toBeGreaterThan(10);
  });
});

describe('a cell merged down over a page break (LibreOffice)', () => {
  // pdf/merged-executors-over-pages.pdf (make-printed.py): «Исполнители» merged over rows 9–11, row 9 split
  // by the page break («Управление» on page 1, the rest on page 2), and over 16–19 with the page break
  // between 17 and 18 (the text all on page 1, page 2's cells empty). Word gives every row the whole text.
  it('every row it covers gets the whole text; the empty page start is a guess with a warning', async () => {
    const r = await parseRoadmapDocument('plan.pdf', fixture('pdf/merged-executors-over-pages.pdf'));
    const who = new Map(r.roadmaps.flatMap((m) => itemsOf(m)).map((i) => [i.number, i.responsible]));
    expect([9, 10, 11, 12].map((n) => who.get(String(n)))).toEqual([
      ...Array(3).fill('Управление образования, методический центр'),
      'Кураторы школ',
    ]);
    expect([15, 16, 17, 18, 19, 20].map((n) => who.get(String(n)))).toEqual([
      'Методический центр',
      ...Array(4).fill('Кураторы школ, руководители школ'),
      'Управление образования',
    ]);
    expect(r.warnings.filter((w) => /объединённой ячейкой/.test(w.message))).toEqual([
      {
        location: 'стр. 3',
        message:
          'Ячейка первой строки страницы пустая под объединённой ячейкой «Кураторы школ, руководители школ» в конце предыдущей страницы: объединение принято продолжающимся, текст повторён — проверьте',
      },
    ]);
  });
});

describe('PDFs that cannot be imported', () => {
  it('a scan (a page that is an image) gets the OCR message', async () => {
    const e = await parseRoadmapDocument('скан.pdf', fixture('pdf/scan-only-image.pdf')).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toBe(SCAN_MESSAGE);
    expect(SCAN_MESSAGE).toBe(
      'В PDF нет текстового слоя — это скан: распознайте его (OCR) или загрузите документ Word',
    );
  });
});

describe('a page turned by /Rotate', () => {
  it('its text is read upright, in reading order, on the turned page', async () => {
    // Text drawn upwards on a portrait page shown turned 90° clockwise: a landscape page read left to right.
    const content = Buffer.from(
      'BT /F1 12 Tf 0 1 -1 0 100 100 Tm (First line) Tj 0 1 -1 0 120 100 Tm (Second line) Tj ET',
      'latin1',
    );
    const pdf = makePdf([
      ['<< /Type /Catalog /Pages 2 0 R >>'],
      ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
      [
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 ' +
          '/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      ],
      ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
      [`<< /Length ${content.length} >>\nstream\n`, content, '\nendstream'],
    ]);
    const [page] = await readPdfPages(pdf);
    expect([page?.width, page?.height]).toEqual([842, 595]);
    expect(page?.texts.map((t) => [t.text, Math.round(t.x), Math.round(t.y), t.size])).toEqual([
      ['First line', 100, 100, 12],
      ['Second line', 100, 120, 12],
    ]);
  });
});
