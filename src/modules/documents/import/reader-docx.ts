import { onOff, scanXml } from '../../files/xml.js';
import { collect, readZip, sameName } from '../../files/zip.js';
import { DocxNumbering } from './docx-numbering.js';
import {
  invalidFile,
  MAX_BLOCKS,
  OFFICE_ZIP_LIMITS,
  OLE_MAGIC,
  OLE_MESSAGE,
  startsWith,
  unsupportedFile,
  ZIP_MAGIC,
} from './limits.js';
import type { Block, Cell } from './types.js';

// Word tables straight from OOXML (word/document.xml): body paragraphs become paragraph blocks
// («абзац N»), rows of top-level tables become row blocks («таблица T, строка R»). gridSpan gives a cell's
// span, a vMerge «restart» cell's text is carried into the cells that continue it, gridBefore keeps columns
// aligned, w:tblHeader marks repeated header rows. Bold and italic come from runs and their styles.
// Numbers of Word's automatic lists are written out («1.2.»). Deleted text of tracked changes, field
// codes, text boxes and fallback copies of drawings are skipped.

const WHAT = 'документ Word';

/** Elements whose whole content is not part of the visible text of the body. */
const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:instrText',
  'mc:Fallback',
  'w:txbxContent',
  'w:drawing',
  'w:pict',
  'w:object',
  'w:rPrChange',
  'w:pPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:sectPrChange',
  'w:footnoteReference',
  'w:endnoteReference',
]);

type StyleInfo = { basedOn?: string; bold?: boolean; italic?: boolean };
type Styles = { byId: Map<string, StyleInfo>; defaultBold?: boolean; defaultItalic?: boolean };

export function readDocx(data: Buffer): Block[] {
  if (startsWith(data, OLE_MAGIC)) throw invalidFile(OLE_MESSAGE);
  if (!startsWith(data, ZIP_MAGIC)) {
    throw invalidFile('Файл не является документом Word (.docx): он повреждён или имеет другой формат');
  }
  // Only the three parts read are inflated; the others are counted.
  const parts = new Map<string, Buffer>();
  const wanted = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml'];
  const names = readZip(data, WHAT, OFFICE_ZIP_LIMITS, (name) => {
    const part = wanted.find((w) => sameName(w, name));
    return part ? collect((b) => parts.set(part, b)) : null;
  });
  const doc = parts.get('word/document.xml');
  if (!doc) {
    if (names.some((n) => sameName(n, 'xl/workbook.xml'))) {
      throw unsupportedFile('Это книга Excel, а не документ Word: сохраните её с расширением .xlsx');
    }
    throw invalidFile('В файле нет основного текста (word/document.xml): это не документ Word (.docx)');
  }
  const stylesXml = parts.get('word/styles.xml');
  const styles = stylesXml ? readStyles(stylesXml.toString('utf8')) : { byId: new Map<string, StyleInfo>() };
  const numberingXml = parts.get('word/numbering.xml');
  const numbering = new DocxNumbering(numberingXml ? numberingXml.toString('utf8') : null);
  const xml = doc.toString('utf8');
  if (!xml.includes('<w:body')) throw invalidFile('Документ Word повреждён: в нём нет тела документа');
  return readDocumentXml(xml, styles, numbering);
}

function readStyles(xml: string): Styles {
  const byId = new Map<string, StyleInfo>();
  const styles: Styles = { byId };
  let current: StyleInfo | null = null;
  let inDefaults = false;
  let inRPr = false;
  scanXml(
    xml,
    {
      open(name, attrs) {
        if (name === 'w:style') {
          current = {};
          const id = attrs['w:styleId'];
          if (id) byId.set(id, current);
        } else if (name === 'w:rPrDefault') inDefaults = true;
        else if (name === 'w:rPr') inRPr = true;
        else if (name === 'w:basedOn' && current) current.basedOn = attrs['w:val'];
        else if (inRPr && (name === 'w:b' || name === 'w:i')) {
          const key = name === 'w:b' ? 'bold' : 'italic';
          if (current) current[key] = onOff(attrs);
          else if (inDefaults) styles[key === 'bold' ? 'defaultBold' : 'defaultItalic'] = onOff(attrs);
        }
      },
      close(name) {
        if (name === 'w:style') current = null;
        else if (name === 'w:rPrDefault') inDefaults = false;
        else if (name === 'w:rPr') inRPr = false;
      },
      text() {},
    },
    WHAT,
  );
  return styles;
}

function styleFlag(styles: Styles, id: string | undefined, key: 'bold' | 'italic'): boolean | undefined {
  for (let k = 0, s = id; s && k < 20; k++) {
    const info = styles.byId.get(s);
    if (!info) return undefined;
    if (info[key] !== undefined) return info[key];
    s = info.basedOn;
  }
  return undefined;
}

type Run = { text: string; bold?: boolean; italic?: boolean; style?: string };
type Para = { runs: Run[]; style?: string; numId?: string; ilvl?: number };
type Flags = { text: string; bold: boolean; italic: boolean };
type DocCell = { paras: Flags[]; span: number; vMerge: 'restart' | 'continue' | null; hMerge: boolean };
type DocRow = { cells: DocCell[]; header: boolean; gridBefore: number };

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function paragraphFlags(para: Para, styles: Styles): Flags {
  let text = '';
  let letters = 0;
  let bold = 0;
  let italic = 0;
  for (const run of para.runs) {
    text += run.text;
    const isBold =
      run.bold ??
      styleFlag(styles, run.style, 'bold') ??
      styleFlag(styles, para.style, 'bold') ??
      styles.defaultBold ??
      false;
    const isItalic =
      run.italic ??
      styleFlag(styles, run.style, 'italic') ??
      styleFlag(styles, para.style, 'italic') ??
      styles.defaultItalic ??
      false;
    for (const ch of run.text) {
      if (!LETTER_OR_DIGIT.test(ch)) continue;
      letters++;
      if (isBold) bold++;
      if (isItalic) italic++;
    }
  }
  return { text, bold: letters > 0 && bold === letters, italic: letters > 0 && italic === letters };
}

function readDocumentXml(xml: string, styles: Styles, numbering: DocxNumbering): Block[] {
  const blocks: Block[] = [];
  // Counted while reading: a document of a million short paragraphs stops at the limit, not at the end.
  const add = (b: Block) => {
    if (blocks.length >= MAX_BLOCKS) {
      throw invalidFile(`В файле слишком много строк (больше ${MAX_BLOCKS}): разделите его на части`);
    }
    blocks.push(b);
  };
  let skip = 0;
  let inBody = false;
  let para: Para | null = null;
  let run: Run | null = null;
  let inPPr = false;
  let inRPr = false;
  let inText = false;
  let tableDepth = 0;
  let tableNo = 0;
  let rowNo = 0;
  let paraNo = 0;
  let row: DocRow | null = null;
  let cell: DocCell | null = null;
  let vMerged = new Map<number, Flags>();

  const emitRow = (r: DocRow) => {
    const cells: Cell[] = [];
    let col = 0;
    if (r.gridBefore > 0) {
      cells.push({ text: '', bold: false, italic: false, ...(r.gridBefore > 1 && { span: r.gridBefore }) });
      col = r.gridBefore;
    }
    for (const c of r.cells) {
      const withText = c.paras.filter((p) => LETTER_OR_DIGIT.test(p.text));
      let flags: Flags = {
        text: c.paras.map((p) => p.text).join('\n'),
        bold: withText.length > 0 && withText.every((p) => p.bold),
        italic: withText.length > 0 && withText.every((p) => p.italic),
      };
      const previous = cells[cells.length - 1];
      if (c.hMerge && previous) {
        // Legacy horizontal merge: the cell belongs to the one on its left.
        previous.span = (previous.span ?? 1) + c.span;
        col += c.span;
        continue;
      }
      let merged = false;
      if (c.vMerge === 'continue') {
        const source = vMerged.get(col);
        if (source) {
          flags = source;
          merged = true;
        }
      } else if (c.vMerge === 'restart') vMerged.set(col, flags);
      else for (let k = col; k < col + c.span; k++) vMerged.delete(k);
      cells.push({
        text: flags.text,
        bold: flags.bold,
        italic: flags.italic,
        ...(c.span > 1 && { span: c.span }),
        ...(merged && { merged: true }),
      });
      col += c.span;
    }
    add({
      kind: 'row',
      cells,
      location: `таблица ${tableNo}, строка ${rowNo}`,
      table: tableNo,
      ...(r.header && { header: true }),
    });
  };

  scanXml(
    xml,
    {
      open(name, attrs, selfClosing) {
        if (skip > 0) {
          skip++;
          return;
        }
        if (SKIPPED.has(name)) {
          skip = 1;
          return;
        }
        if (name === 'w:body') inBody = true;
        if (!inBody) return;
        switch (name) {
          case 'w:p':
            para = { runs: [] };
            break;
          case 'w:pPr':
            inPPr = true;
            break;
          case 'w:pStyle':
            if (para && inPPr) para.style = attrs['w:val'];
            break;
          case 'w:numId':
            if (para && inPPr) para.numId = attrs['w:val'];
            break;
          case 'w:ilvl':
            if (para && inPPr) para.ilvl = Number(attrs['w:val'] ?? 0) || 0;
            break;
          case 'w:r':
            run = { text: '' };
            break;
          case 'w:rPr':
            inRPr = true;
            break;
          case 'w:b':
          case 'w:i':
            if (run && inRPr && !inPPr) run[name === 'w:b' ? 'bold' : 'italic'] = onOff(attrs);
            break;
          case 'w:rStyle':
            if (run && inRPr && !inPPr) run.style = attrs['w:val'];
            break;
          case 'w:t':
            inText = !selfClosing;
            break;
          case 'w:tab':
            if (run && !inPPr) run.text += ' ';
            break;
          case 'w:br':
          case 'w:cr':
            if (run) run.text += '\n';
            break;
          case 'w:noBreakHyphen':
            if (run) run.text += '-';
            break;
          case 'w:softHyphen':
            if (run) run.text += '\u00ad';
            break;
          case 'w:tbl':
            tableDepth++;
            if (tableDepth === 1) {
              tableNo++;
              rowNo = 0;
              vMerged = new Map();
            }
            break;
          case 'w:tr':
            if (tableDepth === 1) {
              rowNo++;
              row = { cells: [], header: false, gridBefore: 0 };
            }
            break;
          case 'w:tblHeader':
            if (row && tableDepth === 1) row.header = onOff(attrs);
            break;
          case 'w:gridBefore':
            if (row && tableDepth === 1) row.gridBefore = Number(attrs['w:val'] ?? 0) || 0;
            break;
          case 'w:tc':
            if (tableDepth === 1) cell = { paras: [], span: 1, vMerge: null, hMerge: false };
            break;
          case 'w:gridSpan':
            if (cell && tableDepth === 1) cell.span = Math.max(1, Number(attrs['w:val'] ?? 1) || 1);
            break;
          case 'w:vMerge':
            if (cell && tableDepth === 1) cell.vMerge = attrs['w:val'] === 'restart' ? 'restart' : 'continue';
            break;
          case 'w:hMerge':
            if (cell && tableDepth === 1) cell.hMerge = attrs['w:val'] !== 'restart';
            break;
        }
      },
      close(name) {
        if (skip > 0) {
          skip--;
          return;
        }
        if (!inBody) return;
        switch (name) {
          case 'w:body':
            inBody = false;
            break;
          case 'w:pPr':
            inPPr = false;
            break;
          case 'w:rPr':
            inRPr = false;
            break;
          case 'w:t':
            inText = false;
            break;
          case 'w:r':
            if (para && run) para.runs.push(run);
            run = null;
            break;
          case 'w:p': {
            if (!para) break;
            const flags = paragraphFlags(para, styles);
            if (para.numId && para.numId !== '0') {
              const label = numbering.next(para.numId, para.ilvl ?? 0);
              if (label) flags.text = flags.text.trim() ? `${label} ${flags.text}` : label;
            }
            para = null;
            if (tableDepth === 0) {
              paraNo++;
              if (flags.text.trim()) {
                add({
                  kind: 'paragraph',
                  text: flags.text,
                  bold: flags.bold,
                  location: `абзац ${paraNo}`,
                });
              }
            } else if (cell) cell.paras.push(flags);
            break;
          }
          case 'w:tc':
            if (tableDepth === 1 && cell && row) row.cells.push(cell);
            if (tableDepth === 1) cell = null;
            break;
          case 'w:tr':
            if (tableDepth === 1 && row) emitRow(row);
            if (tableDepth === 1) row = null;
            break;
          case 'w:tbl':
            tableDepth = Math.max(0, tableDepth - 1);
            break;
        }
      },
      text(t) {
        if (skip === 0 && inText && run) run.text += t;
      },
    },
    WHAT,
  );
  return blocks;
}
