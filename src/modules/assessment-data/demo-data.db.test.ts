import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database, Db } from '../../db/client.js';
import { assessmentResults, dataImports } from '../../db/schema/assessment.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { roadmaps, roadmapTargets } from '../../db/schema/roadmaps.js';
import { identifyYear } from '../identification/identify.js';
import { loadPackageFromDb } from '../identification/load-package-from-db.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { DEMO_DATA_FILE_NAME, demoDataYears, loadDemoAssessmentData, targetPattern } from './demo-data.js';

describe('demo data years', () => {
  it('ends with the current calendar year from July, with the previous one before', () => {
    expect(demoDataYears(new Date(2026, 9, 1))).toEqual([2023, 2024, 2025, 2026]);
    expect(demoDataYears(new Date(2027, 2, 1))).toEqual([2023, 2024, 2025, 2026]);
    expect(demoDataYears(new Date(2027, 6, 1))).toEqual([2024, 2025, 2026, 2027]);
  });
  it('scripts most targets to stay, some to leave and one or two to come back', () => {
    const patterns = Array.from({ length: 30 }, (_, i) => targetPattern(i, 30));
    const n = (p: string) => patterns.filter((x) => x === p).length;
    expect(n('repeat')).toBe(2);
    expect(n('stay')).toBeGreaterThan(15);
    expect(n('exit') + n('exitEarlier')).toBeGreaterThan(4);
  });
});

describe.each(DB_KINDS)('demo assessment data (%s)', (kind) => {
  let database: Database;
  let db: Db;
  let regionId = '';
  const schools: string[] = [];
  const targets: string[] = [];
  const years = [2022, 2023, 2024, 2025];

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    const unit = (parentId: string | null, kind: 'region' | 'municipality' | 'school', name: string) =>
      createOrgUnit(db, { actor: TEST_SYSTEM, audit: false, isDemo: true, input: { parentId, kind, name } });
    const R = await unit(null, 'region', 'Демо-область');
    regionId = R.id;
    const munis = [
      await unit(R.id, 'municipality', 'Первый район'),
      await unit(R.id, 'municipality', 'Второй район'),
    ];
    for (let i = 0; i < 24; i++) {
      const m = munis[i % 2];
      if (!m) throw new Error('no municipality');
      // Names not in creation order: codes follow names.
      const s = await unit(m.id, 'school', `Школа ${String.fromCharCode(0x410 + ((i * 7) % 24))}`);
      schools.push(s.id);
    }
    // A school that is not demo gets no code.
    await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: munis[0]?.id ?? null, kind: 'school', name: 'Настоящая школа' },
    });
    const [roadmap] = await db
      .insert(roadmaps)
      .values({
        orgUnitId: R.id,
        title: 'Дорожная карта ШНОР',
        kind: 'shnor_support',
        periodKind: 'calendar_year',
        periodYear: 2025,
        status: 'approved',
        isDemo: true,
      })
      .returning();
    targets.push(...schools.slice(0, 10));
    await db
      .insert(roadmapTargets)
      .values(targets.map((orgUnitId) => ({ roadmapId: roadmap?.id ?? '', orgUnitId })));
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives every demo school a code and loads data of all of them for every year', async () => {
    const r = await loadDemoAssessmentData(db, { regionId, years, seed: 7 });
    expect(r).toMatchObject({ schools: 24, targets: 10, import: { ok: true, years, schools: 24 } });

    const coded = await db
      .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code })
      .from(orgUnits)
      .where(and(eq(orgUnits.kind, 'school'), like(orgUnits.path, `/${regionId}/%`)))
      .orderBy(orgUnits.name);
    const demo = coded.filter((s) => s.name !== 'Настоящая школа');
    expect(demo.map((s) => s.code)).toEqual(demo.map((_, i) => `D-${String(i + 1).padStart(4, '0')}`));
    expect(coded.find((s) => s.name === 'Настоящая школа')?.code).toBeNull();

    for (const year of years) {
      const rows = await db
        .selectDistinct({ school: assessmentResults.schoolId })
        .from(assessmentResults)
        .where(eq(assessmentResults.year, year));
      expect(rows.length).toBe(24);
    }
    const [imp] = await db.select().from(dataImports);
    expect(imp).toMatchObject({ fileName: DEMO_DATA_FILE_NAME, years, schools: 24 });

    // The targets come out as ШНОР with every kind of history (the default methodology, from the database).
    const { pkg, codeByOrgUnitId } = await loadPackageFromDb(db, { regionId, years });
    const last = identifyYear(pkg, 2025);
    const flagsOf = (id: string) => last.schools.find((s) => s.schoolId === codeByOrgUnitId.get(id))?.flags;
    const targetFlags = targets.map(flagsOf);
    const n = (f: 'shnor' | 'stagnation' | 'repeat' | 'exit') => targetFlags.filter((x) => x?.[f]).length;
    expect(n('shnor')).toBeGreaterThanOrEqual(6);
    expect(n('stagnation')).toBeGreaterThanOrEqual(4);
    expect(n('repeat')).toBeGreaterThanOrEqual(1);
    expect(n('exit')).toBeGreaterThanOrEqual(1);
    const previous = identifyYear(pkg, 2024);
    expect(previous.schools.filter((s) => s.flags.exit).length).toBeGreaterThanOrEqual(1);
  });

  it('a second run gives the same codes and replaces the data', async () => {
    const before = await db.select({ n: count() }).from(assessmentResults);
    const r = await loadDemoAssessmentData(db, { regionId, years, seed: 7 });
    expect(r.import.replaced.map((y) => y.year)).toEqual(years);
    const after = await db.select({ n: count() }).from(assessmentResults);
    expect(after).toEqual(before);
  });
});
