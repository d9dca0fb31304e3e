import type { Db } from '../../db/client.js';
import type { SchoolGroup } from '../../db/schema/values.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import type { Actor } from '../access/actor.js';
import { BAND_LABELS } from '../indicators/band.js';
import { getPeopleCoverage } from './get-people-coverage.js';
import type { PeopleUnitView } from './views.js';

// The page's table as XLSX (issue 14 §1): the same numbers — the unit, then each unit below it; for each
// figure its numerator, denominator, share and band — and a sheet saying where each figure comes from.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportPeopleCoverage(
  db: Db,
  opts: { actor: Actor; unitId?: string; year?: number; group?: SchoolGroup },
): Promise<{ name: string; contentType: string; data: Buffer }> {
  const v = await getPeopleCoverage(db, opts);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Опора';
  const ws = wb.addWorksheet('Охват поддержки педагогов');
  ws.addRow([`Охват поддержки педагогов: ${v.unit.unit.name}, ${v.yearLabel}`]).font = {
    bold: true,
    size: 13,
  };
  ws.addRow([`Школы: ${v.groupText}`]);
  const head = ['Организация', 'Школ', 'Педагогов'];
  for (const d of v.definitions) head.push(`${d.label}: числитель`, 'знаменатель', '%', 'относительно цели');
  ws.addRow(head).font = { bold: true };
  const line = (u: PeopleUnitView) => {
    const cells: (string | number)[] = [u.unit.name, u.schools, u.teachers];
    for (const f of u.figures) cells.push(f.numerator, f.denominator, f.share ?? '—', BAND_LABELS[f.band]);
    return ws.addRow(cells);
  };
  line(v.unit).font = { bold: true };
  for (const c of v.children) line(c);
  ws.getColumn(1).width = 42;
  for (let i = 2; i <= head.length; i++) ws.getColumn(i).width = 14;

  const src = wb.addWorksheet('Откуда эти цифры');
  src.addRow(['Показатель', 'Данные', 'Правило', 'Год']).font = { bold: true };
  for (const d of v.definitions) src.addRow([d.label, d.source.data, d.source.rule, d.source.year]);
  [36, 50, 90, 16].forEach((w, i) => {
    src.getColumn(i + 1).width = w;
  });
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    name: `Охват поддержки педагогов ${v.unit.unit.name} ${v.year}.xlsx`,
    contentType: XLSX_TYPE,
    data,
  };
}
