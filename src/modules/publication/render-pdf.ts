import pdfmake from 'pdfmake';
import { ROBOTO } from '../reports/chart-render.js';
import type { DocumentSnapshot } from './snapshot.js';

// PDFs of published things with pdfmake and the Roboto it ships (Cyrillic), set up as the reports' PDF
// is (reports/render-pdf.ts): pdfmake may read only its own fonts and fetch nothing, since the content
// is users' text. A roadmap is the order's appendix table (landscape); a document is its parts.

const FONT_FILES = new Set(Object.values(ROBOTO));
pdfmake.setFonts({ Roboto: ROBOTO });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

type Node = Record<string, unknown>;

const cell = (text: string, o: { bold?: boolean; fill?: string; colSpan?: number } = {}): Node => ({
  text,
  fontSize: 8.5,
  bold: o.bold,
  fillColor: o.fill,
  colSpan: o.colSpan,
});

async function render(title: string, content: Node[], landscape: boolean): Promise<Buffer> {
  const doc = {
    info: { title, creator: 'Опора' },
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: landscape ? [40, 40, 40, 40] : [70, 56, 42, 56],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.15 },
    content,
  };
  return Buffer.from(await pdfmake.createPdf(doc).getBuffer());
}

export type AppendixTable = {
  title: string;
  /** «Приложение к приказу … от … № …», right-aligned above the title */
  approvalLines: string[];
  subtitles: string[];
  header: string[];
  /** relative widths of the columns */
  widths: number[];
  sections: { heading: string | null; rows: string[][] }[];
};

// A4 landscape less the margins, and pdfmake's default cell padding (4 pt each side) per column.
const LANDSCAPE_WIDTH = 842 - 80;
const pointWidths = (weights: number[]) => {
  const sum = weights.reduce((a, b) => a + b, 0);
  const free = LANDSCAPE_WIDTH - 8 * weights.length;
  return weights.map((w) => Math.floor((free * w) / sum));
};

/** The roadmap as the order's appendix: the same columns as its DOCX (documents/export-roadmap-docx.ts). */
export function appendixPdf(t: AppendixTable): Promise<Buffer> {
  const span = t.header.length;
  const body: Node[][] = [t.header.map((h) => cell(h, { bold: true, fill: '#eeeeee' }))];
  for (const s of t.sections) {
    if (s.heading) {
      // pdfmake wants the spanned cells present (empty) after a colSpan cell.
      body.push([
        cell(s.heading, { bold: true, fill: '#f2f2f2', colSpan: span }),
        ...Array(span - 1).fill({}),
      ]);
    }
    for (const r of s.rows) body.push(r.map((v) => cell(v)));
  }
  return render(
    t.title,
    [
      ...t.approvalLines.map((l) => ({ text: l, alignment: 'right', fontSize: 10 })),
      ...t.subtitles.map((l, i) => ({
        text: l,
        alignment: 'center',
        bold: i === 0,
        margin: [0, i === 0 ? 12 : 0, 0, 2],
      })),
      {
        margin: [0, 10, 0, 0],
        table: { headerRows: 1, widths: pointWidths(t.widths), body },
      },
    ],
    true,
  );
}

/** A school document, a report or a list: a title page's lines, then headed parts. */
export function documentPdf(title: string, s: DocumentSnapshot, approval: string[]): Promise<Buffer> {
  const content: Node[] = [
    { text: s.unitName, alignment: 'center', bold: true },
    ...approval.map((l) => ({ text: l, alignment: 'right', fontSize: 10 })),
    { text: s.kindLabel, alignment: 'center', margin: [0, 24, 0, 4] },
    { text: title, alignment: 'center', bold: true, fontSize: 14, margin: [0, 0, 0, 16] },
  ];
  for (const part of s.parts) {
    if (part.heading) content.push({ text: part.heading, bold: true, fontSize: 12.5, margin: [0, 10, 0, 6] });
    for (const b of part.blocks) {
      if (b.kind === 'paragraph') {
        content.push({ text: b.text, alignment: 'justify', margin: [0, 0, 0, 6] });
        continue;
      }
      if (b.caption) content.push({ text: b.caption, bold: true, margin: [0, 6, 0, 4] });
      content.push({
        margin: [0, 0, 0, 8],
        table: {
          headerRows: 1,
          widths: b.header.map(() => '*'),
          body: [
            b.header.map((h) => cell(h, { bold: true, fill: '#eeeeee' })),
            ...b.rows.map((r) => b.header.map((_, i) => cell(r[i] ?? ''))),
          ],
        },
      });
    }
  }
  return render(title, content, false);
}
