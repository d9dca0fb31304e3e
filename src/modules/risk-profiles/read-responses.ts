import { CsvError, Parser } from 'csv-parse';
import { RESPONDENT_GROUPS, type RespondentGroup } from '../../db/schema/values.js';
import { decodeText } from '../files/csv.js';
import { readAnswer } from './answer.js';
import type { Instrument } from './instrument.js';
import { RESPONSES_HEADER } from './instrument-strings.js';
import { ProfileScorer, type SchoolProfile } from './score-profile.js';

// The responses file of `opora risk-profile` (issue 11 §3, docs/data-formats.md «Ответы на анкеты»):
// `school_id,group,respondent_id,item_id,answer`, one row per answer. The file is checked whole before
// anything is computed: one bad row and there is no profile at all, only the list of errors.
//
// Row numbers are the file's record numbers with the header as 1, blank lines counted — the line an
// editor shows, as in every other import of Opora (a quoted value with a line break inside stays one
// record).

export type ResponsesError = { row: number; message: string };

export type ReadResponsesResult =
  | { ok: true; profiles: SchoolProfile[]; rows: number }
  | { ok: false; errors: ResponsesError[]; totalErrors: number };

/** Errors kept for the report; the count goes on. */
const MAX_ERRORS = 1000;

const isGroup = (g: string): g is RespondentGroup => (RESPONDENT_GROUPS as readonly string[]).includes(g);

/**
 * Reads the responses file (bytes: UTF-8 with or without BOM, UTF-16 with BOM or Windows-1251; comma
 * separated, CRLF or LF) and, when every row is right, computes the profiles of its schools by the
 * instrument's rule, schools in the order of their first row.
 */
export async function readResponses(
  instrument: Instrument,
  data: Uint8Array | string,
): Promise<ReadResponsesResult> {
  const text = typeof data === 'string' ? data.replace(/^\uFEFF/, '') : decodeText(data);
  const scorer = new ProfileScorer(instrument);
  const errors: ResponsesError[] = [];
  let totalErrors = 0;
  const fail = (row: number, message: string) => {
    totalErrors++;
    if (errors.length < MAX_ERRORS) errors.push({ row, message });
  };
  /** (school, group, respondent, item) → the row that gave it; JSON keys cannot collide like joined text. */
  const seen = new Map<string, number>();
  let header = false;
  let badHeader = false;
  let rows = 0;

  const onRecord = (cells: string[], row: number) => {
    if (!header) {
      header = true;
      const names = cells.map((c) => c.trim().toLowerCase());
      if (names.length !== RESPONSES_HEADER.length || names.some((n, i) => n !== RESPONSES_HEADER[i])) {
        fail(row, `заголовок должен быть «${RESPONSES_HEADER.join(',')}», а в файле «${cells.join(',')}»`);
        badHeader = true; // the columns mean nothing then: one error, not one per row
      }
      return;
    }
    if (badHeader) return;
    if (cells.length === 1 && cells[0]?.trim() === '') return; // a blank line
    rows++;
    if (cells.length < RESPONSES_HEADER.length) {
      fail(
        row,
        `${cells.length} столбц${cells.length === 1 ? '' : 'а'} вместо 5 (${RESPONSES_HEADER.join(',')})`,
      );
      return;
    }
    // An unquoted decimal comma ("3,5") splits the last column: the answer is the rest of the line.
    const [schoolId, group, respondentId, itemId] = cells.slice(0, 4).map((c) => c.trim()) as [
      string,
      string,
      string,
      string,
    ];
    const answerText = cells.slice(4).join(',').trim();
    const missing = [
      schoolId === '' && 'school_id',
      group === '' && 'group',
      respondentId === '' && 'respondent_id',
      itemId === '' && 'item_id',
    ].filter(Boolean);
    if (missing.length > 0) {
      fail(row, `не заполнено: ${missing.join(', ')}`);
      return;
    }
    if (!isGroup(group)) {
      fail(row, `неизвестная группа «${group}» (есть: ${RESPONDENT_GROUPS.join(', ')})`);
      return;
    }
    const item = scorer.item(itemId);
    if (!item) {
      fail(row, `в анкете нет вопроса «${itemId}»`);
      return;
    }
    if (item.group !== group) {
      fail(row, `вопрос ${itemId} — из анкеты группы ${item.group}, а строка — группы ${group}`);
      return;
    }
    const key = JSON.stringify([schoolId, group, respondentId, itemId]);
    const first = seen.get(key);
    if (first !== undefined) {
      fail(
        row,
        `повтор ответа (школа ${schoolId}, ${group}, респондент ${respondentId}, вопрос ${itemId}): уже в строке ${first}`,
      );
      return;
    }
    seen.set(key, row);
    const { answer, error } = readAnswer(item, answerText);
    if (error) {
      fail(row, error);
      return;
    }
    if (totalErrors > 0) return; // nothing is computed from a bad file; keep checking only
    scorer.touch(schoolId);
    if (answer !== undefined) scorer.add(schoolId, respondentId, itemId, answer);
  };

  await parseCsv(text, onRecord).catch((e: unknown) => {
    if (!(e instanceof CsvError)) throw e;
    const reason =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'кавычка не закрыта до конца файла'
        : 'текст не разбирается как CSV';
    fail(typeof e.lines === 'number' ? e.lines : 0, `не удалось прочитать CSV: ${reason}`);
  });
  if (!header) fail(1, `файл пуст: нужен заголовок «${RESPONSES_HEADER.join(',')}»`);
  if (totalErrors > 0) return { ok: false, errors, totalErrors };
  return { ok: true, profiles: scorer.profiles(), rows };
}

/** csv-parse over the text: comma-separated, any line end, records to `onRecord` with their numbers. */
async function parseCsv(text: string, onRecord: (cells: string[], row: number) => void): Promise<void> {
  const parser = new Parser({
    delimiter: ',',
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
  });
  let records = 0;
  let failure: unknown = null;
  parser.on('data', (record: string[]) => {
    if (failure) return;
    try {
      onRecord(record, ++records);
    } catch (e) {
      failure = e;
    }
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  parser.end(text);
  await done;
  if (failure) throw failure;
}
