import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import ExcelJS from 'exceljs';
import { readHeader } from './columns.js';
import { parseRoadmapDocument } from './parse-roadmap-document.js';
import type {
  Block,
  ImportedItem,
  ImportedRoadmap,
  ImportedSubItem,
  ImportResult,
  ParagraphBlock,
} from './types.js';

// Test helpers only: the same content as a parsed text document, written as a Word document and as an Excel
// book the way people make them — vertically merged level cells, bold section rows spanning the table,
// a table split across pages (two tables, or the header repeated), merged cells in Excel.

export const seedPath = (name: string) =>
  fileURLToPath(new URL(`../../../../seeds/${name}`, import.meta.url));
export const readSeed = (name: string) => readFileSync(seedPath(name));
export const parseSeed = (name: string) => parseRoadmapDocument(name, readSeed(name));

/** Every item of every roadmap of a result, in order (sub-items not listed). */
export const items = (r: ImportResult): ImportedItem[] =>
  r.roadmaps.flatMap((m) => m.sections.flatMap((s) => s.items));

/** The paragraphs above each roadmap table of a block stream (what the recogniser reads as context). */
export function contextsOf(blocks: Block[]): ParagraphBlock[][] {
  const contexts: ParagraphBlock[][] = [];
  let pending: ParagraphBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') pending.push(b);
    else if (readHeader(b.cells.map((c) => c.text.trim())) && (pending.length > 0 || contexts.length === 0)) {
      contexts.push(pending);
      pending = [];
    }
  }
  return contexts;
}

type Style = {
  /** Section rows: a number cell and a bold title spanning the rest, or one bold cell «1. Title». */
  sectionInOneCell: boolean;
  /** The second part of the table: a separate table with the header repeated, or without a header. */
  repeatHeader: boolean;
  /** A row «1 | 2 | 3 …» under the header, as in many official forms. */
  numberingRow: boolean;
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Line =
  | { kind: 'section'; number: string | null; title: string | null }
  | { kind: 'item'; item: ImportedItem | ImportedSubItem; sectionStart: boolean; sub: boolean };

function linesOf(r: ImportedRoadmap): Line[] {
  const lines: Line[] = [];
  for (const s of r.sections) {
    if (s.title !== null || s.number !== null)
      lines.push({ kind: 'section', number: s.number, title: s.title });
    s.items.forEach((item, i) => {
      lines.push({ kind: 'item', item, sectionStart: i === 0, sub: false });
      for (const sub of item.subItems)
        lines.push({ kind: 'item', item: sub, sectionStart: false, sub: true });
    });
  }
  return lines;
}

function fieldValue(item: ImportedItem | ImportedSubItem, meaning: string | null): string {
  switch (meaning) {
    case 'number':
      return item.number ?? '';
    case 'level':
      return item.level ? capital(item.level) : '';
    case 'measure':
      return item.measure;
    case 'description':
      return item.description ?? '';
    case 'deadline':
      return item.deadline.text ?? '';
    case 'responsible':
      return item.responsible ?? '';
    case 'indicator':
      return item.indicator ?? '';
    default:
      return '';
  }
}

const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });

export async function writeDocx(
  contexts: ParagraphBlock[][],
  roadmaps: ImportedRoadmap[],
  style: Style,
): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  roadmaps.forEach((r, k) => {
    for (const p of contexts[k] ?? []) children.push(para(p.text, p.bold));
    const meanings = readHeader(r.columns)?.map((c) => c.meaning) ?? [];
    const width = r.columns.length;
    const header = () =>
      new TableRow({
        tableHeader: true,
        children: r.columns.map((h) => new TableCell({ children: [para(h, true)] })),
      });
    const lines = linesOf(r);
    const half = Math.floor(lines.length / 2);
    let rows: TableRow[] = [header()];
    if (style.numberingRow) {
      rows.push(
        new TableRow({
          children: r.columns.map((_, i) => new TableCell({ children: [para(String(i + 1))] })),
        }),
      );
    }
    let previousLevel: string | null = null;
    lines.forEach((line, n) => {
      if (n === half && n > 0) {
        children.push(new Table({ rows }), new Paragraph({ children: [], pageBreakBefore: true }));
        rows = style.repeatHeader ? [header()] : [];
        previousLevel = null;
      }
      if (line.kind === 'section') {
        const numberAt = meanings.indexOf('number');
        const title = line.title ?? '';
        rows.push(
          new TableRow({
            children:
              style.sectionInOneCell || numberAt !== 0
                ? [
                    new TableCell({
                      columnSpan: width,
                      children: [para([line.number, title].filter(Boolean).join('. '), true)],
                    }),
                  ]
                : [
                    new TableCell({ children: [para(line.number ?? '', true)] }),
                    new TableCell({ columnSpan: width - 1, children: [para(title, true)] }),
                  ],
          }),
        );
        previousLevel = null;
        return;
      }
      const item = line.item;
      rows.push(
        new TableRow({
          children: meanings.map((m) => {
            if (m === 'level') {
              const level = item.level;
              const restart: boolean = level !== previousLevel || line.sectionStart;
              previousLevel = level;
              return new TableCell({
                verticalMerge: restart ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
                children: [para(restart ? fieldValue(item, m) : '')],
              });
            }
            return new TableCell({ children: [para(fieldValue(item, m))] });
          }),
        }),
      );
    });
    children.push(new Table({ rows }));
    children.push(new Paragraph({ children: [] }));
  });
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}

export async function writeXlsx(
  contexts: ParagraphBlock[][],
  roadmaps: ImportedRoadmap[],
  style: Style,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Дорожные карты');
  let r0 = 0;
  const put = (values: string[], bold = false) => {
    r0++;
    values.forEach((v, i) => {
      const cell = ws.getCell(r0, i + 1);
      cell.value = v;
      if (bold) cell.font = { bold: true };
    });
    return r0;
  };
  roadmaps.forEach((r, k) => {
    for (const p of contexts[k] ?? []) put([p.text], p.bold);
    const meanings = readHeader(r.columns)?.map((c) => c.meaning) ?? [];
    const width = r.columns.length;
    put(r.columns, true);
    if (style.numberingRow) put(r.columns.map((_, i) => String(i + 1)));
    const lines = linesOf(r);
    const half = Math.floor(lines.length / 2);
    const levelAt = meanings.indexOf('level');
    let run: { level: string | null; start: number; end: number } | null = null;
    const closeRun = () => {
      if (run && run.end > run.start && levelAt >= 0)
        ws.mergeCells(run.start, levelAt + 1, run.end, levelAt + 1);
      run = null;
    };
    lines.forEach((line, n) => {
      if (n === half && n > 0 && style.repeatHeader) {
        closeRun();
        put(r.columns, true);
      }
      if (line.kind === 'section') {
        closeRun();
        const numberAt = meanings.indexOf('number');
        const title = line.title ?? '';
        if (style.sectionInOneCell || numberAt !== 0) {
          const row = put([[line.number, title].filter(Boolean).join('. ')], true);
          ws.mergeCells(row, 1, row, width);
        } else {
          const row = put([line.number ?? '', title], true);
          ws.mergeCells(row, 2, row, width);
        }
        return;
      }
      const item = line.item;
      const values = meanings.map((m) => fieldValue(item, m));
      if (
        levelAt >= 0 &&
        run !== null &&
        (run as { level: string | null }).level === item.level &&
        !line.sectionStart
      ) {
        values[levelAt] = '';
        const row = put(values);
        (run as { end: number }).end = row;
      } else {
        closeRun();
        const row = put(values);
        run = { level: item.level, start: row, end: row };
      }
    });
    closeRun();
    put(['']);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------- A ZIP writer for malformed archives ----------

export { makeZip, type ZipPart } from '../../../../tests/helpers/zip.js';
