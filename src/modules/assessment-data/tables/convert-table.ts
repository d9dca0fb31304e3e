import { countLabel } from '../../../lib/plural.js';
import type { TableRow } from '../../orgs/parse-table.js';
import { MAX_GRADE, MAX_YEAR, MIN_GRADE, MIN_YEAR } from '../types.js';
import { gradeOfClass, sumClassRows } from './class-rows.js';
import { FRACTIONS_NOTE, sharesOfOne } from './fractions.js';
import { normaliseHeader, PART_MISSING } from './header-vocabulary.js';
import type {
  ConvertedConfirmation,
  ConvertedResult,
  TableConversion,
  TableField,
  TableMapping,
  TableNote,
  TableSchoolKey,
} from './mapping.js';
import { isEmptyCell, readMeasures } from './measures.js';
import { municipalityInTitle } from './municipality-text.js';
import type { Sheet } from './read-table.js';
import { parseProcedure, parseProcedureCell } from './wide-groups.js';

/** «для 1 строки», «для 3 строк». */
const ROWS_GENITIVE = ['строки', 'строк', 'строк'] as const;

// Applies a mapping to a sheet: each data row (long) or each filled column group of a row (wide) becomes a
// result, and a confirmation when the file has «Понизили/Подтвердили/Повысили». Subtotal rows are skipped
// with a note; every bad cell is an error naming the file's row and the column's header.

const KEY_FIELDS = new Set<TableField>([
  'school_code',
  'school_login',
  'school_name',
  'municipality',
  'year',
  'assessment',
  'subject',
  'grade',
]);

const TOTAL =
  /^(?:итог\p{L}*|всего|вся выборка|в среднем|среднее)(?: |$)|^по (?:району|региону|области|краю|республике|округу|городу|муниципалитету|мо|ате|выборке|всем)(?: |$)/u;
/** Words of a territory total that a school's name may also start with («РФ лицей», «Региональный центр…»). */
const TERRITORY_TOTAL = /^(?:регион|субъект|российская федерация|рф)(?: |$)/u;
const SCHOOLISH =
  /(?:^| )(?:школ\p{L}*|сош|оош|нош|\p{L}*гимнази\p{L}*|лице\p{L}*|[мгкч]?[абк]?оу|моу|оу|кадет\p{L}*|\p{L}*интернат\p{L}*|центр\p{L}*|комплекс|колледж|корпус|образовательн\p{L}*|учрежд\p{L}*|академи\p{L}*|детский дом|пансион\p{L}*)(?: |$)/u;
const PLACE =
  /(?:^| )(?:район|р н|округ|город|г|обл|область|край|республика|мо|муниципальн\p{L}*|городской|поселение|ате)(?: |$)/u;
/** A ФИС ОКО login at the start of a school's name: «(sch583312) МБОУ СОШ № 1», «sch583312 МБОУ…». */
const LOGIN_IN_NAME = /^\(?(sch\d{3,})\)?[\s,;:.-]*(.*)$/i;

export type Cells = {
  /** The text of `field` in this row for group `group` (a column of the group, else a shared one). */
  text(field: TableField): string;
  has(field: TableField): boolean;
  label(field: TableField): string | null;
};

export function headerLabels(rows: TableRow[], headerRows: number[]): Map<number, string> {
  const band = rows.filter((r) => headerRows.includes(r.row));
  const labels = new Map<number, string>();
  const width = Math.max(0, ...band.map((r) => r.cells.length));
  for (let c = 0; c < width; c++) {
    const texts: string[] = [];
    for (const r of band) {
      const t = r.cells[c] ?? '';
      if (t !== '' && !texts.includes(t)) texts.push(t);
    }
    labels.set(c + 1, texts.length > 0 ? texts.join(' / ') : `столбец ${c + 1}`);
  }
  return labels;
}

const MUNICIPALITY_ROW = 'строка муниципалитета без школы';
const TERRITORY_ROW = 'строка территории, а не школы';

function subtotalReason(key: TableSchoolKey): string | null {
  const parts = [key.code, key.login, key.name, key.municipality].map((v) => normaliseHeader(v ?? ''));
  const [code, login, name, muni] = parts as [string, string, string, string];
  // The example row of the XLSX templates (templates.ts) is kept by a careless user: never a school.
  if (parts.some((p) => p.startsWith('пример'))) return 'строка-пример шаблона';
  const total = parts.find((p) => TOTAL.test(p) || (TERRITORY_TOTAL.test(p) && !SCHOOLISH.test(p)));
  if (total !== undefined) return 'итоговая строка';
  if (!code && !login && !name) return muni ? MUNICIPALITY_ROW : 'строка без школы';
  if (!code && !login && name && (name === muni || (PLACE.test(name) && !SCHOOLISH.test(name)))) {
    return TERRITORY_ROW;
  }
  return null;
}

export function convertTable(sheet: Sheet, mapping: TableMapping): TableConversion {
  const out: TableConversion = { results: [], confirmations: [], notes: [], errors: [] };
  if (sheet.note) out.notes.push({ row: null, column: null, message: sheet.note });
  const labels = headerLabels(sheet.rows, mapping.headerRows);
  const lastHeader = Math.max(...mapping.headerRows);
  // A header repeated on every printed page comes back as rows of data.
  const headerTexts = new Set(
    sheet.rows
      .filter((r) => mapping.headerRows.includes(r.row))
      .map((r) => r.cells.map(normaliseHeader).join('\t')),
  );
  // A user's mapping may use a group it gave no procedure parts: the fixed parts apply to it.
  const groupCount =
    mapping.layout === 'wide'
      ? Math.max(1, mapping.groups.length, ...mapping.columns.map((c) => (c.group ?? -1) + 1))
      : 1;
  const measuresOf = Array.from({ length: groupCount }, (_, g) =>
    mapping.columns
      .filter((c) => !KEY_FIELDS.has(c.field) && c.field !== 'ignore' && c.field !== 'average')
      .filter((c) => mapping.layout === 'long' || c.group === g)
      .map((c) => c.field),
  );
  const byGroup = new Map<number | null, Map<TableField, number>>();
  /** Field → column for a group: a column of the group wins over a shared one, the first over later ones. */
  const columnsOf = (group: number | null) => {
    let m = byGroup.get(group);
    if (!m) {
      m = new Map();
      for (const c of mapping.columns)
        if (group !== null && c.group === group && !m.has(c.field)) m.set(c.field, c.column);
      for (const c of mapping.columns) if (c.group === null && !m.has(c.field)) m.set(c.field, c.column);
      byGroup.set(group, m);
    }
    return m;
  };
  const missing = new Set<string>();
  /** Rows whose grade cell is a class with a letter («6а»): summed per school at the end (class-rows.ts). */
  const byClass = new Set<number>();
  // The territory whose schools follow: a report without a municipality column groups its schools under a
  // row naming the district; a name alone is then matched within that district, not the whole region.
  let territory: string | null = null;
  let schoolsSince = 0;
  let totalsAfter = false;
  // A district's own report names its district only in the title: the schools of a sheet with no
  // municipality column and no territory rows are of it (municipality-text.ts; shown as a note).
  const firstHeader = Math.min(...mapping.headerRows);
  const titled = municipalityInTitle(
    sheet.rows.filter((r) => r.row < firstHeader).map((r) => [...new Set(r.cells)].join(' ')),
  );
  let titledUsed = false;
  // A municipality written once over its schools (a merged cell saved as CSV, held-out set 9): the school rows
  // under it with the cell empty are of it, up to a total row without one.
  let above: string | null = null;
  let filledDown = 0;
  // Shares written as fractions of one, per group (fractions.ts).
  const dataRows = sheet.rows.filter((r) => r.row > lastHeader);
  const ofOne = Array.from({ length: groupCount }, (_, g) =>
    sharesOfOne(dataRows, columnsOf(mapping.layout === 'wide' ? g : null)),
  );
  for (const kind of new Set(ofOne.flatMap((k) => [...k]))) {
    out.notes.push({ row: null, column: null, message: FRACTIONS_NOTE[kind] });
  }

  for (const r of sheet.rows) {
    if (r.row <= lastHeader) continue;
    if (headerTexts.has(r.cells.map(normaliseHeader).join('\t'))) {
      out.notes.push({ row: r.row, column: null, message: 'Повтор строки заголовков пропущен' });
      continue;
    }
    const cellsOf = (group: number | null): Cells => {
      const columnOf = columnsOf(group);
      return {
        text: (field) => {
          const c = columnOf.get(field);
          return c ? (r.cells[c - 1] ?? '').trim() : '';
        },
        has: (field) => columnOf.has(field),
        label: (field) => {
          const c = columnOf.get(field);
          return c ? (labels.get(c) ?? null) : null;
        },
      };
    };
    const shared = cellsOf(null);
    const orNull = (s: string) => (s === '' ? null : s);
    const school: TableSchoolKey = {
      code: orNull(shared.text('school_code')),
      login: orNull(shared.text('school_login')),
      name: orNull(shared.text('school_name')),
      municipality: orNull(shared.text('municipality')),
    };
    const inName = school.login === null && school.name ? LOGIN_IN_NAME.exec(school.name) : null;
    if (inName) {
      school.login = inName[1] as string;
      school.name = orNull((inName[2] as string).trim());
    }
    const reason = subtotalReason(school);
    if (reason === TERRITORY_ROW || reason === MUNICIPALITY_ROW) {
      // A heading (no numbers) opens its territory. A territory's totals open it too when totals come
      // first (ФИС ОКО); when they come after its schools (the first one follows schools of no territory),
      // they close it, and the schools below are of a territory not yet named.
      const heading = !r.cells.some((c) => /\d/.test(c) && /^[\d\s.,%]+$/.test(c.trim()));
      if (!heading && territory === null && schoolsSince > 0) totalsAfter = true;
      territory = heading || !totalsAfter ? (school.name ?? school.municipality) : null;
      schoolsSince = 0;
    } else if (reason) territory = null;
    else schoolsSince++;
    if (shared.has('municipality')) {
      if (school.municipality !== null) above = school.municipality;
      else if (reason) above = null;
      else if (above !== null) {
        school.municipality = above;
        filledDown++;
      }
    }
    if (reason) {
      const what = school.name ?? school.municipality ?? school.code ?? school.login ?? '';
      out.notes.push({
        row: r.row,
        column: null,
        message: `Строка пропущена: ${reason}${what ? ` («${what}»)` : ''}`,
        skipped: school,
      });
      continue;
    }
    if (school.municipality === null && !shared.has('municipality')) {
      school.municipality = territory ?? titled;
      if (territory === null && titled !== null) school.municipalityFromTitle = true;
      if (territory === null && titled !== null && !titledUsed) {
        titledUsed = true;
        out.notes.push({
          row: null,
          column: null,
          message: `Муниципалитет школ взят из заголовка над таблицей: «${titled}» — школы по названию ищутся в нём`,
        });
      }
    }
    for (let g = 0; g < groupCount; g++) {
      const cells = cellsOf(mapping.layout === 'wide' ? g : null);
      const measureFields = measuresOf[g] ?? [];
      // A school that did not write this procedure leaves its group empty: no row, no error.
      if (measureFields.every((f) => isEmptyCell(cells.text(f)))) {
        if (mapping.layout === 'long') {
          out.notes.push({ row: r.row, column: null, message: 'Строка пропущена: в ней нет результатов' });
        }
        continue;
      }
      const errors: TableNote[] = [];
      const err = (field: TableField | null, message: string) =>
        errors.push({ row: r.row, column: field ? cells.label(field) : null, message });
      const group = mapping.layout === 'wide' ? mapping.groups[g] : undefined;
      const proc = procedureOf(cells, group, mapping, err, missing);
      if (proc && !group?.grade && gradeOfClass(cells.text('grade')) !== null) byClass.add(r.row);
      const measures = readMeasures(cells, err, ofOne[g] ?? new Set());
      out.errors.push(...errors);
      if (errors.length > 0 || !proc || !measures) continue;
      if ('skip' in measures) {
        const what =
          mapping.layout === 'wide' ? ` (${proc.assessment}, ${proc.subject}, ${proc.grade} класс)` : '';
        out.notes.push({ row: r.row, column: null, message: `Пропущено${what}: ${measures.skip}` });
        continue;
      }
      const key = { row: r.row, school, ...proc, participants: measures.participants };
      if (measures.marks) out.results.push({ ...key, ...measures.marks } satisfies ConvertedResult);
      if (measures.confirmation) {
        out.confirmations.push({ ...key, ...measures.confirmation } satisfies ConvertedConfirmation);
      }
    }
  }
  for (const m of missing) out.errors.push({ row: null, column: null, message: m });
  if (filledDown > 0) {
    out.notes.push({
      row: null,
      column: null,
      message: `Муниципалитет написан только у первой школы своей группы: для ${countLabel(filledDown, ROWS_GENITIVE)} он взят из строки выше`,
    });
  }
  sumClassRows(out, byClass);
  return out;
}

type Procedure = { year: number; assessment: string; subject: string; grade: number };

function procedureOf(
  cells: Cells,
  group: TableMapping['groups'][number] | undefined,
  mapping: TableMapping,
  err: (field: TableField | null, message: string) => void,
  missing: Set<string>,
): Procedure | null {
  const fixed = mapping.fixed;
  const need = (field: keyof typeof PART_MISSING) => {
    if (cells.has(field)) err(field, PART_MISSING[field]);
    else missing.add(`${PART_MISSING[field]}: ни в файле, ни в сопоставлении столбцов`);
    return null;
  };
  const yearText = cells.text('year');
  let year: number | null = group?.year ?? fixed.year;
  if (yearText !== '') {
    const m = /(20\d\d)\D*$/.exec(yearText);
    const y = m ? Number(m[1]) : Number.NaN;
    if (!(y >= MIN_YEAR && y <= MAX_YEAR)) {
      err('year', `Год «${yearText}» — нужен год от ${MIN_YEAR} до ${MAX_YEAR}`);
      return null;
    }
    year = y;
  }
  // A long table may name the whole procedure in one cell («ВПР Математика 5 класс»): its parts fill the others.
  const assessmentText = cells.text('assessment');
  const subjectText = cells.text('subject');
  const inAssessment = assessmentText ? parseProcedureCell(assessmentText) : null;
  const inSubject = subjectText ? parseProcedureCell(subjectText) : null;
  const assessment =
    group?.assessment ??
    (inAssessment ? (inAssessment.assessment ?? assessmentText) : null) ??
    inSubject?.assessment ??
    fixed.assessment;
  const subject =
    group?.subject ??
    (inSubject ? (inSubject.subject ?? subjectText.toLowerCase()) : null) ??
    inAssessment?.subject ??
    fixed.subject;
  const gradeText = cells.text('grade');
  let grade = group?.grade ?? inSubject?.grade ?? inAssessment?.grade ?? fixed.grade;
  if (!group?.grade && gradeText !== '') {
    const g = /^\d+$/.test(gradeText)
      ? Number(gradeText)
      : (gradeOfClass(gradeText) ?? parseProcedure(`${gradeText} класс`).grade);
    if (g === null || !(g >= MIN_GRADE && g <= MAX_GRADE)) {
      err('grade', `Класс «${gradeText}» — нужно целое число от ${MIN_GRADE} до ${MAX_GRADE}`);
      return null;
    }
    grade = g;
  }
  if (year === null) return need('year');
  if (!assessment) return need('assessment');
  if (!subject) return need('subject');
  if (grade === null) return need('grade');
  return { year, assessment, subject, grade };
}
