import { constants, deflateRawSync } from 'node:zlib';
import { makeZip } from './zip.js';

// Hostile uploads, built in a moment and in little memory (tests/, bench/hostile-uploads.ts).

/**
 * Raw deflate data that inflates to `unit` repeated `times` times: the unit is packed once and its
 * self-contained blocks are repeated, then an empty final block ends the stream.
 */
export function repeatedDeflate(unit: Buffer, times: number): Buffer {
  const block = deflateRawSync(unit, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const out = Buffer.alloc(block.length * times + 2);
  for (let k = 0; k < times; k++) block.copy(out, k * block.length);
  out[out.length - 2] = 0x03; // BFINAL, fixed Huffman, end of block
  out[out.length - 1] = 0x00;
  return out;
}

/**
 * A ZIP package whose results.csv inflates to `gib` GiB: a header, a row and blank lines; its headers
 * declare `declaredSize` bytes (a lie by default). schools.csv and context.csv are real.
 */
export function csvBombPackage(gib = 1.1, declaredSize = 100): Buffer {
  // Blank lines (CSV allows them) pack a thousand times: 1 GiB in a ZIP of about 1 MB.
  const unit = Buffer.alloc(1 << 20, 0x0a);
  const times = Math.ceil((gib * 1024 * 1024 * 1024) / unit.length);
  return makeZip([
    {
      name: 'schools.csv',
      data: Buffer.from('school_id,name,municipality_id,municipality_name\nC1,Ш,M1,Р\n'),
    },
    {
      name: 'results.csv',
      data: Buffer.alloc(0),
      declaredSize,
      packed: Buffer.concat([
        deflateRawSync(
          'school_id,year,assessment,subject,grade,participants,mark2,mark3,mark4,mark5\n' +
            'C1,2024,ВПР,математика,5,25,3,10,8,4\n',
          { finishFlush: constants.Z_FULL_FLUSH },
        ),
        repeatedDeflate(unit, times),
      ]),
    },
    { name: 'context.csv', data: Buffer.from('school_id,year\n') },
  ]);
}

/** A .docx whose document.xml inflates to `mib` MiB of spaces while declaring 1000 bytes. */
export function docxBomb(mib = 1024): Buffer {
  return makeZip([
    {
      name: 'word/document.xml',
      data: Buffer.alloc(0),
      declaredSize: 1000,
      packed: repeatedDeflate(Buffer.alloc(1 << 20, 0x20), mib),
    },
  ]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';

/**
 * An honest .xlsx (sizes declared truly) with `sheets` sheets of `rows` rows of 6 text cells each: what
 * passes every size check of the archive and is stopped only by counting rows and cells.
 */
export function manyRowsWorkbook(sheets: number, rows: number): Buffer {
  const names = Array.from({ length: sheets }, (_, i) => `Лист${i + 1}`);
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
    .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('')}</Relationships>`;
  const sheet = (no: number) => {
    const parts: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ];
    for (let r = 1; r <= rows; r++) {
      let row = `<row r="${r}">`;
      for (const col of 'ABCDEF') {
        row += `<c r="${col}${r}" t="inlineStr"><is><t>Мероприятие ${no}.${r} столбец ${col}</t></is></c>`;
      }
      parts.push(`${row}</row>`);
    }
    parts.push('</sheetData></worksheet>');
    return Buffer.from(parts.join(''));
  };
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
    ...names.map((_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet(i + 1) })),
  ]);
}

/** Runs `fn` while a 10 ms timer ticks; returns its outcome and the longest gap between ticks (ms). */
export async function withTicker<T>(fn: () => Promise<T>): Promise<{ result: T | Error; maxGapMs: number }> {
  let last = performance.now();
  let maxGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await fn().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    return { result, maxGapMs };
  } finally {
    clearInterval(timer);
  }
}
