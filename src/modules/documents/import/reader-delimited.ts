import { parse } from 'csv-parse/sync';
import { MAX_BLOCKS } from './limits.js';

// A roadmap kept in a spreadsheet and given as text: Excel's clipboard and «Текст Unicode» (TAB between cells),
// «CSV» (';' on Russian Windows). A cell with a line break (Alt+Enter), a TAB or a quote is written in double
// quotes with its quotes doubled — so one row of the sheet can take several lines of the file, which a reader
// of lines would cut into pieces. Word's text never quotes a cell, so the quoted form is taken only when the
// file shows it (a quoted cell holding a line break or a doubled quote, and no cell swallowing a TAB); a ';'
// file only when it has no TAB at all (read by lines it would hold no table).

export type Record = { cells: string[]; line: number };

/** A cell opening with a quote that closes at the cell's end and holds a line break or a doubled quote. */
function hasQuotedCell(text: string, delimiter: string): boolean {
  let start = true; // at the start of a cell
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (start && ch === '"') {
      let shown = false;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '"') {
          if (text[j + 1] !== '"') break;
          shown = true;
          j++;
        } else if (text[j] === '\n') shown = true;
      }
      const after = text[j + 1];
      if (
        shown &&
        j < text.length &&
        (after === undefined || after === delimiter || after === '\r' || after === '\n')
      )
        return true;
      i = j;
      start = false;
      continue;
    }
    start = ch === delimiter || ch === '\n' || ch === '\r';
  }
  return false;
}

function lineCount(text: string): number {
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** The rows of a spreadsheet's text with the line each starts on, or null when the text is not one. */
export function spreadsheetRecords(text: string): Record[] | null {
  // More lines than the reader takes blocks: the reader by lines refuses it at once (parsing first costs seconds).
  if (lineCount(text) > MAX_BLOCKS) return null;
  const tab = text.includes('\t');
  const delimiter = tab ? '\t' : ';';
  if (tab && !hasQuotedCell(text, delimiter)) return null;
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true, // a quote inside a cell that is not quoted as a whole (Excel leaves it so)
      skip_empty_lines: false,
      info: true,
      max_record_size: 1 << 20, // a row of a roadmap is far shorter; a longer one is not a sheet's
    }) as unknown as typeof parsed;
  } catch {
    return null; // a quote that is not a spreadsheet's: read by lines
  }
  const records: Record[] = [];
  let line = 1;
  for (const { record, info } of parsed) {
    records.push({ cells: record.map((c) => c.replace(/\r\n?/g, '\n')), line });
    line = info.lines + 1;
  }
  // A TAB inside a cell: the quotes took in cell borders (Word's text with a stray quote), not a sheet's cell.
  if (tab && records.some((r) => r.cells.some((c) => c.includes('\t')))) return null;
  // A ';' file is a table when several rows have the same number (≥ 3) of cells.
  if (!tab) {
    const counts = new Map<number, number>();
    for (const r of records)
      if (r.cells.length >= 3) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    if (Math.max(0, ...counts.values()) < 3) return null;
  }
  return records;
}
