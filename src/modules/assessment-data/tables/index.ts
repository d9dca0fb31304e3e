import { AppError } from '../../../lib/errors.js';
import type { TableAnalysis, TableConversion, TableMapping } from './mapping.js';

// An assessment table of any layout (XLSX or CSV with Russian headers): read off the event loop,
// recognised, and converted with the recognised mapping or with `mapping` (the user's or a saved template).

export type ReadTableResult = { analysis: TableAnalysis; conversion: TableConversion };

export async function readAssessmentTable(
  _fileName: string,
  _data: Uint8Array,
  _mapping: TableMapping | null,
): Promise<ReadTableResult> {
  // Placeholder of the foundation commit: the recogniser lands with issue 16 §1.
  throw new AppError('UNSUPPORTED_TYPE', 'Распознавание таблиц результатов ещё не подключено');
}
