import { deflateSync } from 'node:zlib';

// PDFs built by hand for the importer's limits (reader-pdf.ts, pdf-pages.ts): each is small on disk and
// hostile inside. Objects are numbered from 1 in the order given; the cross-reference table is correct
// unless a case breaks it on purpose.

type Part = string | Buffer;

export function makePdf(objects: Part[][], trailer = '', { xrefPrev = false } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let size = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(size);
    const body = Buffer.concat(
      [`${i + 1} 0 obj\n`, ...o, '\nendobj\n'].map((x) =>
        typeof x === 'string' ? Buffer.from(x, 'latin1') : x,
      ),
    );
    parts.push(body);
    size += body.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  // /Prev pointing at this same table: a reader following it naively never ends.
  const prev = xrefPrev ? ` /Prev ${size}` : '';
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${prev} ${trailer}>>\nstartxref\n${size}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

const stream = (data: Buffer, dict = '') => [
  `<< /Length ${data.length} ${dict}>>\nstream\n`,
  data,
  '\nendstream',
];
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** Pages with the given content streams (one font, Helvetica). */
export function pagesPdf(
  contents: Buffer[],
  { count, flate = false }: { count?: number; flate?: boolean } = {},
) {
  const n = contents.length;
  const kids = contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects: Part[][] = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    [`<< /Type /Pages /Kids [${kids}] /Count ${count ?? n} >>`],
    [FONT],
  ];
  contents.forEach((c, i) => {
    objects.push([
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    ]);
    objects.push(flate ? stream(deflateSync(c), '/Filter /FlateDecode ') : stream(c));
  });
  return makePdf(objects);
}

const textPage = (line: string) => Buffer.from(`BT /F1 12 Tf 72 700 Td (${line}) Tj ET`, 'latin1');

/** A page tree that says it has a million pages. */
export const manyPagesPdf = () => pagesPdf([textPage('one')], { count: 1_000_000 });
/** 300 real pages. */
export const threeHundredPagesPdf = () =>
  pagesPdf(Array.from({ length: 300 }, (_, i) => textPage(`page ${i}`)));
/** A content stream of ~200 MB of spaces packed into ~200 KB. */
export const flateBombPdf = () => pagesPdf([Buffer.alloc(200 * 1024 * 1024, 0x20)], { flate: true });
/** An array nested 100 000 deep in the catalog. */
export const deepNestingPdf = () =>
  makePdf([
    [`<< /Type /Catalog /Pages 2 0 R /Deep ${'['.repeat(100_000)}${']'.repeat(100_000)} >>`],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'],
  ]);
/** A cross-reference table whose /Prev is itself. */
export const xrefLoopPdf = () =>
  makePdf(
    [
      ['<< /Type /Catalog /Pages 2 0 R >>'],
      ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
      ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'],
    ],
    '',
    { xrefPrev: true },
  );
/** 250 000 separate pieces of text on one page. */
export const manyTextItemsPdf = () => {
  const ops: string[] = ['BT /F1 4 Tf'];
  for (let i = 0; i < 250_000; i++) ops.push(`1 0 0 1 ${(i % 100) * 5} ${(i % 160) * 5} Tm (a) Tj`);
  ops.push('ET');
  return pagesPdf([Buffer.from(ops.join('\n'), 'latin1')], { flate: true });
};
/** Encrypted with a user password (the standard handler, RC4 40-bit): nothing opens without it. */
export const passwordPdf = () =>
  makePdf(
    [
      ['<< /Type /Catalog /Pages 2 0 R >>'],
      ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
      ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'],
      [`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`],
    ],
    `/Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] `,
  );
/** The header of a PDF and then noise. */
export const garbagePdf = () =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n', 'latin1'),
    Buffer.from('это не PDF, а просто текст\n'.repeat(200)),
  ]);
