import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import type { UnitRollUpPage } from '../src/modules/dashboard/get-unit-roll-up.js';
import type {
  IndicatorDataView,
  IndicatorResultView,
  IndicatorsOverviewView,
  IndicatorView,
  TargetView,
} from '../src/modules/indicators/views.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';
import { measures, results } from './helpers/indicators-fixture.js';

// Indicators, targets and the roll-up drill-down through HTTP (every answer checked against its route's
// schema by testApp): the region goes down to a school's data, adds an indicator and a target, and the
// colour of the figure follows; bad input gets a Russian 400.

describe.each(DB_KINDS)('indicators API on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let t: ReturnType<typeof testApp>;
  const cookie = {} as Record<string, string>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    t = testApp(database);
    await results(database.db, [
      [f.S1.id, 2026, 'ВПР', 'математика', 4, 20, 5],
      [f.S3.id, 2026, 'ВПР', 'математика', 4, 30, 3],
    ]);
    await measures(database.db, f.S1.id, 2026, [['done', '2026-10-01', '2026-09-30']]);
    for (const login of ['region', 'mun1', 'school1']) cookie[login] = await t.login(login, 'password-123');
  });
  afterAll(() => database.close());

  const call = async <T = unknown>(method: string, login: string, url: string, body?: unknown) => {
    const res = await t.call(method, url, { cookie: cookie[login], body });
    return { status: res.status, json: (await res.json()) as T };
  };

  it('drills down region → municipality → school → data, and colours by the target set', async () => {
    const o = await call<IndicatorsOverviewView>('GET', 'region', '/api/indicators?year=2026');
    expect(o.status).toBe(200);
    expect(o.json.unit.id).toBe(f.R.id);
    expect(o.json.canKeep).toBe(true);
    expect(o.json.rows.find((r) => r.indicator.code === 'vpr_mark2')?.figure).toMatchObject({
      numerator: 8,
      denominator: 50,
      band: 'none',
    });
    const region = await call<IndicatorResultView>(
      'GET',
      'region',
      `/api/indicators/vpr_mark2?unitId=${f.R.id}&year=2026`,
    );
    expect(region.json.children.map((c) => c.unit.kind)).toEqual(['municipality', 'municipality']);
    const mun = await call<IndicatorResultView>(
      'GET',
      'region',
      `/api/indicators/vpr_mark2?unitId=${f.M1.id}&year=2026`,
    );
    expect(mun.json.parent?.id).toBe(f.R.id);
    expect(mun.json.children.map((c) => c.unit.id).sort()).toEqual([f.S1.id, f.S2.id].sort());
    const data = await call<IndicatorDataView>(
      'GET',
      'region',
      `/api/indicators/vpr_mark2/data?schoolId=${f.S1.id}&year=2026`,
    );
    expect(data.json.table.rows).toHaveLength(1);
    expect(data.json.source.rule).toContain('Числитель');

    const target = await call<TargetView>('POST', 'region', '/api/indicator-targets', {
      regionId: f.R.id,
      indicatorCode: 'vpr_mark2',
      level: 'region',
      year: 2026,
      target: 0.1,
      warn: 0.2,
    });
    expect(target.status).toBe(200);
    const after = await call<IndicatorResultView>(
      'GET',
      'region',
      `/api/indicators/vpr_mark2?unitId=${f.R.id}&year=2026`,
    );
    expect(after.json.unit.figure.band).toBe('yellow'); // 16 %: worse than 10 %, not worse than 20 %
    const changed = await call<TargetView>('PATCH', 'region', `/api/indicator-targets/${target.json.id}`, {
      version: 1,
      target: 0.2,
      warn: 0.3,
    });
    expect(changed.json.version).toBe(2);
    const green = await call<IndicatorResultView>(
      'GET',
      'region',
      `/api/indicators/vpr_mark2?unitId=${f.R.id}&year=2026`,
    );
    expect(green.json.unit.figure.band).toBe('green');
    const stale = await call('DELETE', 'region', `/api/indicator-targets/${target.json.id}?version=1`);
    expect(stale.status).toBe(409);
  });

  it('adds an own indicator; bad input is a Russian 400; others may not', async () => {
    const body = {
      regionId: f.R.id,
      code: 'math4',
      title: 'Доля «2», математика 4',
      block: 'mark2_share',
      params: { assessment: 'ВПР', subject: 'математика', grade: 4 },
      direction: 'lower_better',
      definition: 'Доля «2» в ВПР по математике, 4 класс',
    };
    const bad = await call<{ error: { message: string } }>('POST', 'region', '/api/indicator-definitions', {
      ...body,
      params: { grade: 'четвёртый' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/[а-я]/);
    expect((await call('POST', 'mun1', '/api/indicator-definitions', body)).status).toBe(403);
    const created = await call<IndicatorView>('POST', 'region', '/api/indicator-definitions', body);
    expect(created.status).toBe(200);
    const own = await call<IndicatorResultView>(
      'GET',
      'region',
      `/api/indicators/math4?unitId=${f.R.id}&year=2026`,
    );
    expect(own.json.unit.figure).toMatchObject({ numerator: 8, denominator: 50 });
    const off = await call<IndicatorView>(
      'PATCH',
      'region',
      `/api/indicator-definitions/${created.json.own?.id}`,
      {
        version: 1,
        active: false,
      },
    );
    expect(off.json.own?.active).toBe(false);
  });

  it('the roll-up of a unit below: a municipality by school, a school its roadmaps; nothing outside', async () => {
    const mun = await call<UnitRollUpPage>('GET', 'mun1', `/api/roll-up/${f.M1.id}`);
    expect(mun.json.level).toBe('school');
    expect(mun.json.units.map((u) => u.unit.id).sort()).toEqual([f.S1.id, f.S2.id].sort());
    expect(mun.json.parent).toBeNull();
    const school = await call<UnitRollUpPage>('GET', 'mun1', `/api/roll-up/${f.S1.id}`);
    expect(school.json.level).toBeNull();
    expect(school.json.roadmaps).toHaveLength(1);
    expect(school.json.parent?.id).toBe(f.M1.id);
    expect((await call('GET', 'mun1', `/api/roll-up/${f.M2.id}`)).status).toBe(404);
    expect((await call('GET', 'school1', `/api/roll-up/${f.M1.id}`)).status).toBe(404);
  });
});
