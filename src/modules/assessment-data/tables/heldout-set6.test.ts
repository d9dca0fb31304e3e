import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Cell, workbook } from '../../../../tests/helpers/assessment-tables.js';
import { readAssessmentTableInThread } from './index.js';

// What the sixth held-out set of tables (bench/assessment-heldout/set6) showed was not read. Small
// reproductions, not copies of that set.

const marks = (r: Awaited<ReturnType<typeof readAssessmentTableInThread>>) =>
  r.conversion.results.map((x) => [x.school.code, x.participants, x.mark2, x.mark3, x.mark4, x.mark5]);

describe('the marks under a caption of the row above', () => {
  // The caption row names as many fields as the marks row under it: the marks row was taken for data.
  it('a CSV caption in its first cell only («Доля…» over «2 | 3 | 4 | 5») heads the marks as shares', async () => {
    const csv = [
      'Код ОО;Наименование ОО;Муниципалитет;Кол-во участников;Доля участников, получивших отметку;;;',
      ';;;;2;3;4;5',
      ';Регион;;28;0,107;0,321;0,393;0,179',
      'K1;МБОУ СОШ № 1;Кедровый МР;20;0,050;0,300;0,450;0,200',
      'K2;МБОУ СОШ № 2;Кедровый МР;8;0,250;0,375;0,250;0,125',
    ].join('\n');
    const data = new TextEncoder().encode(csv);
    const first = await readAssessmentTableInThread('выгрузка.csv', data, null);
    expect(first.analysis.mapping.headerRows).toEqual([1, 2]);
    // Nothing in the file says the procedure: the user gives it in the mapping step.
    const fixed = { year: 2026, assessment: 'ВПР', subject: 'математика', grade: 7 };
    const r = await readAssessmentTableInThread('выгрузка.csv', data, { ...first.analysis.mapping, fixed });
    expect(r.conversion.errors).toEqual([]);
    expect(marks(r)).toEqual([
      ['K1', 20, 1, 6, 9, 4],
      ['K2', 8, 2, 3, 2, 1],
    ]);
  });

  it('«Распределение участников по отметкам» over «%» over «2»…«5»: the marks are percents', async () => {
    const r = await readAssessmentTableInThread(
      'впр.xlsx',
      await workbook(
        'Лист1',
        [
          ['ВПР 2026. Биология, 7 класс'],
          ['№ п/п', 'Наименование ОО', 'Кол-во участников', 'Распределение участников по отметкам'],
          ['', '', '', '%'],
          ['', '', '', '2', '3', '4', '5'],
          ['1', 'МБОУ СОШ № 1', '20', '5,0', '30,0', '45,0', '20,0'],
          ['2', 'МБОУ СОШ № 2', '8', '25,0', '37,5', '', '37,5'],
        ] satisfies Cell[][],
        ['D2:G2', 'D3:G3', 'A2:A4', 'B2:B4', 'C2:C4'],
      ),
      null,
    );
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => [x.participants, x.mark2, x.mark3, x.mark4, x.mark5])).toEqual([
      [20, 1, 6, 9, 4],
      [8, 2, 3, 0, 3],
    ]);
  });
});

describe('what the user gives and how blocks are captioned', () => {
  it('tables per subject under a bare caption («РУССКИЙ ЯЗЫК») are blocks, each with its subject', async () => {
    const head = ['Код ОО', 'Наименование ОО', 'Участников', '«2»', '«3»', '«4»', '«5»'];
    const data = await workbook('Лист1', [
      ['РУССКИЙ ЯЗЫК'],
      head,
      ['', 'Регион', 15, 1, 4, 6, 4],
      ['K1', 'МБОУ СОШ № 1', 10, 1, 3, 4, 2],
      ['K2', 'МБОУ СОШ № 2', 5, 0, 1, 2, 2],
      [],
      ['МАТЕМАТИКА'],
      head,
      ['K1', 'МБОУ СОШ № 1', 9, 2, 3, 2, 2],
    ]);
    const first = await readAssessmentTableInThread('огэ.xlsx', data, null);
    // The title was lost: the user gives the year and the exam (ОГЭ gives the grade).
    const fixed = { ...first.analysis.mapping.fixed, year: 2025, assessment: 'ОГЭ', grade: 9 };
    const r = await readAssessmentTableInThread('огэ.xlsx', data, { ...first.analysis.mapping, fixed });
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => [x.school.code, x.subject, x.participants])).toEqual([
      ['K1', 'русский язык', 10],
      ['K2', 'русский язык', 5],
      ['K1', 'математика', 9],
    ]);
  });

  it('a grade the user gives for a book of a sheet per municipality holds for every sheet', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [place, code] of [
      ['Лесной МР', 'K1'],
      ['Заречный МР', 'K2'],
    ] as const) {
      const ws = wb.addWorksheet(place);
      ws.addRow(['ВПР 2026. Биология']);
      ws.addRow(['Код ОО', 'Участников', '«2»', '«3»', '«4»', '«5»']);
      ws.addRow([code, 10, 1, 3, 4, 2]);
    }
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const first = await readAssessmentTableInThread('впр.xlsx', data, null);
    expect(first.conversion.results).toEqual([]);
    const fixed = { ...first.analysis.mapping.fixed, grade: 7 };
    const r = await readAssessmentTableInThread('впр.xlsx', data, { ...first.analysis.mapping, fixed });
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => [x.school.code, x.subject, x.grade])).toEqual([
      ['K1', 'биология', 7],
      ['K2', 'биология', 7],
    ]);
  });
});

// Held-out set 7: the same report for two grades, one table under the other.
describe('tables per grade one under another', () => {
  it('a caption «8 класс» over the repeated header gives its rows the grade; the title keeps the subject', async () => {
    const head = ['Код ОО', 'Участники', '«2»', '«3»', '«4»', '«5»'];
    const data = await workbook('Лист1', [
      ['НИКО — 2025'],
      ['Литература'],
      ['Доли участников, получивших отметки'],
      [],
      ['6 класс'],
      head,
      ['K1', 20, 0.05, 0.3, 0.45, 0.2],
      [],
      ['8 класс'],
      head,
      ['K1', 8, 0.25, 0.375, 0.25, 0.125],
    ]);
    const r = await readAssessmentTableInThread('нико.xlsx', data, null);
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => [x.subject, x.grade, x.participants, x.mark2, x.mark5])).toEqual([
      ['литература', 6, 20, 1, 4],
      ['литература', 8, 8, 2, 1],
    ]);
  });
});
