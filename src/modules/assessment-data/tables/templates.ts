import { loadExcelJs } from '../../../lib/exceljs.js';
import { VOCABULARY } from './header-vocabulary.js';
import type { TableField } from './mapping.js';
import { PERCENT_TOLERANCE } from './percent.js';

// The XLSX templates a region's operator downloads: Russian headers from the recogniser's own vocabulary,
// one example row the converter skips («ПРИМЕР»), and a sheet «Пояснения» with every column explained.

export type TemplateLayout = 'long' | 'wide';

const label = (field: TableField) => VOCABULARY.find((v) => v.field === field)?.label ?? field;

const SCHOOL: TableField[] = ['school_code', 'school_name', 'municipality', 'year'];
const MEASURES: TableField[] = ['participants', 'mark2', 'mark3', 'mark4', 'mark5'];
const LONG: TableField[] = [
  ...SCHOOL,
  'assessment',
  'subject',
  'grade',
  ...MEASURES,
  'below_min',
  'lowered',
  'confirmed',
  'raised',
];
const WIDE_GROUPS = ['ВПР. Русский язык. 4 класс', 'ВПР. Математика. 4 класс'];

/** The example row's school: the converter skips a row whose school starts with «ПРИМЕР». */
export const EXAMPLE_CODE = 'ПРИМЕР, удалите';
const EXAMPLE: Partial<Record<TableField, string | number>> = {
  school_code: EXAMPLE_CODE,
  school_name: 'ПРИМЕР, удалите эту строку: МБОУ «СОШ № 1»',
  municipality: 'Городской округ Озёрск',
  year: 2025,
  assessment: 'ВПР',
  subject: 'русский язык',
  grade: 4,
  participants: 25,
  mark2: 2,
  mark3: 9,
  mark4: 10,
  mark5: 4,
  lowered: 3,
  confirmed: 20,
  raised: 2,
};

const NOTES = [
  'Одна строка — одна школа и одна процедура (шаблон «по строкам») или одна школа и группа столбцов на каждую процедуру (шаблон «по группам»: процедура, предмет и класс — в заголовке группы).',
  'Вместо числа отметок можно дать доли в процентах («% "2"» … «% "5"»): они пересчитываются в число участников с округлением; сумма долей должна быть 100 % (допускается ±' +
    `${PERCENT_TOLERANCE.toLocaleString('ru-RU')}, для целых процентов — ±0,5 на каждую долю).`,
  'Для экзамена без отметок заполните «Не преодолели минимальный порог» вместо отметок.',
  'Строки «Итого», «Всего», «Вся выборка», строки муниципалитета или региона без школы пропускаются.',
  'Год, процедуру, предмет и класс можно не давать столбцом, если они указаны в строке над таблицей («Результаты ВПР 2025 года, 4 класс»).',
];

export async function buildTableTemplate(layout: TemplateLayout): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Результаты');
  const used: TableField[] = layout === 'long' ? LONG : [...SCHOOL, ...MEASURES];
  if (layout === 'long') {
    ws.addRow(LONG.map(label));
    ws.addRow(LONG.map((f) => EXAMPLE[f] ?? null));
  } else {
    const groupRow = [...SCHOOL.map(label), ...WIDE_GROUPS.flatMap((g) => MEASURES.map(() => g))];
    ws.addRow(groupRow);
    ws.addRow([...SCHOOL.map(label), ...WIDE_GROUPS.flatMap(() => MEASURES.map(label))]);
    ws.addRow([
      ...SCHOOL.map((f) => EXAMPLE[f] ?? null),
      ...WIDE_GROUPS.flatMap(() => MEASURES.map((f) => EXAMPLE[f] ?? null)),
    ]);
    SCHOOL.forEach((_, i) => {
      ws.mergeCells(1, i + 1, 2, i + 1);
    });
    WIDE_GROUPS.forEach((_, g) => {
      const from = SCHOOL.length + g * MEASURES.length + 1;
      ws.mergeCells(1, from, 1, from + MEASURES.length - 1);
    });
  }
  const headerRows = layout === 'long' ? 1 : 2;
  for (let r = 1; r <= headerRows; r++) {
    const row = ws.getRow(r);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  ws.getRow(headerRows + 1).font = { italic: true, color: { argb: 'FF808080' } };
  ws.views = [{ state: 'frozen', ySplit: headerRows, xSplit: 0 }];
  ws.columns.forEach((col, i) => {
    col.width = i === 1 ? 40 : i < SCHOOL.length ? 18 : 14;
  });

  const help = wb.addWorksheet('Пояснения');
  help.addRow(['Столбец', 'Что в нём', 'Такой столбец распознаётся и под другими заголовками']).font = {
    bold: true,
  };
  for (const v of VOCABULARY) {
    if (!used.includes(v.field) && !v.field.startsWith('pct') && v.field !== 'school_login') continue;
    help.addRow([v.label, v.explanation, v.examples.map((e) => `«${e}»`).join(', ')]);
  }
  help.addRow([]);
  for (const note of NOTES) help.addRow([null, note]);
  help.columns = [{ width: 42 }, { width: 80 }, { width: 70 }];
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  help.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
