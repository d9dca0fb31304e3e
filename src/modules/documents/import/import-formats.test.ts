import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { normalizeBlocks, parseRoadmapDocument } from './parse-roadmap-document.js';
import { readDocx } from './reader-docx.js';
import { readTxt } from './reader-txt.js';
import { readXlsx } from './reader-xlsx.js';
import { contextsOf, items, readSeed, writeDocx, writeXlsx } from './test-documents.js';
import type { ImportResult } from './types.js';

// The same roadmaps saved as Word and Excel import to the same result as the text; Excel specifics; speed.
// Word specifics are in import-word.test.ts and import-word-layouts.test.ts.

const SEEDS = [
  ['penza-district-2022-2023', { sectionInOneCell: false, repeatHeader: true, numberingRow: true }],
  ['sharan-district-2022-2023', { sectionInOneCell: true, repeatHeader: false, numberingRow: false }],
  ['smolensk-region-2022-2023', { sectionInOneCell: false, repeatHeader: true, numberingRow: false }],
] as const;

/** Warning texts without the places they mention (a line of the text, a row of a Word table). */
const messages = (r: ImportResult) =>
  r.warnings.map((w) => w.message.replace(/\(первый — [^)]*\)/, '')).sort();

describe.each(SEEDS)('%s saved as .docx and .xlsx', async (name, style) => {
  const data = readSeed(`${name}.txt`);
  const fromText = await parseRoadmapDocument(`${name}.txt`, data);
  const contexts = contextsOf(normalizeBlocks(readTxt(data)).blocks);
  const docx = await writeDocx(contexts, fromText.roadmaps, style);
  const xlsx = await writeXlsx(contexts, fromText.roadmaps, style);

  it('the Word document imports to the same roadmaps', async () => {
    const blocks = readDocx(docx);
    const tables = new Set(blocks.flatMap((b) => (b.kind === 'row' ? [b.table] : [])));
    expect(tables.size).toBe(fromText.roadmaps.length * 2); // each table split in two
    if (name.startsWith('smolensk')) {
      expect(blocks.some((b) => b.kind === 'row' && b.cells.some((c) => c.merged))).toBe(true);
      expect(blocks.some((b) => b.kind === 'row' && b.cells.some((c) => (c.span ?? 1) > 1 && c.bold))).toBe(
        true,
      );
    }
    const fromDocx = await parseRoadmapDocument(`${name}.docx`, docx);
    expect(fromDocx.roadmaps).toEqual(fromText.roadmaps);
    // Warnings about the content are the same; only places differ (and page-break joins exist in text only).
    const textOnly = (m: string) => /из строки без номера|присоединена/.test(m);
    expect(messages(fromDocx)).toEqual(messages(fromText).filter((m) => !textOnly(m)));
  });

  it('the Excel book imports to the same roadmaps', async () => {
    const blocks = await readXlsx(xlsx);
    if (name.startsWith('smolensk'))
      expect(blocks.some((b) => b.kind === 'row' && b.cells.some((c) => c.merged))).toBe(true);
    const fromXlsx = await parseRoadmapDocument(`${name}.xlsx`, xlsx);
    expect(fromXlsx.roadmaps).toEqual(fromText.roadmaps);
    expect(fromXlsx.warnings.every((w) => w.location.startsWith('лист «Дорожные карты», строка '))).toBe(
      true,
    );
  });
});

// ---------- Excel specifics ----------

describe('Excel specifics', () => {
  it('merged level cells carry their value; a title merged across; several sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('План');
    ws.addRow(['Дорожная карта поддержки ШНСУ на 2023 год']);
    ws.mergeCells('A1:E1');
    ws.getCell('A1').font = { bold: true };
    ws.addRow(['№', 'Уровень управления', 'Мероприятие', 'Сроки', 'Ответственные']);
    ws.addRow(['1', 'Региональный', 'Первое', 'март', 'Министерство']);
    ws.addRow(['2', '', 'Второе', 'апрель', 'ИРО']);
    ws.addRow(['3', 'Институциональный', 'Третье', new Date(Date.UTC(2023, 4, 15)), 'ОО']);
    ws.mergeCells('B3:B4');
    wb.addWorksheet('Скрытый').state = 'hidden';
    const r = await parseRoadmapDocument('plan.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.roadmaps[0]?.title).toBe('Дорожная карта поддержки ШНСУ на 2023 год');
    expect(r.roadmaps[0]?.meta.kind).toBe('shnsu');
    expect(items(r).map((i) => [i.number, i.level, i.deadline.text, i.deadline.from])).toEqual([
      ['1', 'региональный', 'март', '2023-03'],
      ['2', 'региональный', 'апрель', '2023-04'],
      ['3', 'институциональный', '15.05.2023', '2023-05'],
    ]);
  });
});

// ---------- Speed ----------

describe('a 300-row document', () => {
  const header = '№ п/п\tМероприятие\tСроки\tОтветственные\tПоказатель';
  const lines = ['Дорожная карта на 2022-2023 учебный год', '', header];
  for (let s = 1; s <= 10; s++) {
    lines.push(`${s}\t<b>Направление ${s}</b>\t\t\t`);
    for (let i = 1; i <= 30; i++) {
      lines.push(
        `${s}.${i}\tМероприятие ${s}.${i} по поддержке школ\tоктябрь-ноябрь 2022\tОтдел образования\tПриказ`,
      );
    }
  }
  const text = Buffer.from(lines.join('\n'), 'utf8');

  it('imports in well under a second (text and Word)', async () => {
    let started = performance.now();
    const fromText = await parseRoadmapDocument('big.txt', text);
    const textMs = performance.now() - started;
    const contexts = contextsOf(normalizeBlocks(readTxt(text)).blocks);
    const docx = await writeDocx(contexts, fromText.roadmaps, {
      sectionInOneCell: false,
      repeatHeader: true,
      numberingRow: false,
    });
    started = performance.now();
    const fromDocx = await parseRoadmapDocument('big.docx', docx);
    const docxMs = performance.now() - started;
    console.log(`300 строк: текст ${textMs.toFixed(1)} мс, Word ${docxMs.toFixed(1)} мс`);
    expect(items(fromText)).toHaveLength(300);
    expect(fromDocx.roadmaps).toEqual(fromText.roadmaps);
  });
});
