import type { TableRow } from '../../orgs/parse-table.js';
import { fieldOfHeader, normaliseHeader } from './header-vocabulary.js';
import type { Sheet } from './read-table.js';

// ФИС ОКО exports «Сравнение отметок с отметками по журналу» in blocks, not in columns: a row naming a
// group (the region, a municipality, a school), then a row each for «Понизили», «Подтвердили», «Повысили»
// and «Всего*» with the number of participants and their share. Such a sheet is turned into the table it
// means — a row per group with the three counts and the participants — before anything else reads it, so
// the recogniser, the mapping step and the converter see an ordinary long table. Each new row keeps the
// number of its group's row, so every message still points at the file's own row.

const KIND: [RegExp, number][] = [
  [/^понизил/, 0],
  [/^подтвердил/, 1],
  [/^повысил/, 2],
  [/^всего/, 3],
];
const HEADERS = ['Понизили, чел.', 'Подтвердили, чел.', 'Повысили, чел.', 'Количество участников'];
const NUMBER = /^\d[\d\s]*$/;

const kindOf = (label: string) => KIND.find(([re]) => re.test(normaliseHeader(label)))?.[1] ?? null;
const filled = (r: TableRow) => r.cells.filter((c) => c.trim() !== '');

/** The label column and the count column of a sheet written in blocks, or null for any other sheet. */
function blockColumns(rows: TableRow[]): { label: number; header: number; count: number } | null {
  for (let label = 0; label < 3; label++) {
    const kinds = rows.map((r) => kindOf(r.cells[label] ?? ''));
    if (kinds.filter((k) => k === 0).length < 2 || kinds.filter((k) => k === 1).length < 2) continue;
    const first = kinds.findIndex((k) => k !== null);
    // The header: the last row above the first block with two texts and no numbers.
    let header = -1;
    for (let i = first - 1; i >= 0; i--) {
      const cells = filled(rows[i] as TableRow);
      if (cells.length >= 2 && !cells.some((c) => /\d/.test(c))) {
        header = i;
        break;
      }
    }
    if (header < 0) continue;
    const head = (rows[header] as TableRow).cells;
    const byHeader = head.findIndex(
      (c, k) => k > label && fieldOfHeader(normaliseHeader(c)) === 'participants',
    );
    const measureRow = rows[first] as TableRow;
    const count =
      byHeader >= 0 ? byHeader : measureRow.cells.findIndex((c, k) => k > label && NUMBER.test(c.trim()));
    if (count < 0) return null;
    return { label, header, count };
  }
  return null;
}

export function unstackBlocks(sheet: Sheet): Sheet {
  const found = blockColumns(sheet.rows);
  if (!found) return sheet;
  const { label, header, count } = found;
  const rows = sheet.rows;
  const out: TableRow[] = rows.slice(0, header);
  const head = rows[header] as TableRow;
  out.push({ row: head.row, cells: [head.cells[label] || 'Группы участников', ...HEADERS] });
  let block: { row: number; name: string; values: (string | null)[] } | null = null;
  let blocks = 0;
  const flush = () => {
    if (!block || block.values.every((v) => v === null)) return;
    const [lowered, confirmed, raised] = block.values;
    let total = block.values[3] ?? null;
    // «Всего» is the three groups together; a report without that row still says it by the three.
    if (total === null && lowered !== null && confirmed !== null && raised !== null) {
      total = String([lowered, confirmed, raised].reduce((s, v) => s + Number(v?.replace(/\s/g, '')), 0));
    }
    out.push({
      row: block.row,
      cells: [block.name, lowered ?? '', confirmed ?? '', raised ?? '', total ?? ''],
    });
    blocks++;
  };
  for (const r of rows.slice(header + 1)) {
    const kind = kindOf(r.cells[label] ?? '');
    if (kind !== null && block) {
      block.values[kind] = (r.cells[count] ?? '').trim() || null;
      continue;
    }
    // Any other row with text names the next group («sch583312 | МБОУ СОШ № 1» may take two cells): a
    // group's counts never run on into the group below.
    const texts = filled(r).filter((t) => !NUMBER.test(t.trim()));
    if (kind === null && texts.length > 0) {
      flush();
      block = { row: r.row, name: texts.join(' ').trim(), values: [null, null, null, null] };
    }
  }
  flush();
  return {
    name: sheet.name,
    rows: out,
    note: `Отчёт записан блоками (название группы, под ним «Понизили», «Подтвердили», «Повысили», «Всего»): прочитан как строка на группу, групп — ${blocks}`,
  };
}
