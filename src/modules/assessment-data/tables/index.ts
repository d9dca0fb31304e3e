import { AppError } from '../../../lib/errors.js';
import { runInWorker } from '../../files/parse-pool.js';
import { convertTable } from './convert-table.js';
import type { TableAnalysis, TableConversion, TableMapping } from './mapping.js';
import { readSheets } from './read-table.js';
import { analyseBook } from './recognise-table.js';

// An assessment table of any layout (XLSX or CSV with Russian headers): read off the event loop,
// recognised, and converted with the recognised mapping or with `mapping` (the user's or a saved template).
// `analysis` is always what the recogniser sees (of the mapping's sheet when a mapping names one), so the
// mapping step can show both; `conversion` follows the mapping that applies.

export type ReadTableResult = { analysis: TableAnalysis; conversion: TableConversion };

/** Throws AppError: UNSUPPORTED_TYPE, INVALID_INPUT (unreadable, no such sheet), TOO_LARGE (the limits). */
export async function readAssessmentTable(
  fileName: string,
  data: Uint8Array,
  mapping: TableMapping | null,
): Promise<ReadTableResult> {
  return runInWorker<ReadTableResult>({ kind: 'assessment-table', fileName, data, mapping });
}

export async function readAssessmentTableInThread(
  fileName: string,
  data: Uint8Array,
  mapping: TableMapping | null,
): Promise<ReadTableResult> {
  const book = await readSheets(fileName, data);
  if (mapping?.sheet && !book.some((s) => s.name === mapping.sheet)) {
    throw new AppError('INVALID_INPUT', `В книге нет листа «${mapping.sheet}»: выберите лист заново`);
  }
  const { analysis } = analyseBook(book, mapping?.sheet ?? null);
  const applied = mapping ?? analysis.mapping;
  const sheet = book.find((s) => s.name === applied.sheet) ?? book[0];
  if (!sheet) throw new AppError('INVALID_INPUT', 'В файле нет ни одной строки');
  return { analysis, conversion: convertTable(sheet, applied) };
}
