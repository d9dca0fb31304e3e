import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCurator, approvedList, assign } from '../../../tests/helpers/coverage-fixture.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import {
  confirmations,
  draftList,
  measures,
  results,
  riskChange,
  runFlags,
  runOfList,
} from '../../../tests/helpers/indicators-fixture.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { computeIndicator } from './compute-indicator.js';
import { getIndicatorData } from './indicator-data.js';
import { getIndicatorsOverview } from './indicators-overview.js';
import { createIndicatorDefinition } from './save-definition.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

// R: M1 (S1, S2), M2 (S3). Every expected figure below is counted by hand from the rows of beforeAll.
describe.each(DB_KINDS)('indicator blocks on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const db = () => database.db;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const d = db();
    await approvedList(d, f.R.id, 2025, 'shnor', [f.S1.id, f.S2.id, f.S3.id]);
    const l26 = await approvedList(d, f.R.id, 2026, 'shnor', [f.S1.id]);
    await runFlags(d, await runOfList(d, l26), { [f.S1.id]: { shnor: true, stagnation: true } });
    // The draft of 2027: its run flags S1 and S3; the operator adds S2 and takes S3 out.
    await draftList(d, f.R.id, 2027, [f.S1.id, f.S3.id], { include: [f.S2.id], exclude: [f.S3.id] });
    await results(d, [
      [f.S1.id, 2026, 'ВПР', 'математика', 4, 20, 5],
      [f.S2.id, 2026, 'ВПР', 'русский язык', 5, 10, 1],
      [f.S3.id, 2026, 'ВПР', 'математика', 4, 30, 3],
      [f.S1.id, 2026, 'ОГЭ', 'математика', 9, 10, 9], // another procedure
      [f.S1.id, 2025, 'ВПР', 'математика', 4, 20, 20], // another year
    ]);
    await confirmations(d, [
      [f.S1.id, 2026, 'математика', 4, 20, 2, 15, 3],
      [f.S3.id, 2026, 'математика', 4, 10, 0, 5, 5],
    ]);
    await measures(d, f.S1.id, 2026, [
      ['done', '2026-10-01', '2026-09-30'], // on time
      ['done', '2026-10-01', '2026-10-05'], // late
      ['planned', '2026-10-01', null], // not done
      ['planned', '2999-01-01', null], // not due yet: not counted
      ['cancelled', '2026-10-01', null], // cancelled: not counted
      ['done', '2026-10-01', null], // done, no record of when: not on time
    ]);
    await measures(d, f.M2.id, 2026, [['done', '2026-10-01', '2026-09-01']]);
    await assign(d, await addCurator(d, f, 'curator'), f.S1.id, 2026);
    await riskChange(d, f.R.id, 2026, {
      [f.S1.id]: { '1': ['high', 'medium'], '2': ['high', 'high'], '3': ['low', 'high'] },
      [f.S3.id]: { '1': ['high', 'none'] },
    });
  });
  afterAll(async () => database?.close());

  /** [numerator, denominator] of the unit and of each child, by unit id. */
  async function figures(code: string, unitId: string, year = 2026, login = 'region') {
    const r = await computeIndicator(db(), { actor: f.as(login), code, unitId, year });
    const out: Record<string, [number, number, number | null]> = {};
    for (const u of [r.unit, ...r.children])
      out[u.unit.id] = [u.figure.numerator, u.figure.denominator, u.figure.value];
    return { out, r };
  }

  it('leaving the list: the list of the year before against the list of the year (approved, else the draft)', async () => {
    const { out, r } = await figures('shnor_exit', f.R.id);
    expect(out[f.R.id]).toEqual([2, 3, 2 / 3]);
    expect(out[f.M1.id]).toEqual([1, 2, 0.5]);
    expect(out[f.M2.id]).toEqual([1, 1, 1]);
    expect(r.source.data).toContain('утверждён');
    const draft = await figures('shnor_exit', f.R.id, 2027);
    expect(draft.out[f.R.id]).toEqual([0, 1, 0]);
    expect(draft.r.source.data).toContain('черновик');
    const none = await figures('shnor_exit', f.R.id, 2028);
    expect(none.out[f.R.id]?.[2]).toBeNull();
  });

  it('stagnation: the run of the list marks it; a draft list counts its decisions', async () => {
    expect((await figures('shnor_stagnation', f.R.id)).out[f.R.id]).toEqual([1, 1, 1]);
    expect((await figures('shnor_stagnation', f.R.id, 2027)).out[f.R.id]).toEqual([0, 2, 0]);
  });

  it('share of «2» in ВПР and a region-own indicator of one subject and grade', async () => {
    const { out } = await figures('vpr_mark2', f.R.id);
    expect(out[f.R.id]).toEqual([9, 60, 0.15]);
    expect(out[f.M1.id]).toEqual([6, 30, 0.2]);
    await createIndicatorDefinition(db(), {
      actor: f.as('region'),
      input: {
        regionId: f.R.id,
        code: 'math4',
        title: 'Доля «2», математика 4',
        block: 'mark2_share',
        params: { assessment: 'ВПР', subject: 'математика', grade: 4 },
        direction: 'lower_better',
        definition: 'Доля «2» в ВПР по математике, 4 класс',
      },
    });
    expect((await figures('math4', f.R.id)).out[f.R.id]).toEqual([8, 50, 0.16]);
    const data = await getIndicatorData(db(), {
      actor: f.as('region'),
      code: 'math4',
      schoolId: f.S1.id,
      year: 2026,
    });
    expect(data.table.rows).toEqual([['математика', '4', '20', '5', '15', '25 %']]);
  });

  it('ВПР marks confirmed by term marks', async () => {
    expect((await figures('vpr_confirmed', f.R.id)).out[f.R.id]).toEqual([20, 30, 2 / 3]);
  });

  it('roadmap execution on time: done by the deadline by the history, of measures whose deadline passed', async () => {
    const { out } = await figures('roadmap_on_time', f.R.id);
    expect(out[f.R.id]).toEqual([2, 5, 0.4]);
    expect(out[f.M1.id]).toEqual([1, 4, 0.25]);
    const data = await getIndicatorData(db(), {
      actor: f.as('region'),
      code: 'roadmap_on_time',
      schoolId: f.S1.id,
      year: 2026,
    });
    expect(data.table.rows.map((r) => r.at(-1))).toEqual(['да', 'нет', 'нет', 'нет']);
  });

  it('coverage: the ШНОР list in force, one rule with «Охват и пробелы»', async () => {
    const { out } = await figures('coverage_curator', f.R.id);
    expect(out[f.R.id]).toEqual([1, 1, 1]);
    expect(out[f.M2.id]?.[2]).toBeNull();
  });

  it('high risks reduced between the baseline and the follow-up', async () => {
    const { out } = await figures('high_risks_reduced', f.R.id);
    expect(out[f.R.id]).toEqual([2, 3, 2 / 3]);
    expect(out[f.M1.id]).toEqual([1, 2, 0.5]);
  });

  it('a municipality sees its own schools only; the region and another municipality do not exist for him', async () => {
    const { r } = await figures('vpr_mark2', f.M1.id, 2026, 'mun1');
    expect(r.children.map((c) => c.unit.id).sort()).toEqual([f.S1.id, f.S2.id].sort());
    expect(r.parent).toBeNull();
    expect(await code(figures('vpr_mark2', f.R.id, 2026, 'mun1'))).toBe('NOT_FOUND');
    expect(await code(figures('vpr_mark2', f.M2.id, 2026, 'mun1'))).toBe('NOT_FOUND');
    expect(
      await code(
        getIndicatorData(db(), { actor: f.as('mun1'), code: 'vpr_mark2', schoolId: f.S3.id, year: 2026 }),
      ),
    ).toBe('NOT_FOUND');
    const school = await getIndicatorsOverview(db(), { actor: f.as('school1'), year: 2026 });
    expect(school.unit.id).toBe(f.S1.id);
    const own = await getIndicatorsOverview(db(), { actor: f.as('mun1'), year: 2026 });
    expect(own.unit.id).toBe(f.M1.id);
    expect(own.rows.find((x) => x.indicator.code === 'vpr_mark2')?.figure.numerator).toBe(6);
  });
});
