import type ExcelJS from 'exceljs';
import type { Confirmation } from '../../db/schema/roadmaps.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import type { ItemView, RoadmapDetail } from '../roadmaps/types.js';
import { ITEM_STATUS_LABELS } from '../roadmaps/types.js';
import { approvalLines, itemNumber, roadmapColumns, sectionHeading } from './export-roadmap-docx.js';

// Max 31 chars and none of []:*?/\ — this constant satisfies both.
export const ROADMAP_SHEET_NAME = 'Дорожная карта';

const CONFIRMATION_LABELS: Record<Confirmation, string> = {
  pending: 'на проверке',
  confirmed: 'подтверждено',
  returned: 'возвращено на доработку',
};

type CellValue = string | number | Date | null;
type XlsxColumn = { header: string; width: number; value: (item: ItemView) => CellValue; date?: boolean };

/** 'YYYY-MM-DD' → a UTC midnight Date, which exceljs stores as that calendar day. */
function toExcelDate(value: string | null): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Period bounds are free text: a real date when they parse, the text otherwise. */
function dateOrText(value: string | null): CellValue {
  return toExcelDate(value) ?? value;
}

function xlsxColumns(r: RoadmapDetail): XlsxColumn[] {
  const printed = roadmapColumns(r).map((c) => ({ header: c.header, width: c.width, value: c.value }));
  return [
    ...printed,
    { header: 'Статус', width: 14, value: (i) => ITEM_STATUS_LABELS[i.status] },
    { header: 'Срок (с)', width: 12, value: (i) => dateOrText(i.periodFrom), date: true },
    { header: 'Срок (по)', width: 12, value: (i) => dateOrText(i.periodTo), date: true },
    { header: 'Крайний срок', width: 12, value: (i) => toExcelDate(i.dueDate), date: true },
    { header: 'Плановое значение', width: 12, value: (i) => i.targetValue },
    { header: 'Фактическое значение', width: 12, value: (i) => i.actualValue },
    {
      header: 'Подтверждение',
      width: 16,
      value: (i) => (i.confirmation ? CONFIRMATION_LABELS[i.confirmation] : null),
    },
  ];
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const LINE_PT = 15;

/** Wrapped lines needed for text in a column `width` characters wide. */
function lineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

// Neither Excel nor LibreOffice reliably auto-fits wrapped rows on open, so estimate heights.
function fitHeight(row: ExcelJS.Row, widths: number[]): void {
  let lines = 1;
  row.eachCell((c, colNo) => {
    if (typeof c.value === 'string') lines = Math.max(lines, lineCount(c.value, widths[colNo - 1] ?? 10));
  });
  row.height = lines * LINE_PT + 4;
}

export async function roadmapToXlsx(r: RoadmapDetail): Promise<Buffer> {
  const cols = xlsxColumns(r);
  const total = cols.length + 1;
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Опора';
  wb.created = new Date();
  const ws = wb.addWorksheet(ROADMAP_SHEET_NAME);

  const widths = [8, ...cols.map((c) => c.width)];
  const fullWidth = widths.reduce((a, b) => a + b, 0);
  ws.columns = widths.map((width) => ({ width }));

  const titleLines = [r.title, r.orgUnit.name, r.periodLabel, approvalLines(r).join(' ')];
  titleLines.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { bold: i < 3, size: i === 0 ? 14 : 12 };
    row.getCell(1).alignment = {
      wrapText: true,
      vertical: 'middle',
      horizontal: i === 3 ? 'right' : 'center',
    };
    ws.mergeCells(i + 1, 1, i + 1, total);
  });
  // Long titles need a taller merged row: Excel does not auto-fit merged cells.
  ws.getRow(1).height = lineCount(r.title, fullWidth / 1.3) * 20;

  const headerRowNo = titleLines.length + 2;
  const header = ws.getRow(headerRowNo);
  header.values = ['№ п/п', ...cols.map((c) => c.header)];
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  fitHeight(header, widths);

  let rowNo = headerRowNo + 1;
  r.sections.forEach((s, si) => {
    const heading = sectionHeading(s, si);
    if (heading) {
      const row = ws.getRow(rowNo);
      row.getCell(1).value = heading;
      ws.mergeCells(rowNo, 1, rowNo, total);
      const c = row.getCell(1);
      c.font = { bold: true };
      c.alignment = { wrapText: true, vertical: 'middle' };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDF2F9' } };
      c.border = BORDER;
      row.height = lineCount(heading, fullWidth) * LINE_PT + 4;
      rowNo += 1;
    }
    s.items.forEach((item, ii) => {
      const row = ws.getRow(rowNo);
      row.values = [itemNumber(s, si, item, ii), ...cols.map((c) => c.value(item))];
      row.eachCell({ includeEmpty: true }, (c, colNo) => {
        c.alignment = colNo === 1 ? { ...WRAP, horizontal: 'center' } : WRAP;
        c.border = BORDER;
        if (cols[colNo - 2]?.date && c.value instanceof Date) c.numFmt = 'dd.mm.yyyy';
      });
      fitHeight(row, widths);
      rowNo += 1;
    });
  });

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNo, activeCell: `A${headerRowNo + 1}` }];
  ws.autoFilter = { from: { row: headerRowNo, column: 1 }, to: { row: headerRowNo, column: total } };
  ws.pageSetup = {
    paperSize: 9, // A4
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
