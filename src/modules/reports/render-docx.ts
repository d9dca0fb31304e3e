import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type ReportMeta, type Writer, walkReport } from './render-walk.js';
import { REPORT_TEXT } from './report-labels.js';
import type { ReportContent } from './report-model.js';

// The DOCX of an analytic report: A4, Times New Roman 13 pt as the region's documents, charts as PNG
// images (LibreOffice and Word both show them; an SVG part is not shown by older Word).

const FONT = 'Times New Roman';
const SIZE = 26;
const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: SIZE });
const TABLE_W = 9600;

type Node = Paragraph | Table;

const cell = (text: string, header: boolean, width: number) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ children: [new TextRun({ text, bold: header, font: FONT, size: 22 })] })],
  });

const docxWriter: Writer<Node> = {
  title: ({ title, scope, unit, date }) => [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 2400 }, children: [run(unit)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1200, after: 240 },
      children: [run(REPORT_TEXT.kind.toUpperCase(), true)],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(title, true)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(scope)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1200 },
      pageBreakBefore: false,
      children: [run(`${REPORT_TEXT.date}: ${date}`)],
    }),
    new Paragraph({ pageBreakBefore: true, children: [] }),
  ],
  heading: (text, level) =>
    new Paragraph({
      heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text, bold: true, font: FONT, size: level === 1 ? 30 : 28, color: '000000' })],
    }),
  paragraph: (text) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [run(text)] }),
  bullet: (text) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      bullet: { level: 0 },
      spacing: { after: 80 },
      children: [run(text)],
    }),
  table: (caption, columns, rows, source) => {
    const w = Math.floor(TABLE_W / columns.length);
    return [
      new Paragraph({ spacing: { before: 120, after: 80 }, children: [run(caption, true)] }),
      new Table({
        width: { size: TABLE_W, type: WidthType.DXA },
        columnWidths: columns.map(() => w),
        rows: [
          new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true, w)) }),
          ...rows.map((r) => new TableRow({ children: columns.map((_, i) => cell(r[i] ?? '', false, w)) })),
        ],
      }),
      ...(source
        ? [
            new Paragraph({
              spacing: { after: 160 },
              children: [new TextRun({ text: source, italics: true, font: FONT, size: 20 })],
            }),
          ]
        : []),
    ];
  },
  image: (caption, png, width, height) => [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: 600, height: (600 * height) / width },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 160 }, children: [run(caption)] }),
  ],
};

export async function reportDocx(content: ReportContent, meta: ReportMeta): Promise<Buffer> {
  const doc = new Document({
    creator: 'Опора',
    title: content.title,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
        children: walkReport(content, meta, docxWriter),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
