import { AppError, type RowError } from '../../lib/errors.js';
import { Int32Columns } from '../../lib/int-columns.js';
import {
  type ConfirmationRow,
  type ConfirmationTable,
  type ContextTable,
  type DataPackage,
  MAX_YEAR,
  MIN_YEAR,
  type PackageFile,
  type Procedure,
  type ResultRow,
  type ResultTable,
  type School,
} from './types.js';

// Collects validated rows into the columnar package and the row-by-row error report. Cell syntax is
// checked by the readers (read-package.ts); the checks across rows and files are here: known schools,
// duplicate keys, marks against participants. All or nothing: build() throws when any row is wrong.

/** At most this many errors are kept for the report; the rest are only counted. */
export const MAX_REPORTED_ERRORS = 1000;

/**
 * A copy of a kept string: a value cut from a chunk of a big file may be a view that keeps the whole
 * chunk (megabytes) alive for as long as the package lives.
 */
const detach = (s: string) => (s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8'));

export const fileName = (file: PackageFile) => `${file}.csv`;

/** Int32 columns with names (see Int32Columns). */
class IntColumns<K extends string> extends Int32Columns {
  constructor(readonly names: readonly K[]) {
    super(names.length);
  }
  /** The columns by name, trimmed to the length (copies, so the spare capacity is freed). */
  trimmed(): Record<K, Int32Array> {
    return Object.fromEntries(
      this.names.map((n, i) => [n, (this.cols[i] as Int32Array).slice(0, this.length)]),
    ) as Record<K, Int32Array>;
  }
}

const RESULT_COLS = [
  'school',
  'year',
  'procedure',
  'participants',
  'mark2',
  'mark3',
  'mark4',
  'mark5',
  'row',
] as const;
const CONFIRMATION_COLS = [
  'school',
  'year',
  'procedure',
  'participants',
  'lowered',
  'confirmed',
  'raised',
  'row',
] as const;

type ResultValues = Omit<ResultRow, 'schoolId'>;
type ConfirmationValues = Omit<ConfirmationRow, 'schoolId'>;

export class PackageBuilder {
  readonly schools: School[] = [];
  private readonly schoolIndex = new Map<string, number>();
  readonly procedures: Procedure[] = [];
  private readonly procedureIndex = new Map<string, Map<string, Map<number, number>>>();
  private readonly results = new IntColumns(RESULT_COLS);
  private confirmation: IntColumns<(typeof CONFIRMATION_COLS)[number]> | null = null;
  private contextIndicators: string[] = [];
  private readonly contextSchool: number[] = [];
  private readonly contextYear: number[] = [];
  private contextValues: number[][] = [];
  private readonly contextKeys = new Map<string, number>();
  readonly errors: RowError[] = [];
  errorCount = 0;

  error(file: PackageFile, row: number, column: string | undefined, message: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED_ERRORS) {
      this.errors.push({
        row,
        field: column ? `${fileName(file)}: ${column}` : fileName(file),
        message,
      });
    }
  }

  addSchool(school: School, row: number): void {
    const first = this.schoolIndex.get(school.id);
    if (first !== undefined) {
      this.error('schools', row, 'school_id', `Школа ${school.id} уже есть в файле выше`);
      return;
    }
    const kept: School = {
      ...school,
      id: detach(school.id),
      name: detach(school.name),
      municipalityId: detach(school.municipalityId),
      municipalityName: detach(school.municipalityName),
    };
    this.schoolIndex.set(kept.id, this.schools.length);
    this.schools.push(kept);
  }

  /** The school's index, or -1 with an error «unknown school». */
  schoolOf(file: PackageFile, row: number, schoolId: string): number {
    const i = this.schoolIndex.get(schoolId);
    if (i !== undefined) return i;
    this.error(file, row, 'school_id', `Школы ${schoolId} нет в schools.csv`);
    return -1;
  }

  procedureOf(p: Procedure): number {
    let bySubject = this.procedureIndex.get(p.assessment);
    if (!bySubject) {
      bySubject = new Map();
      this.procedureIndex.set(p.assessment, bySubject);
    }
    let byGrade = bySubject.get(p.subject);
    if (!byGrade) {
      byGrade = new Map();
      bySubject.set(p.subject, byGrade);
    }
    let i = byGrade.get(p.grade);
    if (i === undefined) {
      i = this.procedures.length;
      byGrade.set(p.grade, i);
      this.procedures.push({ assessment: detach(p.assessment), subject: detach(p.subject), grade: p.grade });
    }
    return i;
  }

  /** `procedure`: the procedure's index when the caller knows it (then r's assessment, subject, grade are not read). */
  addResult(school: number, r: ResultValues, row: number, procedure?: number): void {
    if (r.mark2 > r.participants) {
      this.error(
        'results',
        row,
        'mark2',
        `Число «2» (${r.mark2}) больше числа участников (${r.participants})`,
      );
      return;
    }
    const marks = r.mark2 + r.mark3 + r.mark4 + r.mark5;
    if (marks > r.participants) {
      this.error(
        'results',
        row,
        'participants',
        `Сумма отметок mark2–mark5 (${marks}) больше числа участников (${r.participants})`,
      );
      return;
    }
    const t = this.results;
    const i = t.add();
    const c = t.cols as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ];
    c[0][i] = school;
    c[1][i] = r.year;
    c[2][i] = procedure ?? this.procedureOf(r);
    c[3][i] = r.participants;
    c[4][i] = r.mark2;
    c[5][i] = r.mark3;
    c[6][i] = r.mark4;
    c[7][i] = r.mark5;
    c[8][i] = row;
  }

  addConfirmation(school: number, r: ConfirmationValues, row: number, procedure?: number): void {
    const sum = r.lowered + r.confirmed + r.raised;
    if (sum > r.participants) {
      this.error(
        'confirmation',
        row,
        'participants',
        `Сумма lowered + confirmed + raised (${sum}) больше числа участников (${r.participants})`,
      );
      return;
    }
    this.confirmation ??= new IntColumns(CONFIRMATION_COLS);
    const t = this.confirmation;
    const i = t.add();
    const c = t.cols as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ];
    c[0][i] = school;
    c[1][i] = r.year;
    c[2][i] = procedure ?? this.procedureOf(r);
    c[3][i] = r.participants;
    c[4][i] = r.lowered;
    c[5][i] = r.confirmed;
    c[6][i] = r.raised;
    c[7][i] = row;
  }

  /** Marks the package as having confirmation.csv even when the file has no data rows. */
  withConfirmation(): void {
    this.confirmation ??= new IntColumns(CONFIRMATION_COLS);
  }

  setContextIndicators(names: string[]): void {
    this.contextIndicators = names.map(detach);
    this.contextValues = names.map(() => []);
  }

  /** `values` are aligned with the indicators; NaN where there is no value. */
  addContext(school: number, year: number, values: ArrayLike<number>, row: number): void {
    const key = `${school}:${year}`;
    const first = this.contextKeys.get(key);
    if (first !== undefined) {
      this.error(
        'context',
        row,
        undefined,
        `Повтор: данные школы ${this.schools[school]?.id} за ${year} год уже есть в строке ${first}`,
      );
      return;
    }
    this.contextKeys.set(key, row);
    this.contextSchool.push(school);
    this.contextYear.push(year);
    for (let j = 0; j < this.contextValues.length; j++) this.contextValues[j]?.push(values[j] ?? Number.NaN);
  }

  /**
   * The package, or AppError('INVALID_INPUT') with the row-by-row report. `keysUnique`: the rows come from
   * tables whose primary keys already make (school, year, procedure) unique; the check is skipped.
   */
  build(opts: { keysUnique?: boolean } = {}): DataPackage {
    const results = this.results.trimmed();
    const confirmation = this.confirmation?.trimmed() ?? null;
    if (!opts.keysUnique) {
      this.reportDuplicates('results', results);
      if (confirmation) this.reportDuplicates('confirmation', confirmation);
    }
    if (this.errorCount > 0) throw packageError(this.errors, this.errorCount);

    const resultTable: ResultTable = {
      length: this.results.length,
      school: results.school,
      year: results.year,
      procedure: results.procedure,
      participants: results.participants,
      mark2: results.mark2,
      mark3: results.mark3,
      mark4: results.mark4,
      mark5: results.mark5,
    };
    const context: ContextTable = {
      length: this.contextSchool.length,
      school: Int32Array.from(this.contextSchool),
      year: Int32Array.from(this.contextYear),
      indicators: this.contextIndicators,
      values: this.contextValues.map((v) => Float64Array.from(v)),
    };
    const confirmationTable: ConfirmationTable | null = confirmation && {
      length: confirmation.school.length,
      school: confirmation.school,
      year: confirmation.year,
      procedure: confirmation.procedure,
      participants: confirmation.participants,
      lowered: confirmation.lowered,
      confirmed: confirmation.confirmed,
      raised: confirmation.raised,
    };
    const years = new Set<number>();
    for (let i = 0; i < resultTable.length; i++) years.add(resultTable.year[i] as number);
    return {
      schools: this.schools,
      procedures: this.procedures,
      results: resultTable,
      context,
      confirmation: confirmationTable,
      years: [...years].sort((a, b) => a - b),
    };
  }

  /**
   * One row per school, year and procedure. Keys are numbers sorted in a typed array (fast for millions of
   * rows); only when a key repeats is a second pass made to name both rows.
   */
  private reportDuplicates(
    file: PackageFile,
    c: { school: Int32Array; year: Int32Array; procedure: Int32Array; row: Int32Array },
  ): void {
    const n = c.school.length;
    const years = MAX_YEAR - MIN_YEAR + 1;
    const procs = Math.max(1, this.procedures.length);
    const keyOf = (i: number) =>
      ((c.school[i] as number) * years + ((c.year[i] as number) - MIN_YEAR)) * procs +
      (c.procedure[i] as number);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = keyOf(i);
    keys.sort();
    const repeated = new Set<number>();
    for (let i = 1; i < n; i++) if (keys[i] === keys[i - 1]) repeated.add(keys[i] as number);
    if (repeated.size === 0) return;
    const firstRow = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = keyOf(i);
      if (!repeated.has(key)) continue;
      const first = firstRow.get(key);
      if (first === undefined) {
        firstRow.set(key, c.row[i] as number);
        continue;
      }
      const p = this.procedures[c.procedure[i] as number];
      this.error(
        file,
        c.row[i] as number,
        undefined,
        `Повтор: строка школы ${this.schools[c.school[i] as number]?.id} за ${c.year[i]} год по процедуре ` +
          `«${p?.assessment}, ${p?.subject}, ${p?.grade} класс» уже есть в строке ${first}`,
      );
    }
  }
}

export function packageError(rows: RowError[], total: number): AppError {
  const first = rows[0];
  const where = first ? ` Первая: ${first.field ?? ''}, строка ${first.row}: ${first.message}` : '';
  const shown = total > rows.length ? ` (показаны первые ${rows.length})` : '';
  return new AppError('INVALID_INPUT', `Пакет данных не загружен: ${errorsWord(total)}${shown}.${where}`, {
    rows,
  });
}

const errorsWord = (n: number) => {
  const d10 = n % 10;
  const d100 = n % 100;
  const word =
    d10 === 1 && d100 !== 11
      ? 'ошибка'
      : d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)
        ? 'ошибки'
        : 'ошибок';
  return `${n} ${word}`;
};
