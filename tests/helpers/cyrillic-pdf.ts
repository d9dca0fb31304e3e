import { makePdf } from './hostile-pdfs.js';

// Minimal PDFs with Russian text for reader tests: Helvetica re-encoded like Windows-1251 (glyph names
// afii10017… through /Differences, every glyph 0.5 em wide), text drawn at given points and ruling lines —
// the smallest reproduction of a printer's layout, without a printer.

/** A text line: x and baseline y from the page's top left, in points. */
export type PdfLine = { x: number; y: number; text: string; size?: number; bold?: boolean };
/** A ruling line from the top left: horizontal (y1 = y2) or vertical (x1 = x2). */
export type PdfRule = { x1: number; y1: number; x2: number; y2: number };
export type PdfPageSpec = { lines: PdfLine[]; rules?: PdfRule[]; width?: number; height?: number };

const NAMES: Record<number, string> = {
  150: 'endash',
  168: 'afii10023',
  171: 'guillemotleft',
  173: 'hyphen',
  183: 'periodcentered',
  184: 'afii10071',
  185: 'afii61352',
  187: 'guillemotright',
};
// А…Е, Ж…Я (Ё is afii10023, between Е and Ж); а…е, ж…я (ё is afii10071).
for (let i = 0; i < 32; i++) {
  NAMES[0xc0 + i] = `afii${10017 + i + (i >= 6 ? 1 : 0)}`;
  NAMES[0xe0 + i] = `afii${10065 + i + (i >= 6 ? 1 : 0)}`;
}
const DIFFERENCES = Object.entries(NAMES)
  .map(([code, name]) => `${code} /${name}`)
  .join(' ');
const FONT = `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(500).join(' ')}] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${DIFFERENCES}] >> >>`;

const CODES = new Map<string, number>([
  ['–', 0x96],
  ['Ё', 0xa8],
  ['«', 0xab],
  ['ё', 0xb8],
  ['№', 0xb9],
  ['»', 0xbb],
  ['·', 0xb7],
  ['•', 0x95],
]);
function encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    const code = CODES.get(ch) ?? (c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c < 0x7f ? c : 0x3f);
    const b = String.fromCharCode(code);
    out += b === '(' || b === ')' || b === '\\' ? `\\${b}` : b;
  }
  return out;
}

export function cyrillicPdf(pages: PdfPageSpec[]): Buffer {
  const objects: (string | Buffer)[][] = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    [
      `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ],
    [FONT],
  ];
  pages.forEach((p, i) => {
    const [w, h] = [p.width ?? 842, p.height ?? 595];
    const ops: string[] = ['0.6 w'];
    for (const r of p.rules ?? []) ops.push(`${r.x1} ${h - r.y1} m ${r.x2} ${h - r.y2} l S`);
    for (const l of p.lines) {
      ops.push(
        `BT /F${l.bold ? 2 : 1} ${l.size ?? 9} Tf 1 0 0 1 ${l.x} ${h - l.y} Tm (${encode(l.text)}) Tj ET`,
      );
    }
    const content = Buffer.from(ops.join('\n'), 'latin1');
    objects.push([
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 3 0 R /F2 ${4 + 2 * pages.length} 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    ]);
    objects.push([`<< /Length ${content.length} >>\nstream\n`, content, '\nendstream']);
  });
  objects.push([FONT.replace('/Helvetica ', '/Helvetica-Bold ')]); // F2, after the pages: their numbers stay
  return makePdf(objects);
}
