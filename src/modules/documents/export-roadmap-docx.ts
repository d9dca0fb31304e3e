import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Comparator } from '../../db/schema/roadmaps.js';
import type { ItemView, RoadmapDetail, SectionView } from '../roadmaps/types.js';
import { ITEM_STATUS_LABELS, LEVEL_LABELS } from '../roadmaps/types.js';

// Shared text helpers (also used by the XLSX exporter) so both documents read the same.

/** 'YYYY-MM-DD' (or a timestamp) → 'dd.mm.yyyy'; 'YYYY-MM' → 'mm.yyyy'; anything else as is. */
export function formatRuDate(value: string | null): string {
  if (!value) return '';
  const full = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (full) return `${full[3]}.${full[2]}.${full[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${month[2]}.${month[1]}`;
  return value;
}

export function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

const COMPARATOR_WORDS: Record<Comparator, string> = { gte: 'не менее', lte: 'не более', eq: '' };

export function targetText(item: ItemView): string {
  if (item.targetValue === null) return '';
  const word = item.targetComparator ? COMPARATOR_WORDS[item.targetComparator] : '';
  return [word, formatNumber(item.targetValue), item.targetUnit ?? ''].filter(Boolean).join(' ');
}

export function deadlineText(item: ItemView): string {
  if (item.deadlineText) return item.deadlineText;
  if (item.periodFrom || item.periodTo) {
    const from = formatRuDate(item.periodFrom);
    const to = formatRuDate(item.periodTo);
    return from && to && from !== to ? `${from} – ${to}` : from || to;
  }
  return item.dueDate ? `до ${formatRuDate(item.dueDate)}` : '';
}

export function responsibleText(item: ItemView): string {
  const units = item.responsibleUnits.map((u) => u.name).join(', ');
  return [units, item.responsibleText ?? ''].filter(Boolean).join(', ');
}

export function participantsText(item: ItemView): string {
  return [item.participants ?? '', item.description ?? ''].filter(Boolean).join('\n');
}

export function indicatorText(item: ItemView): string {
  return [item.indicator ?? '', targetText(item)].filter(Boolean).join('\n');
}

export function executionMark(item: ItemView): string {
  const status = [ITEM_STATUS_LABELS[item.status], item.overdue ? 'просрочено' : '']
    .filter(Boolean)
    .join(', ');
  const actual =
    item.actualValue === null
      ? ''
      : `факт: ${[formatNumber(item.actualValue), item.targetUnit ?? ''].join(' ')}`;
  return [status, actual.trim()].filter(Boolean).join('\n');
}

export function approvalLines(r: RoadmapDetail): string[] {
  const hasOrder = Boolean(r.orderNumber || r.orderDate);
  if (r.status === 'draft' || !hasOrder) return ['Проект'];
  const parts = ['Приложение к приказу'];
  if (r.approvalBody) parts.push(r.approvalBody);
  if (r.orderDate) parts.push(`от ${formatRuDate(r.orderDate)}`);
  if (r.orderNumber) parts.push(`№ ${r.orderNumber}`);
  return [parts.join(' ')];
}

export function sectionHeading(s: SectionView, index: number): string | null {
  if (!s.title && !s.number) return null;
  return [`${s.number ?? String(index + 1)}.`, s.title ?? ''].join(' ').trim();
}

export function itemNumber(s: SectionView, sIndex: number, item: ItemView, iIndex: number): string {
  return item.number ?? `${s.number ?? String(sIndex + 1)}.${iIndex + 1}`;
}

export type Column = { header: string; value: (item: ItemView) => string; width: number };

/** Columns of the printed table; widths are relative weights (docx) / characters (xlsx). */
export function roadmapColumns(r: RoadmapDetail): Column[] {
  const items = r.sections.flatMap((s) => s.items);
  const cols: (Column | null)[] = [
    { header: 'Мероприятие', value: (i) => i.measure, width: 38 },
    items.some((i) => i.level)
      ? { header: 'Уровень управления', value: (i) => (i.level ? LEVEL_LABELS[i.level] : ''), width: 24 }
      : null,
    { header: 'Сроки', value: deadlineText, width: 17 },
    { header: 'Ответственные', value: responsibleText, width: 24 },
    items.some((i) => i.participants || i.description)
      ? { header: 'Участники / целевая аудитория', value: participantsText, width: 24 }
      : null,
    { header: 'Показатель (ожидаемый результат)', value: indicatorText, width: 28 },
    { header: 'Отметка об исполнении', value: executionMark, width: 22 },
  ];
  return cols.filter((c): c is Column => c !== null);
}

// A4 landscape in twips, margins 2 cm left / 1.5 cm elsewhere.
const PAGE_W = 16838;
const MARGIN_L = 1134;
const MARGIN_R = 850;
const TABLE_W = PAGE_W - MARGIN_L - MARGIN_R;
const NUM_COL_W = 750;
const FONT = 'Times New Roman';
const TABLE_SIZE = 22; // half-points: 11 pt
const TITLE_SIZE = 28; // 14 pt

type TextOpts = { bold?: boolean; center?: boolean; keepNext?: boolean };

function paragraphs(text: string, opts: TextOpts = {}): Paragraph[] {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        keepNext: opts.keepNext,
        children: [new TextRun({ text: line, bold: opts.bold, font: FONT, size: TABLE_SIZE })],
      }),
  );
}

function cell(text: string, width: number, opts: { bold?: boolean; center?: boolean; fill?: string } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } : undefined,
    children: paragraphs(text, opts),
  });
}

function titleParagraph(text: string, spaceAfter = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spaceAfter },
    children: [new TextRun({ text, bold: true, font: FONT, size: TITLE_SIZE })],
  });
}

export async function roadmapToDocx(r: RoadmapDetail): Promise<Buffer> {
  const cols = roadmapColumns(r);
  const weightSum = cols.reduce((sum, c) => sum + c.width, 0);
  const rest = TABLE_W - NUM_COL_W;
  const widths = [NUM_COL_W, ...cols.map((c) => Math.floor((rest * c.width) / weightSum))];
  const span = widths.length;

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['№ п/п', ...cols.map((c) => c.header)].map((h, i) =>
      cell(h, widths[i] ?? 0, { bold: true, center: true, fill: 'E7E6E6' }),
    ),
  });

  const rows: TableRow[] = [header];
  r.sections.forEach((s, si) => {
    const heading = sectionHeading(s, si);
    if (heading) {
      const sectionCell = new TableCell({
        columnSpan: span,
        width: { size: TABLE_W, type: WidthType.DXA },
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
        // keepNext stops a section heading from being stranded at the bottom of a page.
        children: paragraphs(heading, { bold: true, keepNext: true }),
      });
      rows.push(new TableRow({ cantSplit: true, children: [sectionCell] }));
    }
    s.items.forEach((item, ii) => {
      const values = [itemNumber(s, si, item, ii), ...cols.map((c) => c.value(item))];
      rows.push(
        new TableRow({
          cantSplit: true,
          children: values.map((v, i) => cell(v, widths[i] ?? 0, { center: i === 0 })),
        }),
      );
    });
  });

  const approval = approvalLines(r).map(
    (line) =>
      new Paragraph({
        // Block sits in the right third of the page, as in printed appendices to orders.
        indent: { left: Math.round(TABLE_W * 0.65) },
        children: [new TextRun({ text: line, font: FONT, size: TITLE_SIZE })],
      }),
  );

  const doc = new Document({
    creator: 'Опора',
    title: r.title,
    styles: { default: { document: { run: { font: FONT, size: TABLE_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 850, bottom: 850, left: MARGIN_L, right: MARGIN_R },
          },
        },
        children: [
          ...approval,
          new Paragraph({ children: [] }),
          titleParagraph(r.title),
          titleParagraph(r.orgUnit.name),
          titleParagraph(r.periodLabel, 240),
          new Table({
            width: { size: TABLE_W, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            rows,
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
