// Draws docs/r4-*.pdf like a report generator: text placed at coordinates, cell lines drawn, header row repeated,
// rows split across pages. Needs pdfkit (npm) in a throw-away folder: NODE_PATH=/tmp/s7pdfkit/node_modules.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit');
const name = process.argv[2];
const m = JSON.parse(fs.readFileSync(`docs/${name}.model.json`, 'utf8'));
const REG = '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf';
const BOLD = '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf';
const doc = new PDFDocument({
  size: 'A4',
  margins: { top: 42, bottom: 50, left: 56, right: 28 },
  bufferPages: true,
  info: {
    Title: m.title.join(' '),
    Author: 'АИС «Мониторинг качества образования» (синтетический пример)',
    Creator: 'report-engine 3.2',
    Producer: 'PDFKit',
  },
});
doc.pipe(fs.createWriteStream(`docs/${name}.pdf`));
doc.registerFont('R', REG);
doc.registerFont('B', BOLD);
const FS = 8.5,
  LH = 10.4,
  PAD = 3;
const L = 56,
  W = 595.28 - 56 - 28,
  BOTTOM = 841.89 - 50;
const xs = [];
{
  let x = L;
  for (const w of m.widths) {
    xs.push(x);
    x += (W * w) / 100;
  }
  xs.push(L + W);
}
function wrap(font, text, width) {
  doc.font(font).fontSize(FS);
  const out = [];
  for (const para of Array.isArray(text) ? text : [text]) {
    let cur = '';
    for (const w of para.split(/\s+/).filter(Boolean)) {
      const t = cur ? `${cur} ${w}` : w;
      if (doc.widthOfString(t) <= width) cur = t;
      else {
        if (cur) out.push(cur);
        cur = w;
      }
    }
    out.push(cur);
  }
  return out;
}
let y = doc.page.margins.top;
function para(text, align, font = 'R', size = 10) {
  doc.font(font).fontSize(size).text(text, L, y, { width: W, align });
  y = doc.y + 2;
}
for (const [kind, text] of m.pre)
  para(text, { r: 'right', c: 'center', l: 'left', j: 'justify' }[kind] || 'left');
y += 8;
for (const t of m.title) para(t, 'center', 'B', 11);
y += 8;
function drawRow(cells, font, fill) {
  // cells: array of line arrays; draws as much as fits, returns remaining or null
  const h = Math.max(...cells.map((c) => c.length)) * LH + 2 * PAD;
  const fits = Math.floor((BOTTOM - y - 2 * PAD) / LH);
  let n = Math.max(...cells.map((c) => c.length));
  let rest = null;
  if (h > BOTTOM - y) {
    if (fits < 2 || font === 'B') return 'newpage';
    n = fits;
    rest = cells.map((c) => c.slice(fits));
  }
  const hh = n * LH + 2 * PAD;
  if (fill) doc.rect(L, y, W, hh).fill(fill).fillColor('black');
  doc.font(font).fontSize(FS);
  cells.forEach((c, i) => {
    c.slice(0, n).forEach((ln, j) => {
      doc.text(ln, xs[i] + PAD, y + PAD + j * LH, { lineBreak: false });
    });
  });
  doc.lineWidth(0.5).strokeColor('black');
  doc.rect(L, y, W, hh).stroke();
  for (let i = 1; i < xs.length - 1; i++)
    doc
      .moveTo(xs[i], y)
      .lineTo(xs[i], y + hh)
      .stroke();
  y += hh;
  return rest;
}
const header = m.header.map((h, i) => wrap('B', h, xs[i + 1] - xs[i] - 2 * PAD));
function newPage() {
  doc.addPage();
  y = doc.page.margins.top;
  drawRow(header, 'B', '#e6e6e6');
}
drawRow(header, 'B', '#e6e6e6');
for (const [kind, body] of m.rows) {
  let cells;
  if (kind === 'sec') {
    const ln = wrap('B', body, W - 2 * PAD);
    const hh = ln.length * LH + 2 * PAD;
    if (y + hh + 3 * LH > BOTTOM) newPage();
    doc.font('B').fontSize(FS);
    ln.forEach((t, j) => {
      doc.text(t, L + PAD, y + PAD + j * LH, { lineBreak: false });
    });
    doc.lineWidth(0.5).rect(L, y, W, hh).stroke();
    y += hh;
    continue;
  }
  cells = body.map((c, i) => wrap('R', c, xs[i + 1] - xs[i] - 2 * PAD));
  for (;;) {
    const r = drawRow(cells, 'R');
    if (r === 'newpage') {
      newPage();
      continue;
    }
    if (r === null) break;
    cells = r;
    newPage();
  }
}
y += 14;
for (const p of m.post) {
  if (y > BOTTOM - 30) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  para(p[1], 'left');
  y += 6;
}
const range = doc.bufferedPageRange();
for (let i = 0; i < range.count; i++) {
  doc.switchToPage(i);
  doc.page.margins.bottom = 0;
  doc.font('R').fontSize(7).fillColor('#555555');
  doc.text('АИС «Мониторинг качества образования» · сформировано 30.09.2026 16:42', L, 20, {
    lineBreak: false,
  });
  doc.text(`Стр. ${i + 1} из ${range.count}`, L + W - 60, 841.89 - 32, {
    lineBreak: false,
    width: 60,
    align: 'right',
  });
  doc.fillColor('black');
}
doc.end();
