import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { schoolNameConfirmations } from '../../../db/schema/assessment-tables.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import type { TableNote, TableSchoolKey } from './mapping.js';
import { municipalityNamedBy } from './municipality-text.js';

// The schools a table names, matched to the importing region's schools (issue 16 §1). A code or a login is
// an identifier and matches by itself; a name is only a proposal the user confirms in the import dialog —
// two schools of a district are often called «СОШ № 1» in different villages, and a wrong guess would load
// one school's results into another. Only the region's schools are read: the region is the access scope.

export type SchoolCandidate = { id: string; name: string; municipality: string | null };

export type SchoolMatch = {
  /** `schoolKeyId(key)`: how the dialog names the key when it confirms a proposal. */
  keyId: string;
  key: TableSchoolKey;
  /**
   * matched: by code, login or a name the user confirmed at an earlier load; review: one school of that
   * name (to confirm); ambiguous: several; unknown: none.
   */
  status: 'matched' | 'review' | 'ambiguous' | 'unknown';
  schoolId: string | null;
  by: 'code' | 'login' | 'confirmed' | 'name' | null;
  /** Why a login matched (the ФИС ОКО form «sch» + code). */
  note: string | null;
  candidates: SchoolCandidate[];
  /**
   * The region's municipality an inflected one (a title's «по Родниковскому муниципальному району») was
   * resolved to, when the candidates are of it: a confirmation is remembered under it.
   */
  resolvedMunicipality?: string;
};

/** A stable text of a key: equal keys of different rows are one school of the file. */
export const schoolKeyId = (k: TableSchoolKey) =>
  JSON.stringify([
    k.code?.trim() ?? '',
    k.login?.trim() ?? '',
    k.name?.trim() ?? '',
    k.municipality?.trim() ?? '',
  ]);

/** How a key is shown to the user (a message, the list of unknown schools). */
export function schoolKeyText(k: TableSchoolKey): string {
  const parts = [k.code, k.login && k.login !== k.code ? k.login : null, k.name, k.municipality];
  return parts.filter((p): p is string => Boolean(p?.trim())).join(', ') || '(школа не указана)';
}

// Legal forms that open a school's full name; both «МБОУ СОШ № 1» and «СОШ №1» are the same school.
const LEGAL_FORMS = /^(?:[мг][бак]?оу|ч?ноу|ано(?:\s+оо)?)\s+/;
const LONG_KINDS: [RegExp, string][] = [
  [/средняя\s+общеобразовательная\s+школа/g, 'сош'],
  [/основная\s+общеобразовательная\s+школа/g, 'оош'],
  [/начальная\s+общеобразовательная\s+школа/g, 'нош'],
  [
    /(?:муниципальное|государственное)\s+(?:бюджетное|автономное|казенное|казённое)?\s*общеобразовательное\s+учреждение/g,
    '',
  ],
];

/** A school's name reduced to what tells schools apart: case, ё, quotes, «№»/«N», legal form, spaces. */
export function normaliseSchoolName(name: string): string {
  let s = name.toLowerCase().replace(/ё/g, 'е');
  for (const [re, to] of LONG_KINDS) s = s.replace(re, to);
  s = s
    .replace(/[«»"'“”„‘’`]/g, ' ')
    .replace(/(^|[\s.,])(?:n|№)\s*(?=\d)/g, '$1№')
    .replace(/[.,;:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.replace(LEGAL_FORMS, '').trim();
}

/** A municipality's name without its kind: «Первый муниципальный район» and «Первый р-н» meet. */
export function normaliseMunicipality(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'“”„.,()]/g, ' ')
    .replace(
      /(^|\s)(?:муниципальн\S*|район|округ|городск\S*|город|г|мо|образование|поселение|сельское|р-н|го)(?=\s|$)/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

type RegionSchool = {
  id: string;
  name: string;
  shortName: string | null;
  code: string | null;
  municipality: string | null;
};

async function regionSchools(db: Db, regionId: string): Promise<RegionSchool[]> {
  const inRegion = like(orgUnits.path, `/${regionId}/%`);
  const municipalities = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'municipality'), inRegion));
  const schools = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      shortName: orgUnits.shortName,
      code: orgUnits.code,
      path: orgUnits.path,
    })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'school'), inRegion));
  const municipalityName = new Map(municipalities.map((m) => [m.id, m.name]));
  return schools.map((s) => {
    const m = s.path
      .split('/')
      .map((id) => municipalityName.get(id))
      .find((n) => n !== undefined);
    return { id: s.id, name: s.name, shortName: s.shortName, code: s.code, municipality: m ?? null };
  });
}

/**
 * The key under which a confirmed name is remembered: the name and municipality as matching compares
 * them. Null when the file names no school by name.
 */
export function nameKeyOf(k: TableSchoolKey): string | null {
  const name = k.name?.trim();
  if (!name) return null;
  return `${normaliseSchoolName(name)}\u0001${normaliseMunicipality(k.municipality?.trim() ?? '')}`;
}

/** Remembers the names the user confirmed for this load (in the load's transaction). */
export async function rememberConfirmedNames(
  db: Db,
  o: {
    regionId: string;
    userId: string | null;
    /** `municipality`: the region's municipality an inflected one was resolved to (SchoolMatch). */
    confirmed: { key: TableSchoolKey; schoolId: string; municipality?: string }[];
  },
) {
  // One row per name key: two writings of a file can fall under one key («СОШ №2» and «МБОУ "СОШ № 2"», one
  // sheet naming the municipality as another resolves it; held-out set 8). The last writing is kept; a key the
  // user confirmed as two different schools is not remembered — the next file asks again.
  const byKey = new Map<string, typeof schoolNameConfirmations.$inferInsert | null>();
  for (const { key, schoolId, municipality } of o.confirmed) {
    // Under the resolved municipality: a later file writing «Родниковский район» in a column finds it.
    const nameKey = nameKeyOf(municipality ? { ...key, municipality } : key);
    if (!nameKey) continue;
    const before = byKey.get(nameKey);
    const row = {
      regionId: o.regionId,
      nameKey,
      writtenName: key.name?.trim() ?? '',
      writtenMunicipality: key.municipality?.trim() || null,
      schoolId,
      confirmedBy: o.userId,
    };
    byKey.set(nameKey, before === null || (before && before.schoolId !== schoolId) ? null : row);
  }
  // …and one remembered before is forgotten, so that it does not answer for the user either.
  const doubtful = [...byKey].flatMap(([k, r]) => (r === null ? [k] : []));
  if (doubtful.length > 0) {
    await db
      .delete(schoolNameConfirmations)
      .where(
        and(
          eq(schoolNameConfirmations.regionId, o.regionId),
          inArray(schoolNameConfirmations.nameKey, doubtful),
        ),
      );
  }
  const rows = [...byKey.values()].filter((r) => r !== null);
  if (rows.length === 0) return;
  await db
    .insert(schoolNameConfirmations)
    .values(rows)
    .onConflictDoUpdate({
      target: [schoolNameConfirmations.regionId, schoolNameConfirmations.nameKey],
      set: {
        schoolId: sql`excluded.school_id`,
        writtenName: sql`excluded.written_name`,
        writtenMunicipality: sql`excluded.written_municipality`,
        confirmedBy: sql`excluded.confirmed_by`,
        confirmedAt: sql`now()`,
      },
    });
}

/** One note for the schools matched by names confirmed before (not one line per school). */
export function rememberedNote(matches: SchoolMatch[]): TableNote[] {
  const n = matches.filter((m) => m.by === 'confirmed').length;
  return n === 0
    ? []
    : [
        {
          row: null,
          column: null,
          message: `По названиям, подтверждённым при прошлых загрузках: школ — ${n}`,
        },
      ];
}

/** The match of every distinct key of the file (in the order keys first appear). */
export async function matchSchools(
  db: Db,
  opts: { regionId: string; keys: TableSchoolKey[] },
): Promise<SchoolMatch[]> {
  const schools = await regionSchools(db, opts.regionId);
  const schoolById = new Map(schools.map((s) => [s.id, s]));
  const confirmedNames = new Map(
    (
      await db
        .select({ nameKey: schoolNameConfirmations.nameKey, schoolId: schoolNameConfirmations.schoolId })
        .from(schoolNameConfirmations)
        .where(eq(schoolNameConfirmations.regionId, opts.regionId))
    ).map((c) => [c.nameKey, c.schoolId]),
  );
  const municipalityNames = [
    ...new Set(schools.map((s) => s.municipality).filter((m): m is string => m !== null)),
  ];
  const byCode = new Map<string, RegionSchool>();
  for (const s of schools) if (s.code) byCode.set(s.code.trim(), s);
  const byName = new Map<string, RegionSchool[]>();
  for (const s of schools) {
    for (const n of new Set(
      [s.name, s.shortName].filter((x): x is string => Boolean(x)).map(normaliseSchoolName),
    )) {
      byName.set(n, [...(byName.get(n) ?? []), s]);
    }
  }
  const candidate = (s: RegionSchool): SchoolCandidate => ({
    id: s.id,
    name: s.name,
    municipality: s.municipality,
  });
  const seen = new Set<string>();
  const out: SchoolMatch[] = [];
  for (const key of opts.keys) {
    const keyId = schoolKeyId(key);
    if (seen.has(keyId)) continue;
    seen.add(keyId);
    const base = { keyId, key, note: null, candidates: [] as SchoolCandidate[] };
    const code = key.code?.trim();
    const login = key.login?.trim();
    const byKey = (code && byCode.get(code)) || (login && byCode.get(login));
    if (byKey) {
      out.push({
        ...base,
        status: 'matched',
        schoolId: byKey.id,
        by: code && byCode.has(code) ? 'code' : 'login',
      });
      continue;
    }
    // ФИС ОКО logins are «sch» + the school's code of digits (leading zeros may be lost in a spreadsheet).
    const digits = login?.match(/^sch(\d+)$/i)?.[1];
    const bySch = digits
      ? schools.find((s) => s.code && /^\d+$/.test(s.code.trim()) && Number(s.code) === Number(digits))
      : undefined;
    if (bySch && login) {
      out.push({
        ...base,
        status: 'matched',
        schoolId: bySch.id,
        by: 'login',
        note: `Логин ${login} сопоставлен со школой с кодом ${bySch.code} (логин ФИС ОКО «sch» + код)`,
      });
      continue;
    }
    const name = key.name?.trim();
    // Reports often write the code before the name in one cell («D-0012 МБОУ …», «(610023) СОШ № 1»).
    const lead = /^\(?([^\s()]*\d[^\s()]*)\)?[\s,;:–-]+(\S.*)$/u.exec(name ?? '');
    const leading = lead?.[1];
    const coded = !code && !login && leading ? byCode.get(leading) : undefined;
    // A short number before a name may be the row's number, not a code: then the rest must name that school.
    const rest = normaliseSchoolName(lead?.[2] ?? '');
    const byLeading =
      coded &&
      ((leading ?? '').length >= 4 ||
        [coded.name, coded.shortName].some((n) => n && normaliseSchoolName(n) === rest))
        ? coded
        : undefined;
    if (byLeading) {
      out.push({ ...base, status: 'matched', schoolId: byLeading.id, by: 'code' });
      continue;
    }
    if (!name) {
      out.push({ ...base, status: 'unknown', schoolId: null, by: null });
      continue;
    }
    // A municipality the region does not have by that name may be inflected («по Родниковскому
    // муниципальному району» from a title): the one municipality whose name's stems the text has
    // (municipality-text.ts).
    const municipality = key.municipality?.trim();
    const m = normaliseMunicipality(municipality ?? '');
    const same = (s: RegionSchool) => s.municipality && normaliseMunicipality(s.municipality) === m;
    const known = municipality ? schools.some(same) : false;
    const inflected = municipality && !known ? municipalityNamedBy(municipality, municipalityNames) : null;
    // A name confirmed at an earlier load, for a school still in the region: no question again — unless the
    // file names no municipality and the name now fits several schools (a namesake was added since). Kept
    // under the municipality as written, or as resolved from an inflected one (rememberConfirmedNames).
    const remembered =
      schoolById.get(confirmedNames.get(nameKeyOf(key) ?? '') ?? '') ??
      (inflected
        ? schoolById.get(confirmedNames.get(nameKeyOf({ ...key, municipality: inflected }) ?? '') ?? '')
        : undefined);
    const namesakes = byName.get(normaliseSchoolName(name ?? '')) ?? [];
    if (remembered && (municipality || namesakes.length <= 1)) {
      out.push({ ...base, status: 'matched', schoolId: remembered.id, by: 'confirmed' });
      continue;
    }
    let found = byName.get(normaliseSchoolName(name)) ?? [];
    let note: string | null = null;
    let resolvedMunicipality: string | undefined;
    if (municipality) {
      if (inflected) note = `Муниципалитет «${municipality}» — это «${inflected}»`;
      const within = found.filter((s) => (inflected ? s.municipality === inflected : same(s)));
      if (within.length === 0 && found.length > 0 && key.municipalityFromTitle) {
        // The title's district may be wrong for this sheet (a regional body's title, a school of another
        // district): the name is sought in the whole region as without a title, and confirmed as usual.
        note = `Школы, которых нет в муниципалитете из заголовка («${municipality}»), искались по всему региону`;
      } else if (within.length > 0 || inflected || known) {
        // Within the municipality when the file names one the region has; a name it does not have narrows
        // nothing.
        found = within;
        if (inflected) resolvedMunicipality = inflected;
      }
    }
    const candidates = found.map(candidate);
    if (found.length === 1) {
      out.push({
        ...base,
        note,
        candidates,
        resolvedMunicipality,
        status: 'review',
        schoolId: found[0]?.id ?? null,
        by: 'name',
      });
    } else {
      out.push({
        ...base,
        note,
        resolvedMunicipality,
        candidates,
        status: found.length > 1 ? 'ambiguous' : 'unknown',
        schoolId: null,
        by: null,
      });
    }
  }
  return out;
}

/** Only these schools of the region may be chosen for a key by name (the dialog's confirmation). */
export async function schoolsOfRegion(db: Db, regionId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, 'school'),
        like(orgUnits.path, `/${regionId}/%`),
        // One array parameter, not one per id: the list comes from the user.
        sql`${orgUnits.id} = any(${sql.param([...new Set(ids)])}::uuid[])`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * Rows skipped as totals that name a school of the region after all («Итоговая школа», a code of a
 * school): skipping them would lose a school's results silently, so each is an error with its row.
 */
export async function skippedSchoolErrors(db: Db, regionId: string, notes: readonly TableNote[]) {
  const skipped = notes.filter((n): n is TableNote & { skipped: TableSchoolKey } => n.skipped !== undefined);
  if (skipped.length === 0) return [];
  const matches = await matchSchools(db, { regionId, keys: skipped.map((n) => n.skipped) });
  const known = new Map(matches.filter((m) => m.status !== 'unknown').map((m) => [m.keyId, m]));
  return skipped.flatMap((n) => {
    const m = known.get(schoolKeyId(n.skipped));
    if (!m) return [];
    const school = m.candidates[0]?.name ?? schoolKeyText(n.skipped);
    return [
      {
        row: n.row,
        column: null,
        message: `Строка похожа на итоговую, но называет школу региона «${school}»: укажите в ней код или логин школы, чтобы загрузить её результаты, или удалите строку`,
      },
    ];
  });
}
