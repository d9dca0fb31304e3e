import pdfmake from 'pdfmake';
import { ROBOTO } from './chart-render.js';
import { type ReportMeta, type Writer, walkReport } from './render-walk.js';
import { REPORT_TEXT } from './report-labels.js';
import type { ReportContent } from './report-model.js';

// The PDF of an analytic report through the same walk as the DOCX (render-walk.ts), with pdfmake and
// the Roboto it ships (Cyrillic). pdfmake may read only its own fonts and fetch nothing: the content is
// users' text, and a document definition must not become a way to read the server's files.

const FONT_FILES = new Set(Object.values(ROBOTO));
pdfmake.setFonts({ Roboto: ROBOTO });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

type Node = Record<string, unknown>;

const pdfWriter: Writer<Node> = {
  title: ({ title, scope, unit, date }) => [
    { text: unit, alignment: 'center', margin: [0, 120, 0, 0] },
    { text: REPORT_TEXT.kind.toUpperCase(), bold: true, alignment: 'center', margin: [0, 80, 0, 12] },
    { text: title, bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 12] },
    { text: scope, alignment: 'center' },
    { text: `${REPORT_TEXT.date}: ${date}`, alignment: 'center', margin: [0, 80, 0, 0], pageBreak: 'after' },
  ],
  heading: (text, level) => ({ text, bold: true, fontSize: level === 1 ? 14 : 12.5, margin: [0, 10, 0, 6] }),
  paragraph: (text) => ({ text, alignment: 'justify', margin: [0, 0, 0, 6] }),
  bullet: (text) => ({ ul: [{ text, alignment: 'justify' }], margin: [0, 0, 0, 4] }),
  table: (caption, columns, rows, source) => [
    { text: caption, bold: true, margin: [0, 6, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: columns.map(() => '*'),
        body: [
          columns.map((c) => ({ text: c, bold: true, fontSize: 9 })),
          ...rows.map((r) => columns.map((_, i) => ({ text: r[i] ?? '', fontSize: 9 }))),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    ...(source ? [{ text: source, italics: true, fontSize: 8, margin: [0, 2, 0, 8] }] : []),
  ],
  image: (caption, png, width, height) => [
    {
      image: `data:image/png;base64,${png.toString('base64')}`,
      width: 480,
      height: (480 * height) / width,
      alignment: 'center',
    },
    { text: caption, alignment: 'center', fontSize: 10, margin: [0, 2, 0, 8] },
  ],
};

export async function reportPdf(content: ReportContent, meta: ReportMeta): Promise<Buffer> {
  const doc = {
    info: { title: content.title, creator: 'Опора' },
    pageSize: 'A4',
    pageMargins: [70, 56, 42, 56],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.15 },
    content: walkReport(content, meta, pdfWriter),
  };
  return Buffer.from(await pdfmake.createPdf(doc).getBuffer());
}
