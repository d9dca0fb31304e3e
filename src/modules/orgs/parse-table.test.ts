import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, forEachCsvRecord } from '../files/csv.js';
import { headerField } from './import-schools.js';
import { BOM, cp1251, utf8 } from './import-schools-setup.js';
import { cellText, parseTable } from './parse-table.js';

// Reading the tables of an import: CSV records and delimiters, encodings, XLSX cells, header synonyms.

describe('parse-table', () => {
  it('parses quoted CSV fields with delimiters, quotes and line breaks', async () => {
    const records = async (text: string) => {
      const out: string[][] = [];
      await forEachCsvRecord(utf8(text), (cells) => out.push(cells));
      return out;
    };
    expect(await records('a;"b;c";"say ""hi"""\r\n"multi\nline";;x\n\nlast')).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['multi\nline', '', 'x'],
      [''],
      ['last'],
    ]);
    expect(await records('a,b\n')).toEqual([['a', 'b']]);
  });

  it('detects the delimiter', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n"1;2",2,3')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3')).toBe('\t');
    expect(detectDelimiter('one column')).toBe(';');
  });

  it('decodes UTF-8, UTF-8 with BOM, UTF-16 and Windows-1251', () => {
    expect(decodeText(utf8('Пенза'))).toBe('Пенза');
    expect(decodeText(utf8(`${BOM}Пенза`))).toBe('Пенза');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Пенза', 'utf16le')]))).toBe(
      'Пенза',
    );
    expect(decodeText(cp1251('Ёлкино «№ 1»'))).toBe('Ёлкино «№ 1»');
  });

  it('normalises XLSX cell values to strings', () => {
    expect(cellText(5834001234)).toBe('5834001234');
    expect(cellText(583400123456)).toBe('583400123456');
    expect(cellText(1701000, '00000000')).toBe('01701000');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText({ formula: 'A1', result: '  x ' })).toBe('x');
    expect(cellText({ sharedFormula: 'A1', result: 7 })).toBe('7');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(cellText(new Date(Date.UTC(2024, 8, 1)))).toBe('2024-09-01');
    expect(cellText(true)).toBe('true');
  });

  it('numbers CSV rows as records and skips empty ones', async () => {
    const t = await parseTable('x.csv', utf8('h1;h2\n"a\nb";1\n;\nc;2\n'));
    expect(t.rows).toEqual([
      { row: 1, cells: ['h1', 'h2'] },
      { row: 2, cells: ['a\nb', '1'] },
      { row: 4, cells: ['c', '2'] },
    ]);
    const limited = await parseTable('x.csv', utf8('a\nb\nc\n'), { maxRows: 2 });
    expect(limited).toMatchObject({ truncated: true, rows: [{ row: 1 }, { row: 2 }] });
  });

  it('recognises header synonyms', () => {
    const cases: Array<[string, string | null]> = [
      ['Полное наименование', 'name'],
      ['Наименование ОО', 'name'],
      ['Краткое наименование', 'shortName'],
      ['ИНН организации', 'inn'],
      ['Муниципальное образование', 'municipality'],
      ['МО', 'municipality'],
      ['Наименование муниципалитета', 'municipality'],
      ['ОКТМО', 'oktmo'],
      ['Адрес', 'address'],
      ['Тип местности', 'isRural'],
      ['Малокомплектная', 'isSmall'],
      ['Уровни', 'levels'],
      ['Обучающихся', 'pupils'],
      ['Кол-во учителей', 'teachers'],
      ['Педагогов', 'teachers'],
      ['ФИО руководителя', 'director'],
      ['Код ОО', 'code'],
      ['Код школы', 'code'],
      ['Код организации', 'code'],
      ['Код образовательной организации', 'code'],
      ['Код ОУ', 'code'],
      ['Логин ФИС ОКО', 'code'],
      ['Код ФИС ОКО', 'code'],
      ['Логин ОО в ФИС ОКО', 'code'],
      ['Идентификатор школы', 'code'],
      ['school_id', 'code'],
      ['School ID', 'code'],
      // «Код» does not steal the other codes of a school list.
      ['Код ОКТМО', 'oktmo'],
      ['Код по ОКТМО', 'oktmo'],
      ['ИНН (код организации)', 'inn'],
      ['Код МО', 'municipality'],
      ['Код муниципалитета', 'municipality'],
      ['Код ОКПО организации', null],
      ['ОГРН организации', null],
      ['Код', null],
      ['Наименование ОО в ФИС ОКО', 'name'],
      ['№ п/п', 'ignore'],
      ['Примечание', null],
    ];
    for (const [h, f] of cases) expect([h, headerField(h)]).toEqual([h, f]);
  });
});
