import type { DoubtReason } from './strings.js';

// Matching a results row to the staff registry (issue 14 §1): by code first, then by ФИО + school with
// case, ё/е and spaces normalised. Anything not certain — several namesakes, a name one letter off, a
// school that is not found, a teacher found only in another school, nobody at all — is doubtful: the row
// keeps its candidates and a person decides at the review step. Pure: the registry comes in as arrays.

export type RegistryTeacher = {
  id: string;
  schoolId: string;
  schoolName: string;
  code: string | null;
  fullName: string;
};
export type RegistrySchool = { id: string; name: string; shortName: string | null; code: string | null };
export type Candidate = { staffId: string; fullName: string; schoolName: string; code: string | null };

export type Match =
  | { kind: 'matched'; staffId: string; by: 'code' | 'name' }
  | { kind: 'doubtful'; reason: DoubtReason; candidates: Candidate[] };

export const normPerson = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.,"'«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const normCode = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Edit distance is at most one (one letter changed, added or dropped). */
export function oneLetterOff(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const candidate = (t: RegistryTeacher): Candidate => ({
  staffId: t.id,
  fullName: t.fullName,
  schoolName: t.schoolName,
  code: t.code,
});

export class TeacherMatcher {
  private readonly byCode = new Map<string, RegistryTeacher[]>();
  private readonly byName = new Map<string, RegistryTeacher[]>();
  private readonly schoolByKey = new Map<string, RegistrySchool[]>();

  constructor(
    private readonly teachers: readonly RegistryTeacher[],
    schools: readonly RegistrySchool[],
  ) {
    const add = <T>(m: Map<string, T[]>, k: string, v: T) => m.set(k, [...(m.get(k) ?? []), v]);
    for (const t of teachers) {
      if (t.code) add(this.byCode, normCode(t.code), t);
      add(this.byName, normPerson(t.fullName), t);
    }
    for (const s of schools) {
      const keys = new Set([s.name, s.shortName, s.code].filter((x): x is string => !!x).map(normPerson));
      for (const k of keys) add(this.schoolByKey, k, s);
    }
  }

  /** The school named in a row (code, login or name); null when none or several are. */
  school(text: string): RegistrySchool | null {
    const found = this.schoolByKey.get(normPerson(text)) ?? [];
    return found.length === 1 ? (found[0] ?? null) : null;
  }

  /** `ownSchool`: the school a row without an ОО cell belongs to (a school's import of its own teachers). */
  match(row: { code: string; fullName: string; school: string }, ownSchool?: RegistrySchool): Match {
    const school = row.school ? this.school(row.school) : (ownSchool ?? null);
    if (row.code) {
      let found = this.byCode.get(normCode(row.code)) ?? [];
      if (found.length > 1 && school) found = found.filter((t) => t.schoolId === school.id);
      const [only] = found;
      if (found.length === 1 && only && (!school || only.schoolId === school.id))
        return { kind: 'matched', staffId: only.id, by: 'code' };
    }
    const name = normPerson(row.fullName);
    const namesakes = name ? (this.byName.get(name) ?? []) : [];
    if (!school)
      return {
        kind: 'doubtful',
        reason: namesakes.length ? 'noSchool' : 'notFound',
        candidates: namesakes.map(candidate),
      };
    const here = namesakes.filter((t) => t.schoolId === school.id);
    const [one] = here;
    if (here.length === 1 && one) return { kind: 'matched', staffId: one.id, by: 'name' };
    if (here.length > 1) return { kind: 'doubtful', reason: 'several', candidates: here.map(candidate) };
    const near = name
      ? this.teachers.filter((t) => t.schoolId === school.id && oneLetterOff(normPerson(t.fullName), name))
      : [];
    if (near.length) return { kind: 'doubtful', reason: 'near', candidates: near.map(candidate) };
    if (namesakes.length)
      return { kind: 'doubtful', reason: 'otherSchool', candidates: namesakes.map(candidate) };
    return { kind: 'doubtful', reason: 'notFound', candidates: [] };
  }
}
