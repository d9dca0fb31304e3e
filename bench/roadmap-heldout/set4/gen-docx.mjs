// DOCX writer for k1, k3, k5: the `docx` npm package (not LibreOffice) from docs/NAME.model.json.
// Note: docx 9 swaps width/height itself for orientation LANDSCAPE, so the portrait A4 size is passed.
// Word-like table: tblHeader on the header rows, cell margins, fixed layout, column widths in twips, vMerge via rowSpan.
import fs from 'node:fs';
import path from 'node:path';
import {
  AlignmentType,
  BorderStyle,
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
  VerticalAlign,
  WidthType,
} from 'docx';

const DOCS = path.join(path.dirname(new URL(import.meta.url).pathname), 'docs');
const names = process.argv.slice(2);
const cm = (x) => Math.round(x * 567);

function cellParas(r, key) {
  switch (key) {
    case 'num':
      return [r.num];
    case 'measure':
      return r.measure;
    case 'deadline':
      return [r.deadline];
    case 'exec':
      return r.exec;
    case 'ind':
      return r.ind;
    case 'mark':
      return [];
  }
  throw new Error(key);
}

for (const name of names) {
  const doc = JSON.parse(fs.readFileSync(path.join(DOCS, `${name}.model.json`), 'utf8'));
  const half = Math.round(doc.size * 2);
  const landscape = doc.orient === 'landscape';
  const pageW = landscape ? 16838 : 11906,
    pageH = landscape ? 11906 : 16838;
  const margins = landscape
    ? { top: cm(1.5), bottom: cm(1.5), left: cm(2), right: cm(1.5) }
    : { top: cm(2), bottom: cm(2), left: cm(2.5), right: cm(1.5) };
  const textW = pageW - margins.left - margins.right;
  const colW = doc.widths.map((w) => Math.round((textW * w) / 100));
  const run = (text, o = {}) =>
    new TextRun({ text, bold: o.bold, italics: o.italic, size: o.size ? Math.round(o.size * 2) : undefined });
  const para = (text, o = {}) =>
    new Paragraph({
      alignment:
        o.align === 'right'
          ? AlignmentType.RIGHT
          : o.align === 'center'
            ? AlignmentType.CENTER
            : o.align === 'both'
              ? AlignmentType.JUSTIFIED
              : AlignmentType.LEFT,
      spacing: { after: o.after ?? 0, line: 240 },
      keepNext: o.keepNext,
      children: text ? [run(text, o)] : [],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = {
    top: border,
    bottom: border,
    left: border,
    right: border,
    insideHorizontal: border,
    insideVertical: border,
  };

  const rows = [];
  for (const hr of doc.header) {
    const cells = [];
    for (const c of hr) {
      if (!c) continue;
      cells.push(
        new TableCell({
          children: [para(c[0], { bold: true, align: 'center' })],
          columnSpan: c[1] > 1 ? c[1] : undefined,
          rowSpan: c[2] > 1 ? c[2] : undefined,
          verticalAlign: VerticalAlign.CENTER,
          shading: doc.header_bg
            ? { type: ShadingType.CLEAR, color: 'auto', fill: doc.header_bg.slice(1) }
            : undefined,
        }),
      );
    }
    rows.push(new TableRow({ children: cells, tableHeader: true, cantSplit: true }));
  }
  const n = doc.cols.length;
  for (const r of doc.rows) {
    if (r.kind === 'section') {
      rows.push(
        new TableRow({
          children: [
            new TableCell({
              columnSpan: n,
              children: [para(r.text, { bold: true, align: doc.name.startsWith('k5') ? 'center' : 'left' })],
            }),
          ],
        }),
      );
      continue;
    }
    const cells = [];
    for (const key of doc.cols) {
      if (key === 'exec' && r.exec_cont) continue; // docx: rowSpan on the first cell writes the vMerge continuations
      const ps = cellParas(r, key);
      cells.push(
        new TableCell({
          rowSpan: key === 'exec' && r.exec_span ? r.exec_span : undefined,
          verticalAlign: VerticalAlign.TOP,
          children: (ps.length ? ps : ['']).map((p, i) =>
            para(p, { align: key === 'num' ? 'center' : 'left', after: i < ps.length - 1 ? 60 : 0 }),
          ),
        }),
      );
    }
    rows.push(new TableRow({ children: cells }));
  }
  const table = new Table({
    rows,
    columnWidths: colW,
    width: { size: textW, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders,
    margins: { top: 40, bottom: 40, left: 85, right: 85 },
  });
  const children = [];
  for (const p of doc.pre) children.push(para(p.text, p));
  children.push(para(''));
  for (const t of doc.title) children.push(para(t, { bold: true, align: 'center', size: doc.size + 2 }));
  children.push(para(''));
  children.push(table);
  for (const p of doc.post) children.push(para(p.text, p));

  const d = new Document({
    creator: 'Отдел общего образования',
    title: doc.title.join(' '),
    styles: {
      default: { document: { run: { font: doc.font, size: half }, paragraph: { spacing: { after: 0 } } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: 11906,
              height: 16838,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: margins,
          },
        },
        children,
      },
    ],
  });
  fs.writeFileSync(path.join(DOCS, `${name}.docx`), await Packer.toBuffer(d));
  console.log('wrote', name + '.docx');
}
