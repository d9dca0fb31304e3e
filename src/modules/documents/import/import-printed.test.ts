import { describe, expect, it } from 'vitest';
import { normalizeText } from './clean-text.js';
import { readHeader } from './columns.js';
import { readHeaderRow } from './header-rows.js';
import { mendCuts } from './pdf-text.js';
import type { RowBlock } from './types.js';

// Rules from held-out set 3 (issue 16): what made printed or exported roadmaps of other producers fail.
// The documents that hold them are tests/fixtures/roadmaps/pdf/{chromium-split-rows,section-rows-first,
// direction-rows-bullets} (pdf/src/make-printed.py), measured by import-accuracy.test.ts.

const row = (cells: RowBlock['cells']): RowBlock => ({ kind: 'row', cells, location: 'строка 1' });
const cell = (text: string, span?: number) => ({ text, bold: true, italic: false, ...(span && { span }) });

describe('a section row is not a header', () => {
  it('one cell spanning the table is a section, whatever its words', () => {
    expect(readHeaderRow(row([cell('Раздел 1. Нормативно-правовое обеспечение', 5)]))).toBeNull();
    expect(readHeaderRow(row([cell('Направление 2. Работа с родителями', 4)]))).toBeNull();
  });

  it('«Раздел/Направление/Блок N» in a cell of a row of cells is a section title, not a column name', () => {
    expect(readHeader(['Направление 1. Кадры', 'Сроки', 'Ответственные'])).toBeNull();
    expect(readHeader(['Блок II: мониторинг', 'Срок', 'Исполнитель'])).toBeNull();
    expect(readHeader(['Направление', 'Мероприятие', 'Сроки'])?.map((c) => c.meaning)).toEqual([
      'direction',
      'measure',
      'deadline',
    ]);
    expect(readHeaderRow(row([cell('Мероприятие'), cell('Сроки'), cell('Ответственные')]))).not.toBeNull();
  });
});

describe('list bullets in cells', () => {
  it('drops the glyphs of automatic bullets at line starts and after «;», keeps typed dashes', () => {
    expect(normalizeText('• протоколы собраний;\n• листы регистрации')).toBe(
      'протоколы собраний; листы регистрации',
    );
    expect(normalizeText('\uf0b7 план недели;\n\uf0b7 фотоотчёт')).toBe('план недели; фотоотчёт');
    expect(normalizeText('по темам: ▪ «Чтение»; ▪ «Оценивание»')).toBe('по темам: «Чтение»; «Оценивание»');
    expect(normalizeText('по темам:\n– «Чтение»;\n– «Оценивание».')).toBe(
      'по темам: – «Чтение»; – «Оценивание».',
    );
  });
});

describe('a word cut by a narrow cell', () => {
  const cut = (text: string, others: string[] = []) =>
    mendCuts([
      { kind: 'row', location: 'стр. 1', cells: [{ text, bold: false, italic: false }] },
      ...others.map((t): RowBlock => row([{ text: t, bold: false, italic: false }])),
    ])[0] as RowBlock;

  it('joins halves that are no words when the whole is a word of the roadmap lexicon, and says so', () => {
    const mended = cut('ежекварта\uE000льно').cells[0];
    expect(mended?.text).toBe('ежеквартально');
    expect(mended?.notes).toEqual(['«ежекварта льно» → «ежеквартально»']);
  });

  it('joins a word cut twice the same way', () => {
    expect(cut('ежек\uE000варта\uE000льно').cells[0]?.text).toBe('ежеквартально');
  });

  it('keeps two words apart when a half is a word of the document', () => {
    expect(cut('ежекварта\uE000льно', ['льно и лён']).cells[0]?.text).toBe('ежекварта\nльно');
  });
});
