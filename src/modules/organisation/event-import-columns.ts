import type { TableRow } from '../orgs/parse-table.js';

// The columns of a participant list (issue 12 §3), recognised by meaning, case and spacing aside:
// ФИО (or Фамилия, Имя, Отчество), Должность, the school (ОО, Наименование ОО, Организация, Место работы)
// or its code (Код ОО, Логин), Муниципалитет.

export type ParticipantField =
  | 'fullName'
  | 'surname'
  | 'name'
  | 'patronymic'
  | 'position'
  | 'unitName'
  | 'unitCode'
  | 'municipality';

export const PARTICIPANT_COLUMNS: Record<ParticipantField, string> = {
  fullName: 'ФИО',
  surname: 'Фамилия',
  name: 'Имя',
  patronymic: 'Отчество',
  position: 'Должность',
  unitName: 'ОО',
  unitCode: 'Код ОО',
  municipality: 'Муниципалитет',
};

const HEADER_SEARCH_ROWS = 10;

export const normHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim();

const RULES: [RegExp, ParticipantField][] = [
  [/^(фио|ф и о|фамилия имя отчество|фио участника|участник|фио полностью)$/, 'fullName'],
  [/^фамилия$/, 'surname'],
  [/^имя$/, 'name'],
  [/^отчество$/, 'patronymic'],
  [/^(должность|занимаемая должность|должность участника)$/, 'position'],
  [/^(код оо|код организации|код школы|логин|логин оо|логин фис око|код)$/, 'unitCode'],
  [
    /^(оо|наименование оо|образовательная организация|организация|наименование организации|школа|место работы|краткое наименование оо)$/,
    'unitName',
  ],
  [
    /^(муниципалитет|муниципальное образование|мо|район|муниципальный район|городской округ|мр го)$/,
    'municipality',
  ],
];

export function participantField(header: string): ParticipantField | null {
  const h = normHeader(header);
  for (const [re, field] of RULES) if (re.test(h)) return field;
  return null;
}

export type ParticipantHeader = {
  /** index of the header among the rows */
  at: number;
  index: Partial<Record<ParticipantField, number>>;
  label: Partial<Record<ParticipantField, string>>;
};

/** The first of the top rows with a name column (ФИО or Фамилия) and a unit column. */
export function findParticipantHeader(rows: TableRow[]): ParticipantHeader | null {
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const index: ParticipantHeader['index'] = {};
    const label: ParticipantHeader['label'] = {};
    rows[at]?.cells.forEach((cell, i) => {
      const f = participantField(cell);
      if (f && index[f] === undefined) {
        index[f] = i;
        label[f] = cell;
      }
    });
    const named = index.fullName !== undefined || index.surname !== undefined;
    const unit = index.unitName !== undefined || index.unitCode !== undefined;
    if (named && unit) return { at, index, label };
  }
  return null;
}
