import { inflateSync, constants as zlib } from 'node:zlib';
import { invalidFile } from './limits.js';

// What a PDF page holds for the importer: its text pieces with positions and fonts, and the ruling lines
// drawn on it (table borders). pdfjs-dist (legacy build, for Node) reads the file; it is loaded lazily and
// runs in the calling thread — the parse worker (files/parse-pool.ts) — with no worker of its own.
// Coordinates are in points from the page's top left corner, y growing downwards.

export const MAX_PDF_PAGES = 200;
/** A 200-page roadmap holds some 60 000 pieces of text; counting stops reading at the limit. */
export const MAX_PDF_TEXT_ITEMS = 100_000;
/** Decompressed size of one stream and of all of them: a roadmap is text and a few logos. */
const MAX_STREAM_BYTES = 64 * 1024 * 1024;
const MAX_STREAMS_TOTAL = 256 * 1024 * 1024;
/** Inside the worker's 10 s: a file still being read after this is refused with a message of our own. */
const TIME_BUDGET_MS = 8_000;

export const SCAN_MESSAGE =
  'В PDF нет текстового слоя — это скан: распознайте его (OCR) или загрузите документ Word';
export const PDF_PASSWORD_MESSAGE =
  'PDF защищён паролем: снимите защиту (сохраните копию без пароля) и загрузите снова';
const tooLarge = (what: string) =>
  invalidFile(`PDF слишком большой для импорта: ${what} — загрузите только таблицу дорожной карты`);

export type PdfText = {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
  italic: boolean;
  /** A blank piece came next (a word processor's list label is drawn so: «●», a blank, the text). */
  blankAfter?: boolean;
};
/** A ruling line: horizontal (y1 = y2) or vertical (x1 = x2), x1 ≤ x2 and y1 ≤ y2. */
export type Rule = { x1: number; y1: number; x2: number; y2: number };
export type PdfPage = {
  number: number;
  width: number;
  height: number;
  texts: PdfText[];
  horizontal: Rule[];
  vertical: Rule[];
};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

/** pdfjs runs its «worker» part in this thread when it finds it on globalThis (no thread, no file load). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // The minified builds: half the code for tsx to compile when a parse worker first meets a PDF (the
    // module has no types of its own; pdfjs only needs it present).
    const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
    const mainModule: string = 'pdfjs-dist/legacy/build/pdf.min.mjs';
    const worker: unknown = await import(workerModule);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return (await import(mainModule)) as PdfJs;
  })();
  return loaded;
}

/**
 * A decompression bomb is refused before pdfjs inflates it: every FlateDecode stream is inflated once
 * with a cap on its output (zlib stops at the cap, so a 1 GB stream costs milliseconds).
 */
export function checkStreams(data: Buffer): void {
  let total = 0;
  let at = 0;
  for (;;) {
    const start = data.indexOf('stream', at, 'latin1');
    if (start < 0) return;
    at = start + 6;
    if (data.toString('latin1', start - 3, start) === 'end') continue;
    const dict = data.toString('latin1', Math.max(0, start - 400), start);
    if (!dict.includes('FlateDecode')) continue;
    let body = at;
    if (data[body] === 0x0d) body++;
    if (data[body] === 0x0a) body++;
    const end = data.indexOf('endstream', body, 'latin1');
    const raw = data.subarray(body, end < 0 ? data.length : end);
    try {
      total += inflateSync(raw, { maxOutputLength: MAX_STREAM_BYTES, finishFlush: zlib.Z_SYNC_FLUSH }).length;
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw tooLarge('в нём сжатый поток, который распаковывается в сотни мегабайт');
      }
      // A stream zlib cannot read is pdfjs's business: it reports a damaged file or skips the stream.
    }
    if (total > MAX_STREAMS_TOTAL) throw tooLarge('его сжатые потоки распаковываются в сотни мегабайт');
    if (end > 0) at = end + 9;
  }
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Horizontal and vertical segments of the paths painted on a page; curves and slanted lines are not borders. */
function rulesOf(
  ops: { fnArray: number[]; argsArray: unknown[] },
  OPS: PdfJs['OPS'],
  viewport: Matrix,
): { horizontal: Rule[]; vertical: Rule[] } {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  // Starts from the page's view (y down from the top left, the page's /Rotate applied).
  let ctm: Matrix = viewport;
  const stack: Matrix[] = [];
  const point = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4],
    ctm[1] * x + ctm[3] * y + ctm[5],
  ];
  const segment = (a: [number, number], b: [number, number], filled: boolean) => {
    const [x1, x2] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
    const [y1, y2] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
    // A filled thin rectangle is a line too (Word draws some borders so); its long sides are kept.
    if (y2 - y1 < 1 && x2 - x1 > 2) horizontal.push({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
    else if (x2 - x1 < 1 && y2 - y1 > 2 && !filled)
      vertical.push({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
  };
  const thinBox = (box: [number, number][]) => {
    const xs = box.map((p) => p[0]);
    const ys = box.map((p) => p[1]);
    const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y2 - y1 < 3 && x2 - x1 > 2) horizontal.push({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
    else if (x2 - x1 < 3 && y2 - y1 > 2) vertical.push({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
  };
  const fills = new Set<number>([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))
        ctm = multiply(ctm, Array.from(args[0] as number[]) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      if (paint === OPS.endPath) continue; // a clip, not a drawing
      const filled = fills.has(paint);
      const path = (args[1] as ArrayLike<number>[] | null)?.[0];
      if (!path) continue;
      let sub: [number, number][] = [];
      const close = () => {
        if (filled && sub.length >= 3) thinBox(sub);
        else
          for (let k = 1; k < sub.length; k++)
            segment(sub[k - 1] as [number, number], sub[k] as [number, number], filled);
        sub = [];
      };
      for (let k = 0; k < path.length; ) {
        const op = path[k];
        if (op === 0) {
          close();
          sub.push(point(path[k + 1] as number, path[k + 2] as number));
          k += 3;
        } else if (op === 1) {
          sub.push(point(path[k + 1] as number, path[k + 2] as number));
          k += 3;
        } else if (op === 4) {
          if (sub[0]) sub.push(sub[0]);
          close();
          k += 1;
        } else {
          close(); // a curve: not a border
          k += op === 2 ? 7 : 5;
        }
      }
      close();
    }
  }
  return { horizontal, vertical };
}

type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;
type TextContent = Awaited<ReturnType<PdfPageProxy['getTextContent']>>;

/** The text of a page read as a stream and dropped past `limit` pieces (null then): no page is read whole. */
async function readText(page: PdfPageProxy, limit: number): Promise<TextContent | null> {
  const reader = page.streamTextContent().getReader();
  const content: TextContent = { items: [], styles: {}, lang: null };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return content;
    const chunk = value as TextContent;
    content.items.push(...chunk.items);
    Object.assign(content.styles, chunk.styles);
    if (content.items.length > limit) {
      await reader.cancel(new Error('too many text items'));
      return null;
    }
  }
}

const BOLD = /bold|black|heavy|semibold|demibold|полужирн|жирн/i;
const ITALIC = /italic|oblique|курсив/i;

/** Reads every page: text pieces and ruling lines. Throws an AppError with a message for every refusal. */
export async function readPdfPages(data: Buffer): Promise<PdfPage[]> {
  const started = Date.now();
  checkStreams(data);
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const pages: PdfPage[] = [];
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'PasswordException') throw invalidFile(PDF_PASSWORD_MESSAGE);
      throw invalidFile('Файл не читается как PDF: он повреждён или это не PDF');
    }
    if (doc.numPages > MAX_PDF_PAGES) {
      throw tooLarge(`в нём ${doc.numPages} страниц, а принимается не больше ${MAX_PDF_PAGES}`);
    }
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() - started > TIME_BUDGET_MS) throw tooLarge('он читается слишком долго');
      const page = await doc.getPage(n);
      // The view: points from the top left, y down, a rotated page (/Rotate) turned upright.
      const view = page.getViewport({ scale: 1 });
      const vt = Array.from(view.transform) as Matrix;
      const content = await readText(page, MAX_PDF_TEXT_ITEMS - items);
      if (!content) throw tooLarge(`в нём больше ${MAX_PDF_TEXT_ITEMS} кусков текста`);
      const ops = await page.getOperatorList();
      const fontName = (id: string): string => {
        try {
          return (page.commonObjs.get(id) as { name?: string } | undefined)?.name ?? '';
        } catch {
          return ''; // a font pdfjs could not load: its text is still there, only bold is unknown
        }
      };
      const texts: PdfText[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        if (!it.str.trim()) {
          const last = texts.at(-1);
          if (last) last.blankAfter = true;
          continue;
        }
        const [a, b, c, d, e, f] = multiply(vt, Array.from(it.transform) as Matrix);
        // Text not upright on the page (a stamp, a vertical label) is not table text.
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0 || d >= 0) continue;
        const font = `${fontName(it.fontName)} ${content.styles[it.fontName]?.fontFamily ?? ''}`;
        texts.push({
          text: it.str,
          x: e,
          y: f,
          width: it.width,
          size: -d,
          bold: BOLD.test(font),
          italic: ITALIC.test(font),
        });
      }
      items += content.items.length;
      const { horizontal, vertical } = rulesOf(ops, lib.OPS, vt);
      pages.push({ number: n, width: view.width, height: view.height, texts, horizontal, vertical });
      page.cleanup();
    }
    if (pages.every((p) => p.texts.length === 0)) throw invalidFile(SCAN_MESSAGE);
    return pages;
  } finally {
    await task.destroy();
  }
}
