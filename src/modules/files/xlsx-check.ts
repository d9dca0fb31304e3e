import { AppError } from '../../lib/errors.js';
import { readZip, type ZipLimits } from './zip.js';

// exceljs inflates a whole workbook and builds an object per cell before anyone can look at it, so an
// uploaded .xlsx first goes through one bounded pass: every part is inflated with the limits of `readZip`,
// and the rows and cells of the sheets are counted as the bytes come, so a workbook of a million small rows
// is stopped after the first megabytes instead of after gigabytes of exceljs objects.

export type WorkbookLimits = ZipLimits & { maxRows: number; maxCells: number };

const SHEET = /^\/?xl\/worksheets\/[^/]+\.xml$/i;

/** Counts `<row…` and `<c…` start tags in a stream of XML bytes (a tag may straddle two chunks). */
function tagCounter(onTag: (row: boolean) => void) {
  let carry = '';
  return (chunk: Uint8Array) => {
    const text = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    let i = text.indexOf('<');
    // A '<' among the last four characters may start a tag: it waits for the next chunk.
    const end = text.length - 4;
    while (i >= 0 && i < end) {
      if (text.charCodeAt(i + 1) === 99 /* c */) {
        const next = text.charCodeAt(i + 2);
        if (next === 32 || next === 62 || next === 47) onTag(false);
      } else if (text.startsWith('row', i + 1)) {
        const next = text.charCodeAt(i + 4);
        if (next === 32 || next === 62 || next === 47) onTag(true);
      }
      i = text.indexOf('<', i + 1);
    }
    carry = i >= 0 ? text.slice(i) : '';
  };
}

/**
 * Checks the whole workbook within `limits`; returns the names of its parts. Throws AppError TOO_LARGE
 * past a limit, INVALID_INPUT when the file is damaged or not a workbook.
 */
export function checkWorkbook(data: Uint8Array, what: string, limits: WorkbookLimits): string[] {
  let rows = 0;
  let cells = 0;
  const count = tagCounter((row) => {
    if (row) {
      if (++rows > limits.maxRows) {
        throw new AppError(
          'TOO_LARGE',
          `В книге слишком много строк (больше ${limits.maxRows.toLocaleString('ru-RU')}): разделите её на несколько файлов`,
        );
      }
    } else if (++cells > limits.maxCells) {
      throw new AppError(
        'TOO_LARGE',
        `В книге слишком много ячеек (больше ${limits.maxCells.toLocaleString('ru-RU')}): разделите её на несколько файлов`,
      );
    }
  });
  return readZip(data, what, limits, (name) => (SHEET.test(name) ? (chunk) => count(chunk) : () => {}));
}
