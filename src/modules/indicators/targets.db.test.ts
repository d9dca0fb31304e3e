import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { results } from '../../../tests/helpers/indicators-fixture.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { computeIndicator } from './compute-indicator.js';
import { getIndicatorsOverview } from './indicators-overview.js';
import type { DefinitionInput, TargetInput } from './inputs.js';
import { createIndicatorDefinition, updateIndicatorDefinition } from './save-definition.js';
import { createTarget, deleteTarget, updateTarget } from './save-target.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return `${e.code}`;
    throw e;
  }
};

// Targets and their bands; a region's own indicators and their validation (issue 13 §1).
describe.each(DB_KINDS)('targets and own indicators on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const db = () => database.db;
  const target = (login: string, input: Partial<TargetInput>) =>
    createTarget(db(), {
      actor: f.as(login),
      input: {
        regionId: f.R.id,
        indicatorCode: 'vpr_mark2',
        level: 'school',
        year: 2026,
        target: 0.1,
        warn: 0.2,
        ...input,
      },
    });
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    // «2»: S1 5 of 20 (25 %), S2 1 of 10 (10 %), S3 3 of 30 (10 %).
    await results(db(), [
      [f.S1.id, 2026, 'ВПР', 'математика', 4, 20, 5],
      [f.S2.id, 2026, 'ВПР', 'математика', 4, 10, 1],
      [f.S3.id, 2026, 'ВПР', 'математика', 4, 30, 3],
    ]);
  });
  afterAll(async () => database?.close());

  it('colours every unit by the target that applies: its own first, else its level', async () => {
    await target('region', { level: 'municipality', target: 0.1, warn: 0.25 });
    await target('region', { level: 'school', target: 0.1, warn: 0.2 });
    await target('region', { level: 'school', orgUnitId: f.S1.id, target: 0.2, warn: 0.3 });
    const r = await computeIndicator(db(), {
      actor: f.as('region'),
      code: 'vpr_mark2',
      unitId: f.M1.id,
      year: 2026,
    });
    const band = (id: string) => r.children.find((c) => c.unit.id === id)?.figure.band;
    expect(r.unit.figure.band).toBe('yellow'); // 6 of 30 = 20 %: above 10 %, not above 25 %
    expect(band(f.S1.id)).toBe('yellow'); // 25 % against its own 20 / 30
    expect(band(f.S2.id)).toBe('green'); // 10 % against the schools' 10 / 20
    const region = await computeIndicator(db(), {
      actor: f.as('region'),
      code: 'vpr_mark2',
      unitId: f.R.id,
      year: 2026,
    });
    expect(region.unit.figure.band).toBe('none');
    expect(region.targets).toHaveLength(3);
    // Another municipality's coordinator reads the level-wide targets, not the one that names S1.
    const other = await computeIndicator(db(), {
      actor: f.as('mun2'),
      code: 'vpr_mark2',
      unitId: f.M2.id,
      year: 2026,
    });
    expect(other.targets.map((t) => t.orgUnitId)).toEqual([null, null]);
  });

  it('who sets which target: the region any, a coordinator one school of his own', async () => {
    expect(await code(target('mun1', { orgUnitId: f.S2.id }))).toBe('OK');
    expect(await code(target('mun1', { orgUnitId: f.S3.id }))).toBe('FORBIDDEN');
    expect(await code(target('mun1', { level: 'municipality', orgUnitId: f.M1.id }))).toBe('FORBIDDEN');
    expect(await code(target('mun1', { level: 'school', year: 2027 }))).toBe('FORBIDDEN');
    expect(await code(target('school1', { orgUnitId: f.S1.id, year: 2027 }))).toBe('FORBIDDEN');
    expect(await code(target('region', { orgUnitId: f.M1.id, year: 2027 }))).toBe('INVALID_INPUT');
  });

  it('refuses a second target of the same place, bands the wrong way round and shares above 100 %', async () => {
    expect(await code(target('region', { level: 'school' }))).toBe('INVALID_INPUT');
    expect(await code(target('region', { year: 2030, target: 0.2, warn: 0.1 }))).toBe('INVALID_INPUT');
    expect(await code(target('region', { year: 2030, target: 1.5, warn: 2 }))).toBe('INVALID_INPUT');
    expect(await code(target('region', { indicatorCode: 'nope', year: 2030 }))).toBe('NOT_FOUND');
  });

  it('keeps one target of a place when two saves race: the database refuses the second', async () => {
    const both = await Promise.allSettled([
      target('region', { level: 'region', year: 2031 }),
      target('region', { level: 'region', year: 2031 }),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rows = await db().execute(
      sql`select count(*)::int as n from indicator_targets where year = 2031 and level = 'region'`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });

  it('changes and deletes with the version: a stale one is a conflict', async () => {
    const t = await target('region', { year: 2031 });
    const changed = await updateTarget(db(), {
      actor: f.as('region'),
      id: t.id,
      patch: { version: 1, target: 0.05, warn: 0.2 },
    });
    expect(changed.version).toBe(2);
    expect(
      await code(
        updateTarget(db(), {
          actor: f.as('region'),
          id: t.id,
          patch: { version: 1, target: 0.05, warn: 0.2 },
        }),
      ),
    ).toBe('CONFLICT');
    expect(await code(deleteTarget(db(), { actor: f.as('mun1'), id: t.id, version: 2 }))).toBe('FORBIDDEN');
    expect(await code(deleteTarget(db(), { actor: f.as('region'), id: t.id, version: 1 }))).toBe('CONFLICT');
    expect(await code(deleteTarget(db(), { actor: f.as('region'), id: t.id, version: 2 }))).toBe('OK');
  });

  const own = (login: string, input: Partial<DefinitionInput>) =>
    createIndicatorDefinition(db(), {
      actor: f.as(login),
      input: {
        regionId: f.R.id,
        code: 'own_one',
        title: 'Свой показатель',
        block: 'mark2_share',
        params: { assessment: 'ВПР', subject: 'математика' },
        direction: 'lower_better',
        definition: 'Доля «2» по математике во всех классах',
        ...input,
      },
    });

  it('validates an own indicator in Russian: code, block, parameters, catalogue codes, who', async () => {
    const messageOf = async (p: Promise<unknown>) =>
      p.then(
        () => 'OK',
        (e: AppError) => e.message,
      );
    expect(await messageOf(own('region', { code: 'Плохой' }))).toContain('латинские');
    expect(await messageOf(own('region', { code: 'vpr_mark2' }))).toContain('каталог');
    expect(await messageOf(own('region', { block: 'nothing' }))).toContain('основы');
    expect(await messageOf(own('region', { params: { assessment: 'ВПР', grade: 12 } }))).toContain(
      'от 1 до 11',
    );
    expect(await messageOf(own('region', { block: 'coverage', params: { metric: 'nope' } }))).toContain(
      'охват',
    );
    expect(await code(own('mun1', {}))).toBe('FORBIDDEN');
    expect(await code(own('region', {}))).toBe('OK');
    expect(await code(own('region', {}))).toBe('INVALID_INPUT');
  });

  it('a deactivated own indicator is hidden from the others and stays for the operator', async () => {
    const overview = await getIndicatorsOverview(db(), { actor: f.as('region'), year: 2026 });
    const def = overview.rows.find((r) => r.indicator.code === 'own_one')?.indicator;
    expect(def?.own?.active).toBe(true);
    const patch = { version: def?.own?.version ?? 0, active: false };
    await updateIndicatorDefinition(db(), { actor: f.as('region'), id: def?.own?.id ?? '', patch });
    expect(
      await code(updateIndicatorDefinition(db(), { actor: f.as('region'), id: def?.own?.id ?? '', patch })),
    ).toBe('CONFLICT');
    const mun = await getIndicatorsOverview(db(), { actor: f.as('mun1'), year: 2026 });
    expect(mun.rows.some((r) => r.indicator.code === 'own_one')).toBe(false);
    const again = await getIndicatorsOverview(db(), { actor: f.as('region'), year: 2026 });
    const off = again.rows.find((r) => r.indicator.code === 'own_one');
    expect(off?.indicator.own?.active).toBe(false);
    // Switching off changes nothing else: the parameters and the figure stay (a patch once wiped them).
    expect(off?.indicator.params).toEqual(def?.params);
    expect(off?.figure).toEqual(overview.rows.find((r) => r.indicator.code === 'own_one')?.figure);
  });
});
