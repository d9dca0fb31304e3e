import type { TableRow } from '../orgs/parse-table.js';

// The columns of a staff file (issue 14 §1), recognised by meaning, case, «ё» and punctuation aside:
// ФИО (or Фамилия, Имя, Отчество), Должность, Предмет(ы), Классы, Стаж, Молодой педагог, Вновь принятый,
// Табельный номер / Код. Values: classes «5–9», «1,2,3», «5-9, 11»; yes/no «да», «нет», «+», «1».

export type StaffField =
  | 'fullName'
  | 'lastName'
  | 'firstName'
  | 'middleName'
  | 'position'
  | 'subjects'
  | 'grades'
  | 'experience'
  | 'young'
  | 'newlyHired'
  | 'code';

/** The template's headers, in order. */
export const STAFF_COLUMNS: [StaffField, string][] = [
  ['code', 'Табельный номер'],
  ['lastName', 'Фамилия'],
  ['firstName', 'Имя'],
  ['middleName', 'Отчество'],
  ['position', 'Должность'],
  ['subjects', 'Предметы'],
  ['grades', 'Классы'],
  ['experience', 'Стаж'],
  ['young', 'Молодой педагог'],
  ['newlyHired', 'Вновь принятый'],
];

export const normHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim();

const RULES: [RegExp, StaffField][] = [
  [
    /^(фио|ф и о|фамилия имя отчество|фио педагога|фио работника|фио учителя|фио полностью|педагог|работник)$/,
    'fullName',
  ],
  [/^фамилия$/, 'lastName'],
  [/^имя$/, 'firstName'],
  [/^отчество( при наличии)?$/, 'middleName'],
  [/^(должность|занимаемая должность|должность педагога)$/, 'position'],
  [
    /^(предмет|предметы|предмет ы|преподаваемый предмет|преподаваемые предметы|учебный предмет|учебные предметы|дисциплины)$/,
    'subjects',
  ],
  [
    /^(класс|классы|класс ы|параллели|классы в которых работает|преподает в классах|нагрузка классы)$/,
    'grades',
  ],
  [
    /^(стаж|педагогический стаж|пед стаж|стаж лет|стаж работы|стаж педагогической работы|общий стаж)$/,
    'experience',
  ],
  [/^(молодой педагог|молодой специалист|молодой)$/, 'young'],
  [
    /^(вновь принятый|вновь принятый педагог|вновь прибывший|новый сотрудник|принят в этом году)$/,
    'newlyHired',
  ],
  [
    /^(табельный номер|таб номер|табельный|код|код педагога|код работника|код в рис|снилс|идентификатор|id)$/,
    'code',
  ],
];

export function staffField(header: string): StaffField | null {
  const h = normHeader(header);
  for (const [re, field] of RULES) if (re.test(h)) return field;
  return null;
}

export type StaffHeader = {
  at: number;
  index: Partial<Record<StaffField, number>>;
  label: Partial<Record<StaffField, string>>;
};

const HEADER_SEARCH_ROWS = 10;

/** The first of the top rows with a name (ФИО, or Фамилия and Имя) and a Должность column. */
export function findStaffHeader(rows: TableRow[]): StaffHeader | null {
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const index: StaffHeader['index'] = {};
    const label: StaffHeader['label'] = {};
    rows[at]?.cells.forEach((cell, i) => {
      const f = staffField(cell);
      if (f && index[f] === undefined) {
        index[f] = i;
        label[f] = cell;
      }
    });
    const named =
      index.fullName !== undefined || (index.lastName !== undefined && index.firstName !== undefined);
    if (named && index.position !== undefined) return { at, index, label };
  }
  return null;
}

/** «5–9», «1,2,3», «5-9, 11», «5а, 6б» → sorted grades 1…11; null when something is not a grade. */
export function parseGrades(text: string): number[] | null {
  const s = text
    .toLowerCase()
    .replace(/класс[а-я]*|кл\./g, ' ')
    .replace(/[«»"']/g, '')
    .replace(/\s*[-–—]\s*/g, '-')
    .trim();
  if (!s || s === '-') return [];
  const out = new Set<number>();
  for (const part of s.split(/[,;\s]+/).filter(Boolean)) {
    const m = part.match(/^(\d{1,2})[а-яa-z]?(?:-(\d{1,2})[а-яa-z]?)?$/);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b > 11 || a > b) return null;
    for (let g = a; g <= b; g++) out.add(g);
  }
  return [...out].sort((a, b) => a - b);
}

/** да/нет and their usual forms; empty is «нет»; null when not understood. */
export function parseYesNo(text: string): boolean | null {
  const s = text.trim().toLowerCase().replace(/ё/g, 'е');
  if (['', 'нет', 'н', '-', '—', '0', 'false', 'no', 'ложь'].includes(s)) return false;
  if (['да', 'д', '+', '1', 'true', 'yes', 'истина', 'v', '✓'].includes(s)) return true;
  return null;
}

/** «12», «12 лет», «3,5» (rounded down) → whole years; empty → null; undefined when not understood. */
export function parseExperience(text: string): number | null | undefined {
  const s = text.trim().toLowerCase();
  if (!s) return null;
  const m = s.match(/^(\d{1,2})([.,]\d+)?\s*(г|год|года|лет)?\.?$/);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 70 ? n : undefined;
}

/** Subjects from «Математика, Физика» or «Математика; Физика». */
export const parseSubjects = (text: string) => [
  ...new Set(
    text
      .split(/[,;\n]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** A name compared regardless of case, «ё» and extra spaces. */
export const normPerson = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
