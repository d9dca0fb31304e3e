import type { Db } from '../../db/client.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import type { Actor } from '../access/actor.js';
import { loadDiagnostic } from './access.js';
import { MATCH_LABELS } from './strings.js';
import { getSummary } from './summary.js';

// XLSX of a diagnostic's results for a unit: one row per teacher with scores, percent and levels of the
// total and of each block, and a sheet with the distribution of levels per unit below.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_LIMIT = 100_000;

export async function exportResults(
  db: Db,
  opts: { actor: Actor; diagnosticId: string; unitId?: string | undefined },
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const d = await loadDiagnostic(db, opts.actor, opts.diagnosticId);
  const s = await getSummary(db, { ...opts, teachersLimit: EXPORT_LIMIT });
  const levelName = (key: string | undefined) => d.levels.find((l) => l.key === key)?.name ?? key ?? '';
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Результаты', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([
    'Школа',
    'ФИО',
    'Должность',
    ...d.blocks.flatMap((b) => [`${b.name} (из ${b.maxScore})`, `${b.name}: уровень`]),
    'Итого, %',
    'Уровень',
    'Сопоставлен',
  ]);
  for (const t of s.teachers)
    ws.addRow([
      t.schoolName,
      t.fullName,
      t.position,
      ...d.blocks.flatMap((b) => [t.scores[b.key] ?? null, levelName(t.blockLevels[b.key])]),
      t.totalPercent,
      levelName(t.level),
      MATCH_LABELS[t.matchedBy],
    ]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = i < 2 ? 36 : 16;
  });
  const dist = wb.addWorksheet('Распределение');
  dist.addRow(['Организация', 'Педагогов', ...d.levels.map((l) => l.name)]);
  for (const u of [{ name: s.unit.name, ...s.all }, ...s.children])
    dist.addRow([u.name, u.total, ...d.levels.map((l) => u.levels[l.key] ?? 0)]);
  dist.getRow(1).font = { bold: true };
  dist.getColumn(1).width = 48;
  const about = wb.addWorksheet('О диагностике');
  about.addRows([
    ['Диагностика', d.name],
    ['Дата', d.conductedOn],
    ['Организатор', d.organiser],
    ['Организация', s.unit.name],
    ['Шкала', d.levels.map((l) => `${l.name} от ${l.minPercent} %`).join('; ')],
  ]);
  about.getColumn(1).width = 20;
  about.getColumn(2).width = 80;
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: `${d.name} — ${s.unit.name}.xlsx`.replace(/[\\/:*?"<>|]/g, ' '),
    contentType: XLSX_TYPE,
    body,
  };
}
