import { decodeText } from '../../files/csv.js';
import { stripMarkup } from './clean-text.js';
import { invalidFile, MAX_BLOCKS } from './limits.js';
import { spreadsheetRecords } from './reader-delimited.js';
import type { Block, Cell } from './types.js';

// Text copied from Word or a PDF: a line with TABs is a table row (one cell per TAB-separated part), other
// lines are paragraphs. Lines ending in two spaces (a markdown line break) or inside an unclosed `**` belong
// to the same paragraph. Locations are «строка N», counting lines from 1. A spreadsheet's text (quoted cells
// over several lines, or ';' between cells) is read by its rows instead (reader-delimited.ts).

/** Control characters other than TAB, line breaks and form feed: not a text file. */
function hasBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) return true;
  }
  return false;
}

/** A footnote's mark as Word's text gives it: superscript digits right after a word or a closing quote («ШНОР¹»). */
const FOOTNOTE_MARK = /(?<=\p{L}{2}|[»")])[¹²³⁴-⁹⁰]+/gu;

export function readTxt(data: Uint8Array): Block[] {
  if (data.length === 0) throw invalidFile('Файл пустой');
  const text = decodeText(data);
  if (hasBinary(text.slice(0, 65536))) {
    throw invalidFile('Файл не похож на текст: в нём есть двоичные данные. Загрузите документ Word (.docx)');
  }
  const blocks: Block[] = [];
  // Counted while reading, as in a Word document: a million short lines stop at the limit.
  const add = (b: Block) => {
    if (blocks.length >= MAX_BLOCKS) {
      throw invalidFile(`В файле слишком много строк (больше ${MAX_BLOCKS}): разделите его на части`);
    }
    blocks.push(b);
  };
  const row = (raw: string[], lineNo: number) => {
    const cells: Cell[] = raw.map((r) => {
      const m = stripMarkup(r.replace(FOOTNOTE_MARK, ''));
      return { text: m.text, bold: m.bold, italic: m.italic };
    });
    add({ kind: 'row', cells, location: `строка ${lineNo}` });
  };
  const records = spreadsheetRecords(text);
  if (records) {
    for (const r of records) {
      if (r.cells.length > 1) row(r.cells, r.line);
      else if (r.cells[0]?.trim())
        add({ kind: 'paragraph', text: r.cells[0], bold: false, location: `строка ${r.line}` });
    }
    return blocks;
  }
  const lines = text.split(/\r\n|\r|\n/);
  // `stars`: the «**» of the paragraph so far, counted per line (re-joining the lines was quadratic).
  let para: { lines: string[]; start: number; stars: number } | null = null;

  const flush = () => {
    if (!para) return;
    const marked = stripMarkup(para.lines.join('\n'));
    if (marked.text.trim()) {
      add({
        kind: 'paragraph',
        text: marked.text,
        bold: marked.bold,
        location: `строка ${para.start}`,
      });
    }
    para = null;
  };

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.includes('\t')) {
      flush();
      row(line.split('\t'), lineNo);
      return;
    }
    if (!line.trim()) {
      flush();
      return;
    }
    if (!para) para = { lines: [], start: lineNo, stars: 0 };
    para.lines.push(line);
    para.stars += line.match(/\*\*/g)?.length ?? 0;
    const open = para.stars % 2 === 1;
    if (!/ {2}$/.test(line) && !open) flush();
  });
  flush();
  return blocks;
}
