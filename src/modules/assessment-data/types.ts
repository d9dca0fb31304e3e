// The assessment and context data package (docs/data-formats.md, «Пакет данных оценочных процедур»).
// Rows are kept in columns of typed arrays keyed by the school's index in `schools`: a national package
// has about a million result rows a year, and a million small objects would cost gigabytes.

export type School = {
  id: string;
  name: string;
  municipalityId: string;
  municipalityName: string;
  rural: boolean;
  small: boolean;
};

/** A procedure: assessment (ВПР, ОГЭ, ЕГЭ, РДР…), subject and grade. */
export type Procedure = { assessment: string; subject: string; grade: number };

export type ResultRow = Procedure & {
  schoolId: string;
  year: number;
  participants: number;
  /** Marks «2»; for an exam without marks, the number below the minimum score. */
  mark2: number;
  mark3: number;
  mark4: number;
  mark5: number;
};

/** A school's context indicators in a year: shares in 0..1, null where the file has no value. */
export type ContextRow = { schoolId: string; year: number; values: Record<string, number | null> };

/** The «сравнение отметок с отметками по журналу» report for one procedure. */
export type ConfirmationRow = Procedure & {
  schoolId: string;
  year: number;
  participants: number;
  lowered: number;
  confirmed: number;
  raised: number;
};

export type ResultTable = {
  length: number;
  /** Index into `DataPackage.schools`. */
  school: Int32Array;
  year: Int32Array;
  /** Index into `DataPackage.procedures`. */
  procedure: Int32Array;
  participants: Int32Array;
  mark2: Int32Array;
  mark3: Int32Array;
  mark4: Int32Array;
  mark5: Int32Array;
};

export type ContextTable = {
  length: number;
  school: Int32Array;
  year: Int32Array;
  /** Column names after `school_id, year`, in file order. */
  indicators: string[];
  /** One column per indicator; NaN where the file has no value. */
  values: Float64Array[];
};

export type ConfirmationTable = {
  length: number;
  school: Int32Array;
  year: Int32Array;
  procedure: Int32Array;
  participants: Int32Array;
  lowered: Int32Array;
  confirmed: Int32Array;
  raised: Int32Array;
};

export type DataPackage = {
  schools: School[];
  procedures: Procedure[];
  results: ResultTable;
  context: ContextTable;
  /** Null when the package has no confirmation.csv. */
  confirmation: ConfirmationTable | null;
  /** Years that have result rows, ascending. */
  years: number[];
};

export const PACKAGE_FILES = ['schools', 'results', 'context', 'confirmation'] as const;
export type PackageFile = (typeof PACKAGE_FILES)[number];

export const SCHOOL_COLUMNS = [
  'school_id',
  'name',
  'municipality_id',
  'municipality_name',
  'rural',
  'small',
] as const;
export const RESULT_COLUMNS = [
  'school_id',
  'year',
  'assessment',
  'subject',
  'grade',
  'participants',
  'mark2',
  'mark3',
  'mark4',
  'mark5',
] as const;
export const CONFIRMATION_COLUMNS = [
  'school_id',
  'year',
  'assessment',
  'subject',
  'grade',
  'participants',
  'lowered',
  'confirmed',
  'raised',
] as const;
/** The first two columns of context.csv; every other column is a named indicator. */
export const CONTEXT_KEY_COLUMNS = ['school_id', 'year'] as const;

/** Years accepted in the data. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** Grades accepted in the data. */
export const MIN_GRADE = 1;
export const MAX_GRADE = 11;
