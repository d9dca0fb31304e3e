import type ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { WORDS } from '../../lib/counted.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import { countLabel } from '../../lib/plural.js';
import type { Actor } from '../access/actor.js';
import { appendixDocx, dataRow, headerRow, NUM_COL_W, TABLE_W, wideRow } from '../documents/docx-appendix.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';
import type { Flags } from './identify.js';
import type { ListEntry } from './list-entries.js';
import { compactGrounds, kindReasons } from './list-grounds.js';
import { LIST_KIND_SHORT, type ListKind, listKindFileStem, listKindTitle } from './list-kinds.js';
import { decisionReason } from './list-views.js';
import { getList, type ListDetail } from './lists.js';

// Export of a list: XLSX with every school that has any flag (for work), and DOCX with the included
// schools only, as the appendix to the order that approves the list: one line of grounds per school
// (list-grounds.ts), and the full sentences of the run in a second appendix only when asked.

export const LIST_SHEET_NAME = 'Перечень';
export type ListExportFormat = 'xlsx' | 'docx';

/** The ШНОР list's title (other kinds: `listKindTitle`). */
export const listTitle = (year: number, kind: ListKind = 'shnor') => listKindTitle(kind, year);

/** [«Приложение 2 к приказу», «от 14.02.2025 № 45-од»], or [«Проект»] for a draft. */
export function listApprovalLines(
  l: Pick<ListDetail, 'status' | 'orderNumber' | 'orderDate'> & {
    appendixNo?: number | null;
    orderAppendices?: number;
  },
): string[] {
  if (l.status !== 'approved') return ['Проект'];
  const order = [
    l.orderDate ? `от ${formatRuDate(l.orderDate)}` : '',
    l.orderNumber ? `№ ${l.orderNumber}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  // A number only when the order has several appendices, as orders are written.
  const numbered = l.appendixNo && (l.orderAppendices ?? 0) > 1;
  return [numbered ? `Приложение ${l.appendixNo} к приказу` : 'Приложение к приказу', order].filter(Boolean);
}

/** Full grounds of a school's place in the list: the run's sentences of its kind and the operator's decision. */
export function groundsOf(e: ListEntry, kind: ListKind = 'shnor'): string[] {
  const own = e.computed ? kindReasons(e, kind) : [];
  const grounds = e.computed && own.length === 0 ? e.reasons : own;
  return e.decision?.decision === 'include' ? [decisionReason(e.decision), ...grounds] : grounds;
}

const FLAG_COLUMNS: { key: keyof Flags; header: string }[] = [
  { key: 'shnor', header: 'ШНОР' },
  { key: 'shnsu', header: 'ШНСУ' },
  { key: 'riskZone', header: 'Зона риска' },
  { key: 'resilient', header: 'Резильентная' },
  { key: 'stagnation', header: 'Стагнация' },
  { key: 'repeat', header: 'Повторное попадание' },
  { key: 'exit', header: 'Выход из списка' },
  { key: 'objectivity', header: 'Необъективность' },
];

type CellValue = string | number | null;
type XlsxColumn = { header: string; width: number; value: (e: ListEntry) => CellValue; numFmt?: string };

const yes = (v: boolean) => (v ? 'да' : null);
const orNull = (v: string | null | undefined) => (v ? v : null);

const XLSX_COLUMNS: XlsxColumn[] = [
  { header: 'Муниципалитет', width: 24, value: (e) => orNull(e.school.municipality?.name) },
  { header: 'Школа', width: 40, value: (e) => e.school.name },
  { header: 'Код', width: 12, value: (e) => e.school.code },
  { header: 'ИСБШ', width: 9, value: (e) => e.isbsh, numFmt: '0.00' },
  { header: 'Кластер', width: 9, value: (e) => e.cluster },
  { header: 'Индекс результатов', width: 12, value: (e) => e.resultIndex, numFmt: '0.000' },
  ...FLAG_COLUMNS.map((f) => ({ header: f.header, width: 11, value: (e: ListEntry) => yes(e.flags[f.key]) })),
  { header: 'Включена в перечень', width: 12, value: (e) => yes(e.included) },
  {
    header: 'Решение оператора',
    width: 14,
    value: (e) => (e.decision ? (e.decision.decision === 'include' ? 'включить' : 'исключить') : null),
  },
  { header: 'Причина', width: 40, value: (e) => orNull(e.decision?.reason) },
  { header: 'Основания', width: 80, value: (e) => orNull(e.reasons.join('\n')) },
];

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Wrapped lines of a text in a column `width` characters wide (Excel does not auto-fit wrapped rows). */
function lines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

const anyFlag = (e: ListEntry) => Object.values(e.flags).some(Boolean);

export async function listToXlsx(l: ListDetail): Promise<Buffer> {
  const rows = l.entries.filter((e) => anyFlag(e) || e.included || e.decision);
  const total = XLSX_COLUMNS.length + 1;
  const widths = [6, ...XLSX_COLUMNS.map((c) => c.width)];
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Опора';
  wb.created = new Date();
  const ws = wb.addWorksheet(LIST_SHEET_NAME);
  ws.columns = widths.map((width) => ({ width }));

  const m = l.run.methodology;
  const titles = [
    l.title,
    l.region.name,
    l.status === 'approved'
      ? `Утверждён приказом ${listApprovalLines(l).slice(1).join(' ')}${l.appendixNo && l.orderAppendices > 1 ? ` (приложение ${l.appendixNo})` : ''}`
      : 'Проект',
    `Методика «${m.name}», версия ${m.version}; расчёт от ${formatRuDate(l.run.createdAt)}. ` +
      `В перечне ${countLabel(l.counts.included, WORDS.school)} (по расчёту — ${l.counts.computed}, исключено оператором — ${l.counts.excluded}).`,
  ];
  titles.forEach((text, i) => {
    const cell = ws.getRow(i + 1).getCell(1);
    cell.value = text;
    cell.font = { bold: i < 2, size: i === 0 ? 14 : 11 };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: i < 2 ? 'center' : 'left' };
    ws.mergeCells(i + 1, 1, i + 1, total);
  });

  const headerRowNo = titles.length + 2;
  const header = ws.getRow(headerRowNo);
  header.values = ['№', ...XLSX_COLUMNS.map((c) => c.header)];
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  header.height = 32;

  rows.forEach((e, i) => {
    const row = ws.getRow(headerRowNo + 1 + i);
    row.values = [i + 1, ...XLSX_COLUMNS.map((c) => c.value(e))];
    let height = 1;
    row.eachCell({ includeEmpty: true }, (c, colNo) => {
      c.alignment = { wrapText: true, vertical: 'top', horizontal: colNo === 1 ? 'center' : undefined };
      c.border = BORDER;
      const col = XLSX_COLUMNS[colNo - 2];
      if (col?.numFmt && typeof c.value === 'number') c.numFmt = col.numFmt;
      if (typeof c.value === 'string') height = Math.max(height, lines(c.value, widths[colNo - 1] ?? 10));
    });
    row.height = Math.min(409, height * 15 + 4);
    if (e.included)
      row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
  });

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNo, activeCell: `A${headerRowNo + 1}` }];
  ws.autoFilter = { from: { row: headerRowNo, column: 1 }, to: { row: headerRowNo, column: total } };
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRowNo}:${headerRowNo}`,
    margins: { left: 0.5, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/**
 * The appendix: №, municipality, school, one line of grounds. With `details`, a second appendix on its own
 * page repeats each school with the run's full sentences (every procedure, the year before).
 */
export async function listToDocx(l: ListDetail, opts: { details?: boolean } = {}): Promise<Buffer> {
  const widths = [NUM_COL_W, 2400, 3800];
  widths.push(TABLE_W - widths.reduce((a, b) => a + b, 0));
  const included = l.entries.filter((e) => e.included);
  const rows = included.map((e, i) =>
    dataRow(
      [String(i + 1), e.school.municipality?.name ?? '', e.school.name, compactGrounds(e, l.kind, l.year)],
      widths,
    ),
  );
  if (rows.length === 0) rows.push(wideRow('Школ в перечне нет', widths.length, { center: true }));
  const header = headerRow(['№ п/п', 'Муниципалитет', 'Школа', 'Основания'], widths);
  const detailWidths = [NUM_COL_W, 4200];
  detailWidths.push(TABLE_W - detailWidths.reduce((a, b) => a + b, 0));
  const details = opts.details
    ? [
        {
          approvalLines: [`Приложение к перечню (${LIST_KIND_SHORT[l.kind]}, ${l.year})`],
          titles: ['Основания включения в перечень: результаты по процедурам', l.region.name],
          widths: detailWidths,
          rows: [
            headerRow(['№ п/п', 'Школа', 'Основания (полностью)'], detailWidths),
            ...included.map((e, i) =>
              dataRow([String(i + 1), e.school.name, groundsOf(e, l.kind).join('\n')], detailWidths),
            ),
          ],
        },
      ]
    : [];
  return appendixDocx({
    title: l.title,
    approvalLines: listApprovalLines(l),
    titles: [l.title, l.region.name],
    widths,
    rows: [header, ...rows],
    more: details,
  });
}

export const CONTENT_TYPES: Record<ListExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The list as a file. Access as for `getList`: a municipality or a school gets the approved list with
 * only its schools.
 */
export async function exportList(
  db: Db,
  opts: { actor: Actor; listId: string; format: ListExportFormat; details?: boolean },
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const l = await getList(db, { actor: opts.actor, listId: opts.listId });
  const body = opts.format === 'docx' ? await listToDocx(l, { details: opts.details }) : await listToXlsx(l);
  const name = `${listKindFileStem(l.kind, l.year)}${l.status === 'approved' ? '' : ' (проект)'}.${opts.format}`;
  return { fileName: name, contentType: CONTENT_TYPES[opts.format], body };
}
