import type { TableRow } from '../../orgs/parse-table.js';
import { normaliseHeader } from './header-vocabulary.js';
import type { Sheet } from './read-table.js';
import { parseProcedure } from './wide-groups.js';

// РЦОИ reports paste a table per subject one under another on one sheet: a row «Предмет: МАТЕМАТИКА» (or just
// «МАТЕМАТИКА»), the block's own header row, its schools, «Итого по предмету», an empty row, then the next
// subject (held-out sets 5, 6). Such a sheet is turned into one long table with a column «Предмет» before anything else reads it:
// the first block's header (plus «Предмет») heads it, each school row gets its block's subject, the
// «Предмет: …» rows and the repeated header rows go. Rows keep their numbers, so messages point at the file.

const SUBJECT_ROW = /^предмет\s*[:：-]\s*(\S.*)$/iu;

/** Distinct filled cells: a merged cell gives its text to every cell it covers (read-table.ts). */
const filled = (r: TableRow) => [...new Set(r.cells.map((c) => c.trim()).filter((c) => c !== ''))];
const headerKey = (r: TableRow) => r.cells.map(normaliseHeader).join('\t');

/**
 * The subject a row «Предмет: …» or a bare caption «РУССКИЙ ЯЗЫК» (its only filled cell, a known subject
 * and nothing else; held-out set 6) names, else null.
 */
function subjectOfRow(r: TableRow): string | null {
  const cells = filled(r);
  if (cells.length !== 1) return null;
  const m = SUBJECT_ROW.exec(cells[0] as string);
  if (m) return (m[1] as string).trim().toLowerCase();
  const p = parseProcedure(cells[0] as string);
  const bare = p.rest === '' && p.assessment === null && p.grade === null && p.year === null;
  return p.subject !== null && bare ? p.subject : null;
}

/**
 * Only a sheet with two or more «Предмет: …» rows, each followed by the same header row: a single
 * «Предмет: История» line above a table is its title (a preamble of «key: value» lines), not a block.
 */
export function unstackSubjectBlocks(sheet: Sheet): Sheet {
  const rows = sheet.rows;
  const starts = rows.flatMap((r, i) => (subjectOfRow(r) !== null ? [i] : []));
  if (starts.length < 2) return sheet;
  const header = rows[(starts[0] as number) + 1];
  if (!header || filled(header).length < 2) return sheet;
  const key = headerKey(header);
  if (!starts.every((i) => rows[i + 1] && headerKey(rows[i + 1] as TableRow) === key)) return sheet;
  const width = header.cells.length;
  const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
  const out: TableRow[] = rows.slice(0, starts[0]);
  out.push({ row: header.row, cells: [...pad(header.cells), 'Предмет'] });
  let subject = '';
  for (const r of rows.slice(starts[0])) {
    const s = subjectOfRow(r);
    if (s !== null) {
      subject = s;
      continue;
    }
    if (headerKey(r) === key) continue;
    out.push({ row: r.row, cells: [...pad(r.cells), subject] });
  }
  return {
    ...sheet,
    rows: out,
    note: `Таблицы по предметам одна под другой (строка с предметом, заголовок, школы) прочитаны как одна таблица со столбцом «Предмет»; предметов — ${starts.length}`,
  };
}
