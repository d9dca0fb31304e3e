import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSheets } from '../assessment-data/tables/read-table.js';
import { parseTableInThread } from '../orgs/parse-table.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/assessment-tables/${name}`, import.meta.url));
const ods = (content: string, mimetype = 'application/vnd.oasis.opendocument.spreadsheet') =>
  zipSync({ mimetype: strToU8(mimetype), 'content.xml': strToU8(content) });
const doc = (table: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${table}</office:spreadsheet></office:body></office:document-content>`;

describe('OpenDocument spreadsheets', () => {
  it('give the same rows as the same book saved as XLSX: sheets, merges, hidden rows, percents', async () => {
    for (const book of ['sheets-per-grade', 'merged-header-percents']) {
      const xlsx = await readSheets(`${book}.xlsx`, fixture(`${book}.xlsx`));
      const fromOds = await readSheets(`${book}.ods`, fixture(`${book}.ods`));
      expect(fromOds, book).toEqual(xlsx);
    }
  });

  it('count repeated rows and columns without making them, and keep a comment out of the cell', async () => {
    const table = doc(
      '<table:table table:name="Лист1">' +
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Код</text:p></table:table-cell>' +
        '<table:table-cell table:number-columns-repeated="3"/>' +
        '<table:table-cell office:value-type="percentage" office:value="0.125"><text:p>12,50 %</text:p></table:table-cell>' +
        '<table:table-cell table:number-columns-repeated="16000"/></table:table-row>' +
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
        '<table:table-row><table:table-cell office:value-type="float" office:value="7"><office:annotation><text:p>проверить</text:p></office:annotation><text:p>7,0</text:p></table:table-cell></table:table-row>' +
        '</table:table>',
    );
    const [sheet] = await readSheets('a.ods', ods(table));
    expect(sheet?.rows).toEqual([
      { row: 1, cells: ['Код', '', '', '', '12.5%'] },
      { row: 1048572, cells: ['7'] },
    ]);
  });

  it('keeps a comment out of the cell, and the leading zeros the cell shows', async () => {
    const table = doc(
      '<table:table table:name="Лист1"><table:table-row>' +
        '<table:table-cell office:value-type="string"><office:annotation><text:p>строка 1</text:p><text:p/><text:s/><text:p>строка 3</text:p></office:annotation><text:p>СОШ № 1</text:p></table:table-cell>' +
        '<table:table-cell office:value-type="float" office:value="274012345"><text:p>0274012345</text:p></table:table-cell>' +
        '</table:table-row></table:table>',
    );
    const [sheet] = await readSheets('a.ods', ods(table));
    expect(sheet?.rows).toEqual([{ row: 1, cells: ['СОШ № 1', '0274012345'] }]);
  });

  it('is refused with a clear message when it is no spreadsheet or too large', async () => {
    await expect(
      readSheets('a.ods', ods(doc(''), 'application/vnd.oasis.opendocument.text')),
    ).rejects.toThrow('Не удалось прочитать файл ODS: это не таблица OpenDocument');
    const many = doc(
      '<table:table table:name="Лист1"><table:table-row table:number-rows-repeated="60000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>',
    );
    await expect(readSheets('a.ods', ods(many))).rejects.toMatchObject({ code: 'TOO_LARGE' });
    // A few hundred bytes asking for 50 000 rows of 16 001 cells, or a span of 10¹⁵ columns: refused or cut
    // at once, not built.
    const wide = doc(
      '<table:table table:name="Лист1"><table:table-row table:number-rows-repeated="50000"><table:table-cell table:number-columns-repeated="16000"/><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>',
    );
    await expect(readSheets('a.ods', ods(wide))).rejects.toMatchObject({ code: 'TOO_LARGE' });
    const spans = doc(
      '<table:table table:name="Лист1"><table:table-row><table:covered-table-cell table:number-columns-repeated="1000000000000000"/><table:table-cell table:number-columns-spanned="100000000" table:number-rows-spanned="2" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>',
    );
    await expect(readSheets('a.ods', ods(spans))).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(parseTableInThread('список.ods', ods(many), { maxRows: 100 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });

  it('a list of schools in ODS is read by the table imports as its first sheet', async () => {
    const table = doc(
      '<table:table table:name="Школы"><table:table-row><table:table-cell office:value-type="string"><text:p>Код</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Название</text:p></table:table-cell></table:table-row>' +
        '<table:table-row><table:table-cell office:value-type="float" office:value="1701000"/><table:table-cell office:value-type="string"><text:p>СОШ </text:p><text:p>№ 1</text:p></table:table-cell></table:table-row></table:table>',
    );
    const t = await parseTableInThread('школы.ods', ods(table));
    expect(t).toEqual({
      format: 'ods',
      truncated: false,
      rows: [
        { row: 1, cells: ['Код', 'Название'] },
        { row: 2, cells: ['1701000', 'СОШ \n№ 1'] },
      ],
    });
  });
});
