import { AppError } from '../../../lib/errors.js';

// Limits that keep a hostile or broken file from taking the server down, and the messages users see.

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Uncompressed size of word/document.xml (or one sheet of a workbook). */
export const MAX_XML_BYTES = 50 * 1024 * 1024;
/** Uncompressed size of everything a workbook holds (exceljs inflates all of it). */
export const MAX_ZIP_TOTAL_BYTES = 150 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5000;
export const MAX_BLOCKS = 100_000;

export const OLE_MESSAGE =
  'Файл защищён паролем или в старом формате .doc: сохраните его как .docx без пароля';
export const OLE_XLS_MESSAGE =
  'Файл защищён паролем или в старом формате .xls: сохраните его как .xlsx без пароля';
export const NO_ROADMAP_MESSAGE =
  'В файле не найдено таблицы дорожной карты: нужна таблица со строкой заголовков, где есть столбец мероприятий ' +
  '(«Мероприятие», «Наименование мероприятия») и хотя бы один из столбцов «Сроки», «Ответственные», «Показатели»';
export const UNSUPPORTED_MESSAGE =
  'Поддерживаются файлы Word (.docx), Excel (.xlsx), PDF с текстовым слоем (.pdf) и текст (.txt, .tsv) с таблицей ' +
  'дорожной карты';

export const invalidFile = (message: string) => new AppError('INVALID_INPUT', message);
export const unsupportedFile = (message: string) => new AppError('UNSUPPORTED_TYPE', message);

export const startsWith = (data: Uint8Array, bytes: readonly number[]): boolean =>
  data.length >= bytes.length && bytes.every((b, i) => data[i] === b);

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] as const;
export const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46] as const; // %PDF

/** Limits of the bounded pass over a .docx or .xlsx (src/modules/files/zip.ts). */
export const OFFICE_ZIP_LIMITS = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxEntryBytes: MAX_XML_BYTES,
  maxTotalBytes: MAX_ZIP_TOTAL_BYTES,
};
/** Rows and cells of all sheets of a workbook: a roadmap has hundreds of rows, not hundreds of thousands. */
export const MAX_SHEET_ROWS = 10_000;
export const MAX_SHEET_CELLS = 150_000;
