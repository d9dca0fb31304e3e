import { AppError } from '../../../lib/errors.js';
import { runInWorker } from '../../files/parse-pool.js';
import { normalizeText, Vocabulary } from './clean-text.js';
import {
  invalidFile,
  MAX_BLOCKS,
  MAX_INPUT_BYTES,
  OLE_MAGIC,
  OLE_MESSAGE,
  OLE_XLS_MESSAGE,
  PDF_MAGIC,
  startsWith,
  UNSUPPORTED_MESSAGE,
  unsupportedFile,
  ZIP_MAGIC,
} from './limits.js';
import { readDocx } from './reader-docx.js';
import { readPdf } from './reader-pdf.js';
import { readTxt } from './reader-txt.js';
import { readXlsx } from './reader-xlsx.js';
import { recognise } from './recognise.js';
import type { Block, ImportResult } from './types.js';

// Roadmaps from a file people already have: a Word document, an Excel book, a PDF with a text layer or text
// copied from them.
// The format is told by the content (ZIP, OLE, PDF signatures) and then by the extension. Every failure
// is an AppError with a message for the user; nothing is saved here.

type Format = 'docx' | 'xlsx' | 'txt' | 'pdf';

const extensionOf = (fileName: string) => /\.([^./\\]+)$/.exec(fileName.trim().toLowerCase())?.[1] ?? '';

function detectFormat(fileName: string, data: Buffer): Format {
  const ext = extensionOf(fileName);
  if (startsWith(data, PDF_MAGIC) || ext === 'pdf') return 'pdf';
  if (startsWith(data, OLE_MAGIC)) throw invalidFile(ext === 'xls' ? OLE_XLS_MESSAGE : OLE_MESSAGE);
  if (ext === 'doc') throw unsupportedFile('Старый формат .doc не поддерживается: сохраните файл как .docx');
  if (ext === 'xls') throw unsupportedFile('Старый формат .xls не поддерживается: сохраните файл как .xlsx');
  if (ext === 'odt' || ext === 'ods' || ext === 'rtf') {
    throw unsupportedFile(`Формат .${ext} не поддерживается: сохраните файл в Word как .docx`);
  }
  if (startsWith(data, ZIP_MAGIC)) {
    const head = data.subarray(0, Math.min(data.length, 1 << 20)).toString('latin1');
    if (ext === 'xlsx' || (ext !== 'docx' && head.includes('xl/'))) return 'xlsx';
    if (ext === 'docx' || head.includes('word/')) return 'docx';
    throw invalidFile('Файл — архив, но не документ Word (.docx) и не книга Excel (.xlsx)');
  }
  if (ext === 'docx') return 'docx';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'txt' || ext === 'tsv' || ext === 'text' || ext === 'md' || ext === 'csv') return 'txt';
  if (/^\s*\{\\rtf/.test(data.subarray(0, 16).toString('latin1'))) {
    throw unsupportedFile('Формат RTF не поддерживается: сохраните файл в Word как .docx');
  }
  throw unsupportedFile(UNSUPPORTED_MESSAGE);
}

async function readBlocks(format: Format, data: Buffer): Promise<Block[]> {
  if (format === 'docx') return readDocx(data);
  if (format === 'xlsx') return readXlsx(data);
  if (format === 'pdf') return readPdf(data);
  return readTxt(data);
}

/** Cleans every text of the stream; the document's own words decide how hyphenated line ends are joined. */
export function normalizeBlocks(blocks: Block[]): { blocks: Block[]; vocab: Vocabulary } {
  const vocab = new Vocabulary();
  for (const b of blocks) {
    if (b.kind === 'paragraph') vocab.add(b.text);
    else for (const c of b.cells) vocab.add(c.text);
  }
  const clean = blocks.map((b): Block => {
    if (b.kind === 'paragraph') return { ...b, text: normalizeText(b.text, vocab) };
    return { ...b, cells: b.cells.map((c) => ({ ...c, text: normalizeText(c.text, vocab) })) };
  });
  return { blocks: clean, vocab };
}

/** Parses in a worker thread (files/parse-pool.ts): a hostile file cannot stall the server. */
export function parseRoadmapDocument(fileName: string, data: Uint8Array): Promise<ImportResult> {
  return runInWorker<ImportResult>({ kind: 'roadmap', fileName, data });
}

export async function parseRoadmapDocumentInThread(fileName: string, data: Buffer): Promise<ImportResult> {
  if (data.length === 0) throw invalidFile('Файл пустой');
  if (data.length > MAX_INPUT_BYTES) {
    throw invalidFile(
      `Файл слишком большой (${(data.length / 1024 / 1024).toFixed(1)} МБ): дорожная карта занимает не больше 20 МБ — ` +
        'удалите из документа картинки или загрузите только таблицу',
    );
  }
  const format = detectFormat(fileName, data);
  try {
    const raw = await readBlocks(format, data);
    if (raw.length > MAX_BLOCKS) {
      throw invalidFile(`В файле слишком много строк (${raw.length}): разделите его на части`);
    }
    const { blocks, vocab } = normalizeBlocks(raw);
    return recognise(blocks, { fileName, vocab });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const reason = e instanceof Error && e.message ? ` (${e.message})` : '';
    throw invalidFile(`Не удалось разобрать файл: он повреждён или имеет неожиданное устройство${reason}`);
  }
}
