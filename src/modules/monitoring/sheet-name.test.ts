import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetName } from './export-xlsx.js';

// Table fields get sheets named after their labels; exceljs refuses names Excel would refuse, and a refused
// name used to turn the whole export into a 500 (review of issue 13).
describe('sheet names of table fields', () => {
  it('gives every label a sheet name exceljs accepts, unique ignoring case', () => {
    const wb = new ExcelJS.Workbook();
    const used = new Set<string>(['ответы', 'о мониторинге']);
    wb.addWorksheet('Ответы');
    wb.addWorksheet('О мониторинге');
    const labels = [
      "'Кадры'",
      'History',
      'ответы',
      'о мониторинге',
      'Кадры',
      'КАДРЫ',
      '',
      '[]:*?/\\',
      'а'.repeat(40),
    ];
    const names = labels.map((l) => {
      const name = sheetName(l, used);
      wb.addWorksheet(name);
      return name;
    });
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(labels.length);
    expect(names.every((n) => n.length <= 31 && !n.startsWith("'") && !n.endsWith("'"))).toBe(true);
    expect(names[1]).toBe('Таблица');
  });
});
