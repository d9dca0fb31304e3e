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

// The layout every exported appendix to an order shares (roadmaps, lists of schools): A4 landscape,
// the approval block at the top right, centred bold titles, a fixed-width table whose header row
// repeats on every page and whose rows never split across pages.

// A4 landscape in twips, margins 2 cm left / 1.5 cm elsewhere.
const PAGE_W = 16838;
const MARGIN_L = 1134;
const MARGIN_R = 850;
export const TABLE_W = PAGE_W - MARGIN_L - MARGIN_R;
export const NUM_COL_W = 750;
const FONT = 'Times New Roman';
const TABLE_SIZE = 22; // half-points: 11 pt
const TITLE_SIZE = 28; // 14 pt

export type CellOpts = { bold?: boolean; center?: boolean; fill?: string; span?: number; keepNext?: boolean };

/** A table cell; `\n` in the text starts a new paragraph. */
export function cell(text: string, width: number, opts: CellOpts = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: VerticalAlignTable.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } : undefined,
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          keepNext: opts.keepNext,
          children: [new TextRun({ text: line, bold: opts.bold, font: FONT, size: TABLE_SIZE })],
        }),
    ),
  });
}

export function headerRow(headers: string[], widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) => cell(h, widths[i] ?? 0, { bold: true, center: true, fill: 'E7E6E6' })),
  });
}

/** A row spanning the whole table (a section heading, an empty-table notice). */
export function wideRow(text: string, span: number, opts: CellOpts = {}): TableRow {
  return new TableRow({ cantSplit: true, children: [cell(text, TABLE_W, { ...opts, span })] });
}

export function dataRow(values: string[], widths: number[]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: values.map((v, i) => cell(v, widths[i] ?? 0, { center: i === 0 })),
  });
}

const titleParagraph = (text: string, spaceAfter: number) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spaceAfter },
    children: [new TextRun({ text, bold: true, font: FONT, size: TITLE_SIZE })],
  });

/** A further table on a page of its own (e.g. the detailed grounds of a list, asked for as an option). */
export type AppendixPart = { approvalLines: string[]; titles: string[]; widths: number[]; rows: TableRow[] };

const approvalBlock = (lines: string[]) =>
  lines.map(
    (line) =>
      new Paragraph({
        // The block sits in the right third of the page, as in printed appendices to orders.
        indent: { left: Math.round(TABLE_W * 0.65) },
        children: [new TextRun({ text: line, font: FONT, size: TITLE_SIZE })],
      }),
  );

export async function appendixDocx(opts: {
  title: string;
  approvalLines: string[];
  titles: string[];
  widths: number[];
  rows: TableRow[];
  more?: AppendixPart[];
}): Promise<Buffer> {
  const approval = approvalBlock(opts.approvalLines);
  const doc = new Document({
    creator: 'Опора',
    title: opts.title,
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
          ...opts.titles.map((t, i) => titleParagraph(t, i === opts.titles.length - 1 ? 240 : 0)),
          new Table({
            width: { size: TABLE_W, type: WidthType.DXA },
            columnWidths: opts.widths,
            layout: TableLayoutType.FIXED,
            rows: opts.rows,
          }),
          ...(opts.more ?? []).flatMap((part) => [
            new Paragraph({ pageBreakBefore: true, children: [] }),
            ...approvalBlock(part.approvalLines),
            new Paragraph({ children: [] }),
            ...part.titles.map((t, i) => titleParagraph(t, i === part.titles.length - 1 ? 240 : 0)),
            new Table({
              width: { size: TABLE_W, type: WidthType.DXA },
              columnWidths: part.widths,
              layout: TableLayoutType.FIXED,
              rows: part.rows,
            }),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
