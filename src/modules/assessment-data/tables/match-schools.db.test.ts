import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../../tests/helpers/db.js';
import { buildRegion } from '../../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../../tests/helpers/system.js';
import type { Database, Db } from '../../../db/client.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { createOrgUnit } from '../../orgs/org-units.js';
import { matchSchools, normaliseMunicipality, normaliseSchoolName } from './match-schools.js';

const key = (
  k: Partial<{
    code: string;
    login: string;
    name: string;
    municipality: string;
    municipalityFromTitle: true;
  }>,
) => ({
  code: k.code ?? null,
  login: k.login ?? null,
  name: k.name ?? null,
  municipality: k.municipality ?? null,
  ...(k.municipalityFromTitle ? { municipalityFromTitle: true } : {}),
});

describe('school names and municipalities are compared without their dress', () => {
  it('ignores case, ё, quotes, №/N, the legal form and the long name of the kind', () => {
    const same = [
      'МБОУ «СОШ № 5»',
      'сош №5',
      'МОУ "СОШ N 5"',
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №5»',
    ];
    expect(new Set(same.map(normaliseSchoolName))).toEqual(new Set(['сош №5']));
    expect(normaliseSchoolName('Гимназия № 5')).not.toBe(normaliseSchoolName('СОШ № 5'));
    expect(normaliseSchoolName('Школа «Ёлочка»')).toBe('школа елочка');
  });
  it('reduces a municipality to its proper name', () => {
    expect(normaliseMunicipality('Первый муниципальный район')).toBe('первый');
    expect(normaliseMunicipality('г. Первый')).toBe('первый');
    expect(normaliseMunicipality('Второй городской округ')).toBe('второй');
  });
});

describe.each(DB_KINDS)('matching a table’s schools to the region (%s)', (kind) => {
  let database: Database;
  let db: Db;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let twin: string;
  let foreign: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    f = await buildRegion(db);
    await db.update(orgUnits).set({ code: '000123', name: 'МБОУ «СОШ № 1»' }).where(eq(orgUnits.id, f.S1.id));
    await db.update(orgUnits).set({ code: 'C2', name: 'Гимназия № 2' }).where(eq(orgUnits.id, f.S2.id));
    await db.update(orgUnits).set({ name: 'СОШ № 1' }).where(eq(orgUnits.id, f.S3.id));
    // A namesake in the first municipality: «СОШ № 1» of M1 is then ambiguous, of M2 still one school.
    const t = await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: f.M1.id, kind: 'school', name: 'МКОУ СОШ №1' },
    });
    twin = t.id;
    // Another region's school with a code: never matched.
    const R2 = await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Другая область' },
    });
    const M3 = await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: R2.id, kind: 'municipality', name: 'Первый район' },
    });
    const other = await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: M3.id, kind: 'school', name: 'Гимназия № 9' },
    });
    await db.update(orgUnits).set({ code: 'X9' }).where(eq(orgUnits.id, other.id));
    foreign = other.id;
  });
  afterAll(async () => {
    await database.close();
  });

  it('matches by code, by a login equal to a code and by the «sch» login of a numeric code', async () => {
    const m = await matchSchools(db, {
      regionId: f.R.id,
      keys: [key({ code: ' C2 ' }), key({ login: 'C2', name: 'что угодно' }), key({ login: 'sch123' })],
    });
    expect(m.map((x) => [x.status, x.schoolId, x.by])).toEqual([
      ['matched', f.S2.id, 'code'],
      ['matched', f.S2.id, 'login'],
      ['matched', f.S1.id, 'login'],
    ]);
    expect(m[2]?.note).toContain('sch123');
    expect(m[0]?.note).toBeNull();
  });

  it('takes a code written before the name in one cell («C2 Гимназия № 2», «(000123) СОШ № 1»)', async () => {
    const m = await matchSchools(db, {
      regionId: f.R.id,
      keys: [
        key({ name: 'C2 Гимназия № 2' }),
        key({ name: '(000123) СОШ № 1' }),
        key({ name: 'X9 Гимназия № 9' }),
        // A short number before another school's name is a row number, not the code «C2».
        key({ name: 'C2 Лицей № 8' }),
      ],
    });
    expect(m.map((x) => [x.status, x.schoolId, x.by])).toEqual([
      ['matched', f.S2.id, 'code'],
      ['matched', f.S1.id, 'code'],
      ['unknown', null, null],
      ['unknown', null, null],
    ]);
  });

  it('proposes a school by name within the municipality; the same name twice is ambiguous', async () => {
    const m = await matchSchools(db, {
      regionId: f.R.id,
      keys: [
        key({ name: 'СОШ №1', municipality: 'Второй муниципальный район' }),
        key({ name: 'средняя общеобразовательная школа N1', municipality: 'Первый район' }),
        key({ name: 'Гимназия 2', municipality: 'Первый район' }),
        key({ name: 'гимназия № 2' }),
      ],
    });
    expect(m[0]).toMatchObject({ status: 'review', schoolId: f.S3.id, by: 'name' });
    expect(m[0]?.candidates).toEqual([{ id: f.S3.id, name: 'СОШ № 1', municipality: 'Второй район' }]);
    expect(m[1]?.status).toBe('ambiguous');
    expect(m[1]?.candidates.map((c) => c.id).sort()).toEqual([f.S1.id, twin].sort());
    expect(m[2]).toMatchObject({ status: 'unknown', schoolId: null });
    expect(m[3]).toMatchObject({ status: 'review', schoolId: f.S2.id });
  });

  it('an inflected municipality (a title’s «по Второму муниципальному району») scopes the name', async () => {
    const m = await matchSchools(db, {
      regionId: f.R.id,
      keys: [
        key({ name: 'СОШ №1', municipality: 'Второму муниципальному району' }),
        key({ name: 'СОШ №1', municipality: 'Первого района' }),
        key({ name: 'СОШ №1', municipality: 'Третьему району' }),
      ],
    });
    expect(m[0]).toMatchObject({ status: 'review', schoolId: f.S3.id, by: 'name' });
    expect(m[0]?.note).toBe('Муниципалитет «Второму муниципальному району» — это «Второй район»');
    expect(m[1]?.status).toBe('ambiguous');
    expect(m[1]?.candidates.map((c) => c.id).sort()).toEqual([f.S1.id, twin].sort());
    // A municipality the region does not have narrows nothing: all three namesakes.
    expect(m[2]?.candidates).toHaveLength(3);
    expect(m[2]?.note).toBeNull();
  });

  it('a name not in the title’s municipality is sought in the whole region; a column’s still narrows', async () => {
    const title = (municipality: string) => ({ municipality, municipalityFromTitle: true }) as const;
    const m = await matchSchools(db, {
      regionId: f.R.id,
      keys: [
        // «Гимназия № 2» is of the first district.
        key({ name: 'Гимназия № 2', ...title('Второму муниципальному району') }),
        key({ name: 'СОШ № 1', ...title('Первому муниципальному району') }),
      ],
    });
    const [column] = await matchSchools(db, {
      regionId: f.R.id,
      keys: [key({ name: 'Гимназия № 2', municipality: 'Второму муниципальному району' })],
    });
    expect(m[0]).toMatchObject({ status: 'review', schoolId: f.S2.id, by: 'name' });
    expect(m[0]?.resolvedMunicipality).toBeUndefined();
    expect(m[0]?.note).toBe(
      'Школы, которых нет в муниципалитете из заголовка («Второму муниципальному району»), искались по всему региону',
    );
    expect(column).toMatchObject({ status: 'unknown', schoolId: null });
    // Found within the title's district: only its namesakes, remembered under its name.
    expect(m[1]?.status).toBe('ambiguous');
    expect(m[1]?.candidates.map((c) => c.id).sort()).toEqual([f.S1.id, twin].sort());
    expect(m[1]?.resolvedMunicipality).toBe('Первый район');
  });

  it('never matches another region’s school and reports each distinct key once', async () => {
    const m = await matchSchools(db, {
      regionId: f.R.id,
      keys: [key({ code: 'X9' }), key({ name: 'Гимназия № 9' }), key({ code: 'X9' })],
    });
    expect(m).toHaveLength(2);
    expect(m.map((x) => x.status)).toEqual(['unknown', 'unknown']);
    expect(m.some((x) => x.schoolId === foreign)).toBe(false);
  });
});
