import { afterAll, describe, expect, it } from 'vitest';
import {
  csvBombPackage,
  docxBomb,
  manyRowsWorkbook,
  withTicker,
} from '../../../tests/helpers/hostile-files.js';
import { makeZip } from '../../../tests/helpers/zip.js';
import { AppError } from '../../lib/errors.js';
import { readUploadedPackage } from '../assessment-data/read-upload.js';
import { parseRoadmapDocument } from '../documents/import/parse-roadmap-document.js';
import { readDocx } from '../documents/import/reader-docx.js';
import { parseTable } from '../orgs/parse-table.js';
import { closeParsePools, runInWorker } from './parse-pool.js';

// Hostile uploads are rejected by the bounded readers in a worker thread, and the event loop keeps
// ticking meanwhile. The longest gap is printed, not asserted: on the shared 2-core machine a starved
// main thread showed gaps of 1.4 s with nothing blocking it (bench:hostile measures it on a server).

afterAll(() => closeParsePools());

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function rejected(run: () => Promise<unknown>, label: string) {
  const started = performance.now();
  const { result, maxGapMs } = await withTicker(run);
  const ms = performance.now() - started;
  console.log(`${label}: rejected in ${ms.toFixed(0)} ms, longest event-loop gap ${maxGapMs.toFixed(0)} ms`);
  expect(result).toBeInstanceOf(AppError);
  return result as AppError;
}

describe('hostile uploads', () => {
  it('a .docx whose document.xml inflates to 1 GiB while declaring 1000 bytes', async () => {
    const docx = docxBomb(1024);
    const e = await rejected(() => parseRoadmapDocument('plan.docx', docx), 'docx bomb');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/размер части «word\/document\.xml» не совпадает с заявленным/);
  });

  it('a ZIP package whose results.csv inflates to 1.1 GiB while declaring 100 bytes', async () => {
    const zip = csvBombPackage(1.1);
    const e = await rejected(() => readUploadedPackage(zip), 'csv bomb (lying)');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/размер части «results\.csv» не совпадает с заявленным/);
  });

  it('a ZIP package whose results.csv truly declares 0.99 GiB packed a thousand times', async () => {
    const gib = 0.99;
    const zip = csvBombPackage(gib, Math.ceil(gib * 1024 ** 3));
    const e = await rejected(() => readUploadedPackage(zip), 'csv bomb (honest sizes)');
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(/ZIP-бомбу/);
  });

  it('a workbook of many rows that passes every size check', async () => {
    const book = manyRowsWorkbook(1, 30_000);
    const e = await rejected(() => parseRoadmapDocument('plan.xlsx', book), 'xlsx of 30 000 rows (roadmap)');
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe(
      'В книге слишком много строк (больше 10\u00a0000): разделите её на несколько файлов',
    );
    const t = await rejected(
      () => parseTable('schools.xlsx', manyRowsWorkbook(1, 25_000), { maxRows: 20_000 }),
      'xlsx (schools)',
    );
    expect(t.code).toBe('TOO_LARGE');
    expect(t.message).toMatch(/слишком много строк/);
  });

  it('a .docx of 150 000 short paragraphs stops at the block limit while reading', async () => {
    const paras = Array.from(
      { length: 150_000 },
      (_, i) => `<w:p><w:r><w:t>п${i.toString(36)}</w:t></w:r></w:p>`,
    );
    const xml = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${paras.join('')}</w:body></w:document>`;
    const docx = makeZip([{ name: 'word/document.xml', data: Buffer.from(xml) }]);
    const e = await rejected(() => parseRoadmapDocument('plan.docx', docx), 'docx of 150 000 paragraphs');
    expect(e.message).toBe('В файле слишком много строк (больше 100000): разделите его на части');
  });

  it('a text paragraph of 200 000 lines ending in two spaces is read in linear time', async () => {
    // Each line re-joined all lines before it: hours for this megabyte.
    const text = Buffer.from('строка  \n'.repeat(200_000));
    const e = await rejected(
      () => parseRoadmapDocument('plan.txt', text),
      'txt, one paragraph of 200 000 lines',
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/не найдено таблицы дорожной карты/);
  });

  it('a worker over its wall time is terminated and the user is told so', async () => {
    const csv = Buffer.from('a;b\n'.repeat(1_000_000));
    const e = await runInWorker({ kind: 'table', fileName: 'x.csv', data: csv }, { timeoutMs: 1 }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('TOO_LARGE');
    expect((e as AppError).message).toMatch(/разбирается слишком долго/);
    // The pool goes on with a fresh worker.
    const ok = await parseTable('x.csv', Buffer.from('a;b\n1;2\n'));
    expect(ok.rows).toHaveLength(2);
  });

  it('an attribute value holding «>» does not end the tag', () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>` +
      '<w:p><w:pPr><w:pStyle w:val="a>b"/></w:pPr><w:r><w:t xml:space="preserve" w:note="x > y">Текст</w:t></w:r></w:p>' +
      '</w:body></w:document>';
    const blocks = readDocx(makeZip([{ name: 'word/document.xml', data: Buffer.from(xml) }]));
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'Текст', bold: false, location: 'абзац 1' }]);
  });
});
