import { AppError } from '../../../lib/errors.js';
import { runInWorker } from '../../files/parse-pool.js';
import { convertTable } from './convert-table.js';
import type { TableAnalysis, TableConversion, TableMapping } from './mapping.js';
import { readSheets, type Sheet } from './read-table.js';
import {
  analyseBook,
  analyseSheet,
  coverOf,
  type ProcedurePart,
  type SheetAnalysis,
} from './recognise-table.js';
import { unstackBlocks } from './stacked.js';
import { unstackSubjectBlocks } from './subject-blocks.js';

// An assessment table of any layout (XLSX or CSV with Russian headers): read off the event loop,
// recognised, and converted with the recognised mapping or with `mapping` (the user's or a saved template).
// `analysis` is always what the recogniser sees (of the mapping's sheet when a mapping names one), so the
// mapping step can show both; `conversion` follows the mapping that applies.

/**
 * exceljs reads ≈ 10 000 rows of 10 cells a second on a free core of the 2-core test machine and 3–4 times
 * slower while the other core is busy: a book at the cell limit (read-table.ts) needs up to ≈ 15 s there,
 * more than the small pool's 10 s meant for documents (docs/decisions/0036-assessment-tables.md).
 */
const TABLE_TIMEOUT_MS = 30_000;

export type ReadTableResult = { analysis: TableAnalysis; conversion: TableConversion };

/** Throws AppError: UNSUPPORTED_TYPE, INVALID_INPUT (unreadable, no such sheet), TOO_LARGE (the limits). */
export async function readAssessmentTable(
  fileName: string,
  data: Uint8Array,
  mapping: TableMapping | null,
): Promise<ReadTableResult> {
  return runInWorker<ReadTableResult>(
    { kind: 'assessment-table', fileName, data, mapping },
    { timeoutMs: TABLE_TIMEOUT_MS },
  );
}

export async function readAssessmentTableInThread(
  fileName: string,
  data: Uint8Array,
  mapping: TableMapping | null,
): Promise<ReadTableResult> {
  const book = (await readSheets(fileName, data)).map(unstackBlocks).map(unstackSubjectBlocks);
  if (mapping?.sheet && !book.some((s) => s.name === mapping.sheet)) {
    throw new AppError('INVALID_INPUT', `В книге нет листа «${mapping.sheet}»: выберите лист заново`);
  }
  const found = analyseBook(book, mapping?.sheet ?? null, fileName);
  const { analysis } = found;
  const applied = mapping ?? analysis.mapping;
  const sheet = book.find((s) => s.name === (applied.sheet ?? analysis.mapping.sheet)) ?? book[0];
  if (!sheet) throw new AppError('INVALID_INPUT', 'В файле нет ни одной строки');
  const conversion = convertBook(book, sheet, applied, fileName);
  conversion.notes.unshift(...fileNameNote(found, applied));
  return { analysis, conversion };
}

const PART_NAMES = { assessment: 'процедура', subject: 'предмет', grade: 'класс', year: 'год' } as const;

/**
 * The parts taken from the file's name, kept in the mapping applied and needed by it (no column gives them,
 * not every group names them): a guess the user is told of.
 */
function fileNameNote(found: SheetAnalysis, applied: TableMapping): TableConversion['notes'] {
  const given = (p: ProcedurePart) =>
    applied.columns.some((c) => c.field === p) ||
    (applied.groups.length > 0 && applied.groups.every((g) => g[p] !== null && g[p] !== undefined));
  const parts = found.fromFileName.filter(
    (p) => applied.fixed[p] === found.analysis.mapping.fixed[p] && !given(p),
  );
  if (parts.length === 0) return [];
  const said = parts.map((p) => `${PART_NAMES[p]} ${applied.fixed[p]}`).join(', ');
  return [{ row: null, column: null, message: `Из имени файла: ${said} (в самой таблице не указано)` }];
}

/**
 * The mapped sheet and every other sheet of the same header (a book with a sheet per subject or per grade
 * is one report): each further sheet with the parts its own title and name give, the mapping's where they
 * say nothing. Messages of a book of several such sheets name their sheet.
 */
function convertBook(book: Sheet[], sheet: Sheet, mapping: TableMapping, fileName: string): TableConversion {
  const cover = coverOf(book, fileName);
  const shape = (s: Sheet) => {
    const a = analyseSheet(s, [], cover);
    return {
      key: `${a.analysis.mapping.headerRows.join(',')}\n${[...a.headerTexts.values()].join('\n')}`,
      a,
    };
  };
  const mine = shape(sheet);
  const own = mine.key;
  // What the mapped sheet says itself (its title, its name); the rest of `mapping.fixed` the user gave.
  const said = mine.a.analysis.mapping.fixed;
  const others = book
    .filter((s) => s !== sheet)
    .map((s) => ({ s, ...shape(s) }))
    .filter((o) => o.key === own);
  const first = convertTable(sheet, mapping);
  if (others.length === 0) return first;
  const named = (name: string | null, c: TableConversion): TableConversion => {
    const at = (n: TableConversion['notes'][number]) => ({ ...n, message: `Лист «${name}»: ${n.message}` });
    return { ...c, notes: c.notes.map(at), errors: c.errors.map(at) };
  };
  const out = named(sheet.name, first);
  const statedBySome = (p: 'year' | 'subject' | 'grade') =>
    others.some((o) => o.a.analysis.mapping.fixed[p] !== null);
  const skipped: string[] = [];
  for (const o of others) {
    const f = o.a.analysis.mapping.fixed;
    // Each further sheet must say itself what the mapped sheet's own title says (its year, subject,
    // grade): a sheet «Архив» of the same header is never loaded under the mapped sheet's year. A part
    // the user gave because no sheet of the book says it (a sheet per municipality, the grade nowhere) is
    // the book's; when some sheet says it, a sheet that does not is skipped as before.
    const unsaid = (['year', 'subject', 'grade'] as const).filter(
      (p) => mapping.fixed[p] !== null && f[p] === null && (said[p] !== null || statedBySome(p)),
    );
    if (unsaid.length > 0) {
      skipped.push(`«${o.s.name}»`);
      continue;
    }
    const given = (p: keyof typeof f) => (p === 'assessment' || said[p] === null ? mapping.fixed[p] : null);
    const fixed = {
      assessment: f.assessment ?? given('assessment'),
      subject: f.subject ?? given('subject'),
      grade: f.grade ?? given('grade'),
      year: f.year ?? given('year'),
    } as typeof f;
    const c = named(o.s.name, convertTable(o.s, { ...mapping, sheet: o.s.name, fixed }));
    out.results.push(...c.results);
    out.confirmations.push(...c.confirmations);
    out.notes.push(...c.notes);
    out.errors.push(...c.errors);
  }
  const read = [sheet, ...others.map((o) => o.s)].filter((s) => !skipped.includes(`«${s.name}»`));
  if (read.length > 1) {
    out.notes.unshift({
      row: null,
      column: null,
      message: `Листы одного вида читаются вместе: ${read.map((s) => `«${s.name}»`).join(', ')}`,
    });
  }
  if (skipped.length > 0) {
    out.notes.push({
      row: null,
      column: null,
      message: `Не прочитаны листы того же вида, не называющие свой год, предмет или класс: ${skipped.join(', ')}`,
    });
  }
  return out;
}
