import { AppError } from '../../lib/errors.js';
// cellText is the XLSX reader's: one rule for what a number looks like (parse-table imports this module back,
// which ES modules allow: neither calls the other while loading).
import { cellText, type TableRow } from '../orgs/parse-table.js';
import { scanXml, type XmlAttrs } from './xml.js';
import { collect, readZip, type ZipLimits } from './zip.js';

// OpenDocument spreadsheets (.ods: LibreOffice, МойОфис, Р7-Офис) read as rows of cell texts, the way the
// XLSX reader gives them: numbers by their value, percents as «12.5%», dates as YYYY-MM-DD, a merged
// cell's text in every cell it covers. Rows and columns an ODS repeats («table:number-rows-repeated»: a
// million empty rows at the end of a sheet is normal) are counted, never materialised while empty.

export type OdsSheet = { name: string; rows: TableRow[] };
export type OdsLimits = ZipLimits & { maxRows: number; maxCells: number };

const MAX_COLUMNS = 16_384;

/** Throws AppError: INVALID_INPUT for a damaged file or one that is no spreadsheet, TOO_LARGE past the limits. */
export function readOds(data: Uint8Array, limits: OdsLimits): OdsSheet[] {
  const what = 'файл ODS';
  let content: Buffer | null = null;
  let mimetype = '';
  readZip(data, what, limits, (name) => {
    if (name === 'content.xml') return collect((d) => (content = d));
    if (name === 'mimetype') return collect((d) => (mimetype = d.toString('latin1')));
    return null;
  });
  if (!content || !mimetype.includes('spreadsheet')) {
    throw new AppError('INVALID_INPUT', `Не удалось прочитать ${what}: это не таблица OpenDocument`);
  }
  return sheetsOf((content as Buffer).toString('utf8'), what, limits);
}

type Span = { text: string; rows: number };

function sheetsOf(xml: string, what: string, limits: OdsLimits): OdsSheet[] {
  const sheets: OdsSheet[] = [];
  let sheet: OdsSheet | null = null;
  let rowNumber = 0;
  let rowRepeat = 1;
  let cells: string[] = [];
  let column = 0;
  // A cell spanning rows gives its text to the covered cells below it, column by column.
  let below: (Span | undefined)[] = [];
  // A cell spanning columns gives its text to the covered cells after it in its row.
  let right: Span | null = null;
  let cell: { attrs: XmlAttrs; covered: boolean; repeat: number; text: string; paragraphs: number } | null =
    null;
  let skip = 0; // inside an annotation (a comment): its text is not the cell's
  let rowsRead = 0;
  let cellsRead = 0;

  const tooLarge = (detail: string) =>
    new AppError('TOO_LARGE', `В книге слишком много ${detail}: разделите её на несколько файлов`);
  const put = (text: string, repeat: number) => {
    if (text !== '') {
      if (column + repeat > MAX_COLUMNS) {
        throw new AppError('TOO_LARGE', `В листе больше ${MAX_COLUMNS.toLocaleString('ru-RU')} столбцов`);
      }
      while (cells.length < column) cells.push('');
      for (let i = 0; i < repeat; i++) cells.push(text);
    }
    column += repeat;
  };
  const finishCell = () => {
    if (!cell) return;
    const { attrs, covered, repeat, text: written } = cell;
    cell = null;
    if (covered) {
      // Each covered column takes the text of the span it lies in: the cell to its left in this row, or
      // the cell above it; a span is used up cell by cell. Past every span the rest is empty at once.
      for (let i = 0; i < repeat; i++) {
        if (!(right && right.rows > 0) && column >= below.length) {
          put('', repeat - i);
          return;
        }
        const span = right && right.rows > 0 ? right : below[column];
        if (span) span.rows--;
        if (span && span !== right && span.rows <= 0) below[column] = undefined;
        put(span?.text ?? '', 1);
      }
      return;
    }
    const text = shownText(attrs, written);
    const colSpan = Math.min(count(attrs['table:number-columns-spanned']), MAX_COLUMNS);
    const rowSpan = count(attrs['table:number-rows-spanned']);
    right = colSpan > 1 ? { text, rows: colSpan - 1 } : null;
    // The covered cells below: (rows − 1) × columns of them.
    if (rowSpan > 1) for (let c = column; c < column + colSpan; c++) below[c] = { text, rows: rowSpan - 1 };
    put(text, repeat);
  };

  scanXml(
    xml,
    {
      open(name, attrs, selfClosing) {
        // saxes closes a self-closing tag too: every tag opened inside a comment is closed inside it.
        if (skip > 0 || name === 'office:annotation') {
          skip++;
          return;
        }
        if (name === 'table:table') {
          sheet = { name: attrs['table:name'] ?? `Лист${sheets.length + 1}`, rows: [] };
          sheets.push(sheet);
          rowNumber = 0;
          below = [];
        } else if (name === 'table:table-row') {
          rowRepeat = count(attrs['table:number-rows-repeated']);
          cells = [];
          column = 0;
          right = null;
        } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
          const covered = name === 'table:covered-table-cell';
          cell = {
            attrs,
            covered,
            repeat: count(attrs['table:number-columns-repeated']),
            text: '',
            paragraphs: 0,
          };
          if (selfClosing) finishCell();
        } else if (cell && name === 'text:p') {
          if (cell.paragraphs++ > 0) cell.text += '\n';
        } else if (cell && name === 'text:s') cell.text += ' '.repeat(Math.min(count(attrs['text:c']), 100));
        else if (cell && (name === 'text:tab' || name === 'text:line-break'))
          cell.text += name === 'text:tab' ? ' ' : '\n';
      },
      close(name) {
        if (skip > 0) {
          skip--;
          return;
        }
        if (name === 'table:table-cell' || name === 'table:covered-table-cell') finishCell();
        else if (name === 'table:table-row' && sheet) {
          while (cells.length > 0 && cells[cells.length - 1]?.trim() === '') cells.pop();
          if (cells.length > 0) {
            // Counted before a row repeated thousands of times is copied, padding included.
            cellsRead += cells.length * rowRepeat;
            if (cellsRead > limits.maxCells) {
              throw tooLarge(`ячеек (больше ${limits.maxCells.toLocaleString('ru-RU')})`);
            }
            for (let i = 0; i < rowRepeat; i++) {
              if (++rowsRead > limits.maxRows) {
                throw tooLarge(`строк (больше ${limits.maxRows.toLocaleString('ru-RU')})`);
              }
              sheet.rows.push({ row: rowNumber + i + 1, cells: [...cells] });
            }
          }
          rowNumber += rowRepeat;
        }
      },
      text(t) {
        if (cell && skip === 0) cell.text += t;
      },
    },
    what,
  );
  return sheets;
}

/** A repeat or span: a whole number from 1; more than a sheet can hold is a sheet's worth (1 048 576 rows). */
const count = (v: string | undefined) => {
  const n = Number(v ?? 1);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1_048_576) : 1;
};

/** What the user sees, as the XLSX reader gives it: the value of a number, the text of anything else. */
function shownText(attrs: XmlAttrs, text: string): string {
  const type = attrs['office:value-type'];
  const value = attrs['office:value'];
  if ((type === 'float' || type === 'currency') && value !== undefined && Number.isFinite(Number(value))) {
    // «0274012345» shown for 274012345 (an INN, an OKTMO in a «0000000000» format): the digits shown.
    const shown = text.trim();
    return /^\d+$/.test(shown) && Number(shown) === Number(value) ? shown : cellText(Number(value));
  }
  if (type === 'percentage' && value !== undefined && Number.isFinite(Number(value))) {
    return `${Number((Number(value) * 100).toPrecision(12))}%`;
  }
  if (type === 'date' && attrs['office:date-value']) return attrs['office:date-value'].slice(0, 10);
  if (type === 'boolean' && attrs['office:boolean-value']) return attrs['office:boolean-value'];
  return text.trim();
}
