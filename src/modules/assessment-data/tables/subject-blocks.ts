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
const NONE: TableRow = { row: 0, cells: [] };

type Caption = { subject: string | null; grade: number | null };

/**
 * What a block's caption names: a row «Предмет: …», or a bare caption — its only filled cell is a known
 * subject («РУССКИЙ ЯЗЫК», set 6), a grade («8 класс», set 7) or both, and nothing else; else null.
 */
function captionOf(r: TableRow): Caption | null {
  const cells = filled(r);
  if (cells.length !== 1) return null;
  const m = SUBJECT_ROW.exec(cells[0] as string);
  if (m) return { subject: (m[1] as string).trim().toLowerCase(), grade: null };
  const p = parseProcedure(cells[0] as string);
  if (p.rest !== '' || p.assessment !== null || p.year !== null) return null;
  return p.subject !== null || p.grade !== null ? { subject: p.subject, grade: p.grade } : null;
}

/**
 * Only a sheet with two or more caption rows naming the same parts, each followed by the same header row: a
 * single «Предмет: История» line above a table is its title (a preamble of «key: value» lines), not a block.
 */
export function unstackSubjectBlocks(sheet: Sheet): Sheet {
  const rows = sheet.rows;
  // A caption heads a block when a header row follows it («Литература» over «Доли…» is the title's).
  const heads = (i: number) =>
    captionOf(rows[i] as TableRow) !== null && filled(rows[i + 1] ?? NONE).length >= 2;
  const starts = rows.flatMap((_, i) => (heads(i) ? [i] : []));
  if (starts.length < 2) return sheet;
  const captions = starts.map((i) => captionOf(rows[i] as TableRow) as Caption);
  const bySubject = captions[0]?.subject !== null;
  const byGrade = captions[0]?.grade !== null;
  if (!captions.every((c) => (c.subject !== null) === bySubject && (c.grade !== null) === byGrade))
    return sheet;
  const header = rows[(starts[0] as number) + 1];
  if (!header || filled(header).length < 2) return sheet;
  const key = headerKey(header);
  if (!starts.every((i) => rows[i + 1] && headerKey(rows[i + 1] as TableRow) === key)) return sheet;
  const width = header.cells.length;
  const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
  const parts = (c: Caption) => [
    ...(bySubject ? [c.subject ?? ''] : []),
    ...(byGrade ? [String(c.grade ?? '')] : []),
  ];
  const names = [...(bySubject ? ['Предмет'] : []), ...(byGrade ? ['Класс'] : [])];
  const out: TableRow[] = rows.slice(0, starts[0]);
  out.push({ row: header.row, cells: [...pad(header.cells), ...names] });
  const captionRows = new Set(starts);
  let caption: Caption = { subject: null, grade: null };
  rows.forEach((r, i) => {
    if (i < (starts[0] as number)) return;
    if (captionRows.has(i)) caption = captionOf(r) as Caption;
    else if (headerKey(r) !== key) out.push({ row: r.row, cells: [...pad(r.cells), ...parts(caption)] });
  });
  const what = bySubject && byGrade ? 'предметам и классам' : bySubject ? 'предметам' : 'классам';
  const columns = [bySubject && '«Предмет»', byGrade && '«Класс»'].filter(Boolean).join(' и ');
  return {
    ...sheet,
    rows: out,
    note: `Таблицы по ${what} одна под другой (строка-подпись, заголовок, школы) прочитаны как одна таблица со столбцом ${columns}; таблиц — ${starts.length}`,
  };
}
