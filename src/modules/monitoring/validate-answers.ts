import { chosenValues } from '../../lib/choice-answer.js';
import { notLonger } from '../../lib/counted.js';
import type { Answers, AnswerValue, Cell, FormColumn, FormField, MonitoringForm, TableRow } from './form.js';
import { fieldsOf } from './form.js';

// The one validator of monitoring answers: the server runs it on every save and submission, the browser
// on every change to show the messages under the fields. A draft may be incomplete (required fields are
// checked on submission only) but never wrong: a number out of range is refused even in a draft.

export type AnswerIssue = { field: string; message: string };
export type Checked = { answers: Answers; issues: AnswerIssue[] };

export const ANSWER_MSG = {
  unknownField: (id: string) => `В форме нет поля ${id}`,
  required: 'Заполните поле',
  requiredTable: 'Добавьте хотя бы одну строку',
  number: 'Введите число',
  integer: 'Введите целое число',
  min: (n: number) => `Не меньше ${n}`,
  max: (n: number) => `Не больше ${n}`,
  percentage: 'Процент — от 0 до 100',
  text: 'Введите текст',
  tooLong: (n: number) => `Ответ ${notLonger(n)}`,
  choice: 'Выберите вариант из списка',
  oneChoice: 'Выберите один вариант',
  unknownOption: (v: string) => `Нет варианта ответа «${v}»`,
  table: 'Таблица заполнена неверно',
  maxRows: (n: number) => `Строк в таблице — не больше ${n}`,
  unknownColumn: (id: string) => `В таблице нет столбца ${id}`,
  cell: (row: number, column: string, message: string) => `Строка ${row}, «${column}»: ${message}`,
} as const;

const DEFAULT_MAX_TEXT = 2000;

type One = { value?: AnswerValue | Cell; error?: string };

const blank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

function checkNumber(
  raw: unknown,
  spec: { min?: number; max?: number; integer?: boolean },
  percentage: boolean,
): One {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { error: ANSWER_MSG.number };
  if (spec.integer && !Number.isInteger(raw)) return { error: ANSWER_MSG.integer };
  if (percentage && (raw < 0 || raw > 100)) return { error: ANSWER_MSG.percentage };
  if (spec.min !== undefined && raw < spec.min) return { error: ANSWER_MSG.min(spec.min) };
  if (spec.max !== undefined && raw > spec.max) return { error: ANSWER_MSG.max(spec.max) };
  return { value: raw };
}

function checkText(raw: unknown, maxLength: number | undefined): One {
  if (typeof raw !== 'string') return { error: ANSWER_MSG.text };
  const text = raw.trim();
  const max = maxLength ?? DEFAULT_MAX_TEXT;
  if (text.length > max) return { error: ANSWER_MSG.tooLong(max) };
  return { value: text };
}

function checkChoice(raw: unknown, options: { value: string }[] | undefined, multiple: boolean): One {
  const chosen = chosenValues(raw, multiple);
  if (!chosen) return { error: multiple ? ANSWER_MSG.choice : ANSWER_MSG.oneChoice };
  const unknown = chosen.find((v) => !options?.some((o) => o.value === v));
  if (unknown !== undefined) return { error: ANSWER_MSG.unknownOption(unknown) };
  if (chosen.length === 0) return {};
  return { value: multiple ? chosen : (chosen[0] ?? '') };
}

function checkCell(raw: unknown, column: FormColumn): One {
  if (column.kind === 'number') return checkNumber(raw, column, false);
  if (column.kind === 'text') return checkText(raw, column.maxLength);
  return checkChoice(raw, column.options, false);
}

function checkTable(
  field: FormField,
  raw: unknown,
  complete: boolean,
  issues: AnswerIssue[],
): TableRow[] | undefined {
  if (!Array.isArray(raw) || raw.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
    issues.push({ field: field.id, message: ANSWER_MSG.table });
    return undefined;
  }
  const max = field.maxRows ?? 100;
  if (raw.length > max) {
    issues.push({ field: field.id, message: ANSWER_MSG.maxRows(max) });
    return undefined;
  }
  const columns = field.columns ?? [];
  const rows: TableRow[] = [];
  (raw as Record<string, unknown>[]).forEach((row, r) => {
    // A row left entirely empty is not an answer: it is dropped rather than kept as a row of blanks.
    if (Object.values(row).every(blank)) return;
    const out: TableRow = {};
    for (const key of Object.keys(row))
      if (!columns.some((c) => c.id === key))
        issues.push({ field: `${field.id}.${r}.${key}`, message: ANSWER_MSG.unknownColumn(key) });
    for (const column of columns) {
      const at = `${field.id}.${r}.${column.id}`;
      const v = row[column.id];
      if (blank(v)) {
        if (complete && column.required)
          issues.push({ field: at, message: ANSWER_MSG.cell(r + 1, column.label, ANSWER_MSG.required) });
        out[column.id] = null;
        continue;
      }
      const one = checkCell(v, column);
      if (one.error) issues.push({ field: at, message: ANSWER_MSG.cell(r + 1, column.label, one.error) });
      out[column.id] = (one.value ?? null) as Cell;
    }
    rows.push(out);
  });
  return rows;
}

/**
 * The answers as they are stored (trimmed, blanks dropped) and every problem, field by field. `complete`:
 * the submission, when required fields must be answered.
 */
export function checkAnswers(form: MonitoringForm, raw: Record<string, unknown>, complete: boolean): Checked {
  const issues: AnswerIssue[] = [];
  const answers: Answers = {};
  const fields = fieldsOf(form).map((f) => f.field);
  for (const id of Object.keys(raw))
    if (!fields.some((f) => f.id === id)) issues.push({ field: id, message: ANSWER_MSG.unknownField(id) });
  for (const field of fields) {
    const v = raw[field.id];
    if (field.kind === 'table') {
      const rows = blank(v) ? [] : checkTable(field, v, complete, issues);
      if (rows === undefined) continue;
      if (rows.length > 0) answers[field.id] = rows;
      else if (complete && field.required)
        issues.push({ field: field.id, message: ANSWER_MSG.requiredTable });
      continue;
    }
    if (blank(v)) {
      if (complete && field.required) issues.push({ field: field.id, message: ANSWER_MSG.required });
      continue;
    }
    const one =
      field.kind === 'number' || field.kind === 'percentage'
        ? checkNumber(v, field, field.kind === 'percentage')
        : field.kind === 'text'
          ? checkText(v, field.maxLength)
          : checkChoice(v, field.options, field.multiple === true);
    if (one.error) issues.push({ field: field.id, message: one.error });
    else if (one.value !== undefined && one.value !== '') answers[field.id] = one.value as AnswerValue;
    else if (complete && field.required) issues.push({ field: field.id, message: ANSWER_MSG.required });
  }
  return { answers, issues };
}

/** How many of the form's fields are answered: the progress a participant sees while filling. */
export const answeredCount = (form: MonitoringForm, answers: Record<string, unknown>): number =>
  fieldsOf(form).filter(({ field }) => !blank(answers[field.id])).length;
