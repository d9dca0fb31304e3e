import { normaliseHeader } from './header-vocabulary.js';

// The procedure a text names: a group header of a wide table («Русский язык, 4 класс», «ВПР. Математика.
// 5 класс», «ОГЭ математика»), the procedure part of a column header («Русский язык 4 кл. — % «2»»), a title
// row above the table («Результаты ВПР 2025 года, 5 класс») or a sheet name. Subjects come out in lower
// case, as in the package («русский язык»); assessments as their usual abbreviation (ВПР, ОГЭ…).

export type ProcedureText = {
  assessment: string | null;
  subject: string | null;
  grade: number | null;
  year: number | null;
  /** The normalised text without the procedure's words: what the column itself is («% 2»). */
  rest: string;
};

const ASSESSMENTS: [RegExp, string][] = [
  [/(?:^| )впр(?: |$)|всероссийск\p{L}* проверочн\p{L}*/u, 'ВПР'],
  [/(?:^| )огэ(?: |$)|основн\p{L}* государственн\p{L}* экзамен/u, 'ОГЭ'],
  [/(?:^| )егэ(?: |$)|един\p{L}* государственн\p{L}* экзамен/u, 'ЕГЭ'],
  [/(?:^| )гвэ(?: |$)/u, 'ГВЭ'],
  [/(?:^| )рдр(?: |$)|регионал\p{L}* диагностическ\p{L}* работ\p{L}*/u, 'РДР'],
  [/(?:^| )мдр(?: |$)|муниципал\p{L}* диагностическ\p{L}* работ\p{L}*/u, 'МДР'],
  [/(?:^| )нико(?: |$)|национальн\p{L}* исследовани\p{L}* качеств\p{L}*/u, 'НИКО'],
];

/** Subjects and their usual short forms; the first name is the one stored. Longer names first. */
const SUBJECTS: [RegExp, string][] = [
  [
    /математик\p{L}* профил\p{L}*(?: уровн\p{L}*)?|профил\p{L}* математик\p{L}*/u,
    'математика (профильный уровень)',
  ],
  [/математик\p{L}* баз\p{L}*(?: уровн\p{L}*)?|базов\p{L}* математик\p{L}*/u, 'математика (базовый уровень)'],
  [/русск\p{L}* язык\p{L}*|(?:^| )рус яз(?: |$)|(?:^| )русский(?: |$)/u, 'русский язык'],
  [/(?:^| )математик\p{L}*|(?:^| )матем(?: |$)/u, 'математика'],
  [/окружающ\p{L}* мир\p{L}*|(?:^| )окр мир(?: |$)/u, 'окружающий мир'],
  [/(?:^| )истори\p{L}*/u, 'история'],
  [/(?:^| )биологи\p{L}*/u, 'биология'],
  [/(?:^| )географи\p{L}*/u, 'география'],
  [/(?:^| )обществознани\p{L}*/u, 'обществознание'],
  [/(?:^| )физик\p{L}*/u, 'физика'],
  [/(?:^| )хими\p{L}*/u, 'химия'],
  [/(?:^| )информатик\p{L}*(?: и икт)?/u, 'информатика'],
  [/(?:^| )литератур\p{L}*/u, 'литература'],
  [/английск\p{L}* язык\p{L}*/u, 'английский язык'],
  [/немецк\p{L}* язык\p{L}*/u, 'немецкий язык'],
  [/французск\p{L}* язык\p{L}*/u, 'французский язык'],
  [/иностранн\p{L}* язык\p{L}*/u, 'иностранный язык'],
];

const GRADE = [
  /(?:^| )(\d{1,2}) (?:й |х )?(?:кл|класс\p{L}*|параллел\p{L}*)(?: |$)/u,
  /(?:^| )(?:класс|параллель|кл) (\d{1,2})(?: |$)/u,
];
const YEAR = /(?:^| )(20\d\d)(?: (?:г|года?|году))?(?: |$)/u;
const SCHOOL_YEAR = /(?:^| )20\d\d (20\d\d)(?: (?:уч(?:ебн\p{L}*)?|г|года?|году))?(?: |$)/u;

function cut(text: string, m: RegExpExecArray): string {
  return `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/ +/g, ' ').trim();
}

/** Finds the procedure parts a text names; null parts are not named. */
export function parseProcedure(raw: string): ProcedureText {
  let t = normaliseHeader(raw);
  let assessment: string | null = null;
  for (const [re, name] of ASSESSMENTS) {
    const m = re.exec(t);
    if (m) {
      assessment = name;
      t = cut(t, m);
      break;
    }
  }
  let subject: string | null = null;
  for (const [re, name] of SUBJECTS) {
    const m = re.exec(t);
    if (m) {
      subject = name;
      t = cut(t, m);
      break;
    }
  }
  let grade: number | null = null;
  for (const re of GRADE) {
    const m = re.exec(t);
    const g = m ? Number(m[1]) : 0;
    if (m && g >= 1 && g <= 11) {
      grade = g;
      t = cut(t, m);
      break;
    }
  }
  // The state exams are taken in one grade each.
  if (grade === null && (assessment === 'ОГЭ' || assessment === 'ЕГЭ')) grade = assessment === 'ОГЭ' ? 9 : 11;
  let year: number | null = null;
  // «2024/2025 учебный год» is the year the procedure was held in spring: the second one.
  const y = SCHOOL_YEAR.exec(t) ?? YEAR.exec(t);
  if (y) {
    year = Number(y[1]);
    t = cut(t, y);
  }
  return { assessment, subject, grade, year, rest: t };
}

/**
 * A cell of a subject or procedure column of a long table. Besides «История, 7 класс» and «История 7 кл.», a
 * bare number after the subject is its grade: «История (7)», «История 7» (a column «Предмет (класс)»). Only
 * in cells: in a header «Математика 2» is the mark «2» of mathematics. A subject not in the list keeps its
 * own words («Астрономия (11)» → астрономия, 11).
 */
export function parseProcedureCell(raw: string): ProcedureText {
  const p = parseProcedure(raw);
  if (p.grade !== null) return p;
  const m = /^(?:(.*\p{L}.*) )?(\d{1,2})$/u.exec(p.rest);
  const grade = m ? Number(m[2]) : 0;
  const words = m?.[1] ?? '';
  // With a known subject only the number may be left («Русский язык, вариант 7» names no grade).
  const subjectOk = p.subject !== null ? words === '' : words.length >= 3 && !/\d/.test(words);
  if (!m || grade < 1 || grade > 11 || !subjectOk) return p;
  return { ...p, grade, subject: p.subject ?? words, rest: words };
}

/** True when the text names a procedure (a subject, or an assessment with a grade). */
export const namesProcedure = (p: ProcedureText) =>
  p.subject !== null || (p.assessment !== null && p.grade !== null);

/** A group header's own subject when it is not in the list: the words left after assessment and grade. */
export function subjectOfGroupText(raw: string): string | null {
  const p = parseProcedure(raw);
  if (p.subject) return p.subject;
  const rest = p.rest.replace(/(?:^| )(?:результаты|итоги|по|в|и)(?= |$)/g, ' ').trim();
  return rest.length >= 3 && /\p{L}/u.test(rest) && !/\d/.test(rest) ? rest : null;
}
