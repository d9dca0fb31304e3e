import type ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import type { RiskLevel } from '../../db/schema/values.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import type { AnyActor } from '../access/actor.js';
import { type HeatMapFilter, heatMap } from './heat-map.js';
import { LEVEL_COLORS, LEVEL_LABELS, VERIFICATION_LABELS } from './strings.js';

// The heat map as an XLSX workbook: one sheet of schools × factors with the level in words, the score
// and the level's colour (the mode's level: computed, verified, or «before → after»), one sheet of the
// most frequent high risks, and a sheet with the rule and the campaign so the numbers explain themselves.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const argb = (level: RiskLevel) => `FF${LEVEL_COLORS[level].slice(1).toUpperCase()}`;
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2).replace('.', ','));

export async function exportHeatMap(
  db: Db,
  opts: { actor: AnyActor; campaignId: string; filter?: HeatMapFilter },
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const map = await heatMap(db, opts);
  const mode = opts.filter?.mode ?? 'computed';
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Опора';
  const ws = wb.addWorksheet('Тепловая карта', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const header = ['Школа', 'Муниципалитет', ...map.factors.map((f) => `${f.code}. ${f.name}`), 'Верификация'];
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(1).height = 90;
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 24;
  map.factors.forEach((_, i) => {
    ws.getColumn(3 + i).width = 16;
  });
  ws.getColumn(3 + map.factors.length).width = 22;
  for (const r of map.rows) {
    const cells = r.cells.map((c) => {
      if (!r.computed) return { text: 'не рассчитан', level: 'nodata' as RiskLevel };
      if (mode === 'verified') {
        const l = c.verifiedLevel ?? c.level;
        return { text: `${LEVEL_LABELS[l]}${c.verifiedLevel ? '' : ' (расч.)'}`, level: l };
      }
      if (mode === 'change') {
        const was = c.before ? `${LEVEL_LABELS[c.before.level]} → ` : '';
        const delta =
          c.before?.score != null && c.score !== null
            ? ` (${c.score - c.before.score >= 0 ? '+' : ''}${num(c.score - c.before.score)})`
            : '';
        return { text: `${was}${LEVEL_LABELS[c.level]}${delta}`, level: c.level };
      }
      return { text: `${LEVEL_LABELS[c.level]} (${num(c.score)})`, level: c.level };
    });
    const row = ws.addRow([
      r.school.name,
      r.municipality.name,
      ...cells.map((c) => c.text),
      VERIFICATION_LABELS[r.verification],
    ]);
    cells.forEach((c, i) => {
      const cell = row.getCell(3 + i);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(c.level) } };
    });
    row.eachCell((cell) => {
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const fr = wb.addWorksheet('Частые высокие риски');
  fr.addRow([
    'Фактор',
    'Высокий (расчёт)',
    'Из рассчитанных школ',
    'Высокий (верифицирован)',
    'Из верифицированных школ',
  ]);
  fr.getRow(1).font = { bold: true };
  fr.getColumn(1).width = 60;
  for (const f of map.frequent)
    fr.addRow([`${f.code}. ${f.name}`, f.computedHigh, f.computedSchools, f.verifiedHigh, f.verifiedSchools]);
  const about = wb.addWorksheet('О расчёте');
  about.getColumn(1).width = 30;
  about.getColumn(2).width = 100;
  about.addRows([
    ['Кампания', map.campaign.title],
    ['Год', map.campaign.year],
    [
      'Режим',
      mode === 'computed'
        ? 'рассчитанные уровни'
        : mode === 'verified'
          ? 'верифицированные уровни'
          : 'изменение к исходной кампании',
    ],
    ['Исходная кампания', map.baseline?.title ?? '—'],
    ['Школ показано', map.rows.length],
    ['Правило', map.rule],
    ['Списки', map.lists.map((l) => l.title).join('; ') || 'утверждённых списков нет'],
  ]);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `Тепловая карта рисков ${map.campaign.year}.xlsx`, contentType: XLSX_TYPE, body };
}
