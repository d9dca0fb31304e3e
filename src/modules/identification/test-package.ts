import { packageFromRows } from '../assessment-data/from-rows.js';
import type {
  ConfirmationRow,
  ContextRow,
  DataPackage,
  ResultRow,
  School,
} from '../assessment-data/types.js';
import type { SchoolResult } from './identify.js';

// Small hand-made packages for the tests of the rules.

export const school = (id: string, over: Partial<School> = {}): School => ({
  id,
  name: `Школа ${id}`,
  municipalityId: 'M1',
  municipalityName: 'Тестовый район',
  rural: false,
  small: false,
  ...over,
});

/** A result row: `mark2` of `participants` got «2», the rest «3». */
export const result = (
  schoolId: string,
  year: number,
  subject: string,
  grade: number,
  participants: number,
  mark2: number,
  assessment = 'ВПР',
): ResultRow => ({
  schoolId,
  year,
  assessment,
  subject,
  grade,
  participants,
  mark2,
  mark3: participants - mark2,
  mark4: 0,
  mark5: 0,
});

/** Rows that make `subject` of grade 5 and 6 low (40 %) for the school in the year: two low procedures. */
export const twoLow = (schoolId: string, year: number): ResultRow[] => [
  result(schoolId, year, 'русский язык', 5, 10, 4),
  result(schoolId, year, 'математика', 6, 10, 4),
];

/** Rows with no low procedure (10 % of «2»). */
export const fine = (schoolId: string, year: number): ResultRow[] => [
  result(schoolId, year, 'русский язык', 5, 10, 1),
  result(schoolId, year, 'математика', 6, 10, 1),
];

export const DEFAULT_INDICATORS = [
  'parents_higher_ed_share',
  'incomplete_families_share',
  'low_income_share',
  'watch_list_share',
  'non_native_russian_share',
  'ovz_share',
] as const;

/** Context with the same value for every default indicator except the ones given. */
export const context = (
  schoolId: string,
  year: number,
  values: Partial<Record<string, number | null>> = {},
): ContextRow => ({
  schoolId,
  year,
  values: Object.fromEntries(DEFAULT_INDICATORS.map((k) => [k, values[k] === undefined ? 0.5 : values[k]])),
});

export const confirmation = (
  schoolId: string,
  year: number,
  participants: number,
  lowered: number,
  raised: number,
  assessment = 'ВПР',
): ConfirmationRow => ({
  schoolId,
  year,
  assessment,
  subject: 'математика',
  grade: 5,
  participants,
  lowered,
  confirmed: participants - lowered - raised,
  raised,
});

export function pkgOf(input: {
  schools: (string | School)[];
  results?: ResultRow[];
  context?: ContextRow[];
  confirmation?: ConfirmationRow[];
}): DataPackage {
  return packageFromRows({
    schools: input.schools.map((s) => (typeof s === 'string' ? school(s) : s)),
    results: input.results ?? [],
    context: input.context ?? [],
    confirmation: input.confirmation,
  });
}

/** The result of one school in a year's result list (throws when it is missing). */
export const byId = (schools: SchoolResult[], id: string): SchoolResult => {
  const s = schools.find((x) => x.schoolId === id);
  if (!s) throw new Error(`no ${id}`);
  return s;
};
