import type { Db } from '../../db/client.js';
import { SCHOOL_DOCUMENT_STATUSES } from '../../db/schema/values.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import type { Actor } from '../access/actor.js';
import { CONCLUSION_LABELS, DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS } from './strings.js';
import { getSummary } from './summary.js';

// The region's expertise summary as XLSX: the table per municipality, the documents on rework, the
// municipal roadmaps' expertise — the same numbers as the page.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportSummary(db: Db, opts: { actor: Actor; year?: number }) {
  const s = await getSummary(db, opts);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Опора';
  const bold = (row: { font: unknown }) => {
    row.font = { bold: true };
  };

  const ws = wb.addWorksheet('Свод по муниципалитетам');
  ws.addRow([`Экспертиза документов школ, ${s.year}/${s.year + 1} учебный год`]).font = {
    bold: true,
    size: 13,
  };
  const statuses = SCHOOL_DOCUMENT_STATUSES.map((st) => DOCUMENT_STATUS_LABELS[st] ?? st);
  bold(
    ws.addRow([
      'Муниципалитет',
      'Документов',
      ...statuses,
      'На доработке',
      'Назначено заключений',
      'Отправлено заключений',
      'Средний балл, %',
    ]),
  );
  const line = (name: string, r: (typeof s)['total']) =>
    ws.addRow([
      name,
      r.documents,
      ...SCHOOL_DOCUMENT_STATUSES.map((st) => r.byStatus[st] ?? 0),
      r.onRework,
      r.reviewsAssigned,
      r.reviewsSubmitted,
      r.averagePercent ?? '—',
    ]);
  for (const r of s.rows) line(r.municipality.name, r);
  bold(line('Итого по региону', s.total));
  ws.getColumn(1).width = 42;
  for (let i = 2; i <= statuses.length + 6; i++) ws.getColumn(i).width = 14;

  const rw = wb.addWorksheet('На доработке');
  bold(
    rw.addRow([
      'Муниципалитет',
      'Школа',
      'Документ',
      'Вид',
      'Статус',
      'Заключений «на доработку»',
      'Рекомендации',
    ]),
  );
  for (const d of s.rework)
    rw.addRow([
      d.municipality?.name ?? '',
      d.school.name,
      d.title,
      DOCUMENT_KIND_LABELS[d.kind] ?? d.kind,
      DOCUMENT_STATUS_LABELS[d.status] ?? d.status,
      d.reviewsRework,
      d.recommendations.join('\n\n'),
    ]);
  [30, 40, 50, 28, 22, 16, 80].forEach((w, i) => {
    rw.getColumn(i + 1).width = w;
  });

  const rm = wb.addWorksheet('Муниципальные карты');
  bold(
    rm.addRow([
      'Муниципалитет',
      'Дорожная карта',
      'Назначено',
      'Отправлено',
      'Средний балл, %',
      'Заключения',
    ]),
  );
  for (const m of s.roadmaps)
    rm.addRow([
      m.municipality.name,
      m.title,
      m.reviewsAssigned,
      m.reviewsSubmitted,
      m.averagePercent ?? '—',
      m.conclusions.map((c) => CONCLUSION_LABELS[c]).join('; '),
    ]);
  [30, 60, 12, 12, 16, 40].forEach((w, i) => {
    rm.getColumn(i + 1).width = w;
  });

  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { data, name: `Экспертиза ${s.year}-${s.year + 1}.xlsx`, contentType: XLSX_TYPE };
}
