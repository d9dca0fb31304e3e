import type { DiagnosticBlock } from '../../db/schema/values.js';
import type { TableRow } from '../orgs/parse-table.js';

// The columns of a diagnostic's results file (issue 14 §1), recognised by meaning, case, ё/е and spacing
// aside: Код / Табельный номер, ФИО (or Фамилия, Имя, Отчество), ОО (school code, login or name), one
// column per block (its header is the block's name, optionally with a note: «Предметный (макс. 20)»)
// and an optional Итого checked against the sum.

export type ResultField = 'code' | 'fullName' | 'surname' | 'name' | 'patronymic' | 'school' | 'total';

export const RESULT_COLUMNS: Record<ResultField, string> = {
  code: 'Код',
  fullName: 'ФИО',
  surname: 'Фамилия',
  name: 'Имя',
  patronymic: 'Отчество',
  school: 'ОО',
  total: 'Итого',
};

const HEADER_SEARCH_ROWS = 10;

export const normHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim();

const RULES: [RegExp, ResultField][] = [
  [/^(код|код педагога|код работника|код участника|табельный номер|таб номер|табельный|id)$/, 'code'],
  [/^(фио|ф и о|фамилия имя отчество|фио педагога|фио участника|педагог|участник)$/, 'fullName'],
  [/^фамилия$/, 'surname'],
  [/^имя$/, 'name'],
  [/^отчество$/, 'patronymic'],
  [
    /^(оо|код оо|логин|логин оо|школа|образовательная организация|наименование оо|организация|место работы)$/,
    'school',
  ],
  [/^(итого|всего|сумма|сумма баллов|итого баллов|всего баллов|общий балл)$/, 'total'],
];

export function resultField(header: string): ResultField | null {
  const h = normHeader(header);
  for (const [re, field] of RULES) if (re.test(h)) return field;
  return null;
}

/** The header of a block: its name, alone or followed by a note in brackets or after a colon. */
export function blockOfHeader(header: string, blocks: readonly DiagnosticBlock[]): DiagnosticBlock | null {
  const h = normHeader(header.replace(/[(:].*$/, ''));
  if (!h) return null;
  for (const b of blocks) {
    const n = normHeader(b.name);
    if (h === n || h === `${n} блок` || h === `блок ${n}` || h === normHeader(b.key)) return b;
  }
  return null;
}

export type ResultHeader = {
  /** index of the header among the rows */
  at: number;
  index: Partial<Record<ResultField, number>>;
  /** column of each block, by block key */
  blocks: Record<string, number>;
  /** blocks without a column */
  missing: DiagnosticBlock[];
};

/** The first of the top rows naming a teacher (ФИО, Фамилия or Код); the blocks are looked for in it. */
export function findResultHeader(rows: TableRow[], blocks: readonly DiagnosticBlock[]): ResultHeader | null {
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const index: ResultHeader['index'] = {};
    const found: Record<string, number> = {};
    rows[at]?.cells.forEach((cell, i) => {
      const f = resultField(cell);
      if (f) {
        if (index[f] === undefined) index[f] = i;
        return;
      }
      const b = blockOfHeader(cell, blocks);
      if (b && found[b.key] === undefined) found[b.key] = i;
    });
    const named = index.fullName !== undefined || index.surname !== undefined || index.code !== undefined;
    if (named) return { at, index, blocks: found, missing: blocks.filter((b) => found[b.key] === undefined) };
  }
  return null;
}

/** A score cell: a number with a comma or a point; null when it is not one. */
export function parseScore(cell: string): number | null {
  const t = cell.replace(/\s+/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
