// h3: writes docs/h3-sosnovoborsk-xlsx.xlsx from docs/h3-sosnovoborsk-xlsx.model.json (made by gen.py) with exceljs,
// as an operator keeps a roadmap in a spreadsheet: title rows merged over the table width, section rows merged,
// a vertically merged «Срок» cell, one real date cell, wrapped text, landscape A4 fitted to one page wide,
// the header row repeated on every printed page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from '/work/main/node_modules/exceljs/excel.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const name = 'h3-sosnovoborsk-xlsx';
const d = JSON.parse(readFileSync(path.join(HERE, 'docs', name + '.model.json'), 'utf8'));
const wb = new ExcelJS.Workbook();
wb.creator = 'Отдел образования';
const ws = wb.addWorksheet('Дорожная карта', {
  pageSetup: {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printTitlesRow: '7:7',
  },
});
ws.columns = [{ width: 6 }, { width: 52 }, { width: 16 }, { width: 26 }, { width: 36 }];
const font = { name: 'Times New Roman', size: 11 };
const thin = { style: 'thin', color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const text = (cell) => (cell ?? []).map((p) => (typeof p === 'string' ? p : p.t)).join('\n');

let r = 1;
ws.mergeCells(r, 4, r, 5);
ws.getCell(r, 4).value = d.before.join('\n');
ws.getCell(r, 4).font = font;
ws.getCell(r, 4).alignment = { wrapText: true, vertical: 'top' };
ws.getRow(r).height = 30;
r = 3;
for (const t of d.title) {
  ws.mergeCells(r, 1, r, 5);
  const c = ws.getCell(r, 1);
  c.value = t;
  c.font = { ...font, size: 12, bold: true };
  c.alignment = { horizontal: 'center', wrapText: true };
  ws.getRow(r).height = t.length > 95 ? 32 : 17;
  r++;
}
r = 7;
d.cols.forEach((col, i) => {
  const c = ws.getCell(r, i + 1);
  c.value = col[0];
  c.font = { ...font, bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  c.border = border;
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
});
ws.getRow(r).height = 30;
r++;
const rows = d.rows;
for (let i = 0; i < rows.length; i++, r++) {
  const row = rows[i];
  if (row.kind === 'sec') {
    ws.mergeCells(r, 1, r, 5);
    const c = ws.getCell(r, 1);
    c.value = row.text;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'left', wrapText: true };
    for (let k = 1; k <= 5; k++) ws.getCell(r, k).border = border;
    continue;
  }
  // row height as «optimal row height» would give it (LibreOffice does not recompute it for an imported XLSX)
  const widths = [6, 52, 16, 26, 36];
  let lines = 1;
  d.cols.forEach((col, k) => {
    const v = col[1] === 'num' ? [] : (row[col[1]] ?? []);
    let n = 0;
    for (const p of v) n += Math.max(1, Math.ceil(text([p]).length / (widths[k] * 1.05)));
    // a vertically merged cell spreads its lines over the rows it covers
    let span = 1;
    while (rows[i + span]?.kind === 'item' && rows[i + span][col[1]] === null) span++;
    lines = Math.max(lines, Math.ceil(n / span));
  });
  ws.getRow(r).height = lines * 14.3 + 2;
  d.cols.forEach((col, k) => {
    const key = col[1];
    const c = ws.getCell(r, k + 1);
    c.font = font;
    c.border = border;
    c.alignment = {
      wrapText: true,
      vertical: 'top',
      horizontal: key === 'num' || key === 'deadline' ? 'center' : 'left',
    };
    if (key === 'num') c.value = Number(row.num);
    else if (row[key] === null)
      return; // covered by a vertical merge
    else if (key === 'deadline' && row.date_cell) {
      const [dd, mm, yy] = text(row[key]).split('.').map(Number);
      c.value = new Date(Date.UTC(yy, mm - 1, dd));
      c.numFmt = 'dd.mm.yyyy';
    } else c.value = text(row[key]);
    if (key !== 'num' && row[key] !== null) {
      let n = 1;
      while (rows[i + n]?.kind === 'item' && rows[i + n][key] === null) n++;
      if (n > 1) ws.mergeCells(r, k + 1, r + n - 1, k + 1);
    }
  });
}
r += 2;
for (const s of d.sign) {
  ws.getCell(r, 2).value = s;
  ws.getCell(r, 2).font = font;
  r++;
}
await wb.xlsx.writeFile(path.join(HERE, 'docs', name + '.xlsx'));
console.log('written', name + '.xlsx');
