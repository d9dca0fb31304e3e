import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { drainJobs } from '../src/jobs/runner.js';
import { estimateList } from '../src/modules/analysis/get-effect.js';
import { allMembers, shnorLists } from '../src/modules/analysis/list-members.js';
import { regionData } from '../src/modules/analysis/region-data.js';
import { effectBlocks, positiveChangeBlocks, schoolFacts } from '../src/modules/analysis/report-sections.js';
import { ANALYSIS_COUNTED, MIN_MUNICIPALITY_TREATED } from '../src/modules/analysis/strings.js';
import type { EffectView, PositiveChangeView } from '../src/modules/analysis/views.js';
import type { DataPackage } from '../src/modules/assessment-data/types.js';
import { loadActor } from '../src/modules/auth/load-actor.js';
import { DEMO_SUPPORT_EFFECT } from '../src/modules/demo/demo-identification.js';
import { rByYear, scopeUnit } from '../src/modules/reports/report-data.js';
import { pct } from '../src/modules/reports/report-labels.js';
import { reportBlockSchema } from '../src/modules/reports/report-model.js';
import { testApp } from './helpers/api.js';
import { opora } from './helpers/cli.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// «Позитивные изменения» and «Эффект поддержки» on the demo: the effect equals `opora evaluate-effect` on
// the same data written as a package (one estimator, no second path), the naive is above the estimate
// and the estimate's interval holds the planted effect in every list year, the positive change agrees with
// what the identification runs stored and with the lists, and access. That the planted effect is recovered
// with many schools is checked on a generated region (planted-effect.test.ts); the demo's ~160 schools give
// wide intervals, and its scripted ШНОР (stay / leave / come back, for the identification stories) have
// few comparable schools.

type Row = Record<string, unknown>;

describe.each(DB_KINDS)('analysis API on the demo (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  let regionId = '';
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await database.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const get = async <T>(url: string, who: string) => {
    const res = await t.call('GET', url, { cookie: ck[who] });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'municipality', 'school']) ck[l] = await t.login(l);
    const [r] = await rows(
      sql`select id from org_units where kind = 'region' and name like '%(демо)%' limit 1`,
    );
    regionId = String(r?.id);
  }, 600_000);
  afterAll(async () => database.close());

  it('gives the numbers of `opora evaluate-effect` on the same data, for every list year', async () => {
    const first = await get<EffectView>(`/api/analysis/effect?unitId=${regionId}`, 'region');
    expect(first.status).toBe(200);
    expect(first.body.years.length).toBeGreaterThanOrEqual(2);
    const dir = await mkdtemp(path.join(tmpdir(), 'opora-effect-'));
    const data = await regionData(database.db, regionId);
    await writePackageCsv(data.pkg, dir);
    const lists = await rows(sql`select l.year, o.code from identification_lists l
      join identification_list_schools ls on ls.list_id = l.id join org_units o on o.id = ls.school_id
      where l.region_id = ${regionId} and l.kind = 'shnor' and l.status = 'approved'`);
    for (const year of first.body.years) {
      const page = (await get<EffectView>(`/api/analysis/effect?unitId=${regionId}&year=${year}`, 'region'))
        .body;
      const treated = lists.filter((l) => l.year === year).map((l) => String(l.code));
      const other = lists.filter((l) => Number(l.year) < year && !treated.includes(String(l.code)));
      await writeFile(path.join(dir, 't.csv'), `school_id\n${treated.join('\n')}\n`);
      await writeFile(
        path.join(dir, 'x.csv'),
        `school_id\n${[...new Set(other.map((l) => String(l.code)))].join('\n')}\n`,
      );
      const cli = await opora([
        'evaluate-effect',
        ...['--data', dir, '--treated', path.join(dir, 't.csv'), '--exclude', path.join(dir, 'x.csv')],
        ...['--year', String(year), '--json'],
      ]);
      expect(cli.code, cli.stderr).toBe(0);
      const out = JSON.parse(cli.stdout);
      const r = page.result;
      expect(r).not.toBeNull();
      expect([r?.treated, r?.comparison]).toEqual([out.treated, out.comparison]);
      expect(r?.naive).toBeCloseTo(out.naive.estimate, 4);
      expect(r?.estimate).toBeCloseTo(out.effect.estimate, 4);
      expect(r?.ciLow).toBeCloseTo(out.effect.ciLow, 4);
      expect(r?.ciHigh).toBeCloseTo(out.effect.ciHigh, 4);
      // The event study: a value per data year for both groups.
      expect(page.eventStudy?.series.map((s) => s.values.length)).toEqual([
        data.years.length,
        data.years.length,
      ]);
    }
  }, 300_000);

  it('shows the naive above the honest estimate, whose interval holds the planted effect', async () => {
    const first = (await get<EffectView>(`/api/analysis/effect?unitId=${regionId}`, 'region')).body;
    // The page's default is the latest list; every list year is checked, the default among them.
    expect(first.year).toBe(first.years.at(-1));
    for (const year of first.years) {
      const r = (await get<EffectView>(`/api/analysis/effect?unitId=${regionId}&year=${year}`, 'region')).body
        .result;
      if (!r) throw new Error(`no estimate for ${year}`);
      // Part of a listed school's low R was bad luck (demo-data.ts: the yearly shock); it does not repeat,
      // so the naive before/after is above the estimate that compares with unsupported schools.
      expect(r.naive - r.estimate, String(year)).toBeGreaterThanOrEqual(0.03);
      expect(r.ciLow, String(year)).toBeLessThan(DEMO_SUPPORT_EFFECT);
      expect(r.ciHigh, String(year)).toBeGreaterThan(DEMO_SUPPORT_EFFECT);
    }
  }, 120_000);

  it('reports positive change with the R the runs stored and the exit by the next list', async () => {
    const { status, body } = await get<PositiveChangeView>(
      `/api/analysis/positive-change?unitId=${regionId}`,
      'region',
    );
    expect(status).toBe(200);
    const T = body.year as number;
    const stored = await rows(sql`select l.year, r.school_id, r.result_index from identification_lists l
      join identification_results r on r.run_id = l.run_id
      where l.region_id = ${regionId} and l.kind = 'shnor' and l.year in (${T}, ${T + 1})`);
    const rOf = (year: number, id: string) =>
      stored.find((s) => s.year === year && s.school_id === id)?.result_index;
    const next = await rows(sql`select ls.school_id from identification_lists l
      join identification_list_schools ls on ls.list_id = l.id
      where l.region_id = ${regionId} and l.kind = 'shnor' and l.year = ${T + 1} and l.status = 'approved'`);
    const listed = await rows(sql`select ls.school_id from identification_lists l
      join identification_list_schools ls on ls.list_id = l.id
      where l.region_id = ${regionId} and l.kind = 'shnor' and l.year = ${T} and l.status = 'approved'`);
    expect(body.schools.length).toBe(listed.length);
    for (const s of body.schools) {
      expect(s.rBefore).toBeCloseTo(Number(rOf(T, s.school.id)), 9);
      const after = rOf(T + 1, s.school.id);
      if (after !== null && after !== undefined) expect(s.rAfter).toBeCloseTo(Number(after), 9);
      if (body.nextList?.status === 'approved') {
        expect(s.leftList).toBe(!next.some((n) => n.school_id === s.school.id));
      }
    }
    const sum = body.units.reduce((a, u) => a + u.schools, 0);
    expect(sum).toBe(body.schools.length);
    expect(body.summary?.left).toBe(body.schools.filter((s) => s.leftList).length);
  }, 120_000);

  it('gives a municipality only its schools and hides the region from it', async () => {
    const [m] =
      await rows(sql`select a.org_unit_id as id from role_assignments a join users u on u.id = a.user_id
      where u.login = 'municipality' limit 1`);
    const mine = await get<PositiveChangeView>(
      `/api/analysis/positive-change?unitId=${m?.id}`,
      'municipality',
    );
    expect(mine.status).toBe(200);
    expect(mine.body.schools.every((s) => s.municipality.id === m?.id)).toBe(true);
    expect((await get(`/api/analysis/positive-change?unitId=${regionId}`, 'municipality')).status).toBe(404);
    expect((await get(`/api/analysis/effect?unitId=${regionId}`, 'municipality')).status).toBe(404);
    const effect = await get<EffectView>(`/api/analysis/effect?unitId=${m?.id}`, 'municipality');
    expect(effect.status).toBe(200);
    expect(effect.body.municipalities).toEqual([]);
    const school = await get<EffectView>(`/api/analysis/effect?unitId=${m?.id}`, 'school');
    expect(school.status).toBe(404);
    const bad = await get<{ error: { message: string } }>(
      `/api/analysis/effect?unitId=${regionId}&year=1999`,
      'region',
    );
    expect(bad.status).toBe(400);
  }, 120_000);

  it('gives a municipality page its row of the region page, compared with no school of list T', async () => {
    const [u] = await rows(sql`select id from users where login = 'region'`);
    const actor = await loadActor(database.db, String(u?.id));
    if (!actor) throw new Error('no region actor');
    const data = await regionData(database.db, regionId);
    const lists = await shnorLists(database.db, regionId);
    const first = (await get<EffectView>(`/api/analysis/effect?unitId=${regionId}`, 'region')).body;
    let estimated = 0;
    let below = 0;
    for (const year of first.years) {
      const region = (await get<EffectView>(`/api/analysis/effect?unitId=${regionId}&year=${year}`, 'region'))
        .body;
      const list = lists.find((l) => l.year === year && l.status === 'approved');
      if (!list) throw new Error(`no list ${year}`);
      const ofT = new Set([...((await allMembers(database.db, [list])).get(list.id) ?? [])]);
      for (const row of region.municipalities) {
        const page = (
          await get<EffectView>(`/api/analysis/effect?unitId=${row.unit.id}&year=${year}`, 'region')
        ).body;
        if (!row.estimate) {
          below++;
          expect(row.treated).toBeLessThan(MIN_MUNICIPALITY_TREATED);
          expect(page.result).toBeNull();
          expect(page.message).toBe(ANALYSIS_COUNTED.fewInMunicipality.render(row.treated));
          continue;
        }
        estimated++;
        expect(page.result?.treated).toBe(row.treated);
        expect(page.result?.comparison).toBe(row.estimate.comparison);
        expect(page.result?.estimate).toBeCloseTo(row.estimate.estimate, 10);
        expect(page.result?.ciLow).toBeCloseTo(row.estimate.ciLow, 10);
        expect(page.result?.ciHigh).toBeCloseTo(row.estimate.ciHigh, 10);
        const [m] = await rows(sql`select path from org_units where id = ${row.unit.id}`);
        const e = await estimateList(database.db, {
          actor,
          unitPath: String(m?.path),
          municipality: true,
          pkg: data.pkg,
          code: (id) => data.codeByOrgUnitId.get(id),
          approved: lists.filter((l) => l.status === 'approved'),
          list,
        });
        if ('message' in e) throw new Error(e.message);
        const listCodes = new Set([...ofT].map((id) => data.codeByOrgUnitId.get(id)));
        expect(e.result.schools.comparison.filter((c) => listCodes.has(c.id))).toEqual([]);
      }
    }
    // The demo has municipalities on both sides of the minimum, so both branches above ran.
    expect(estimated).toBeGreaterThan(0);
    expect(below).toBeGreaterThan(0);
  }, 300_000);

  it('gives «Динамика результатов ШНОР» the R of the positive-change page', async () => {
    const change = (
      await get<PositiveChangeView>(`/api/analysis/positive-change?unitId=${regionId}`, 'region')
    ).body;
    const T = change.year as number;
    const scope = await scopeUnit(database.db, regionId);
    if (!scope) throw new Error('no region');
    const ids = change.schools.map((x) => x.school.id);
    const years = await rByYear(database.db, scope, ids);
    const before = years.find((y) => y.year === T)?.r;
    const after = years.find((y) => y.year === T + 1)?.r;
    for (const x of change.schools) {
      expect(before?.get(x.school.id) ?? null).toBe(x.rBefore);
      expect(after?.get(x.school.id) ?? null).toBe(x.rAfter);
    }
    const both = ids.filter((id) => before?.has(id) && after?.has(id));
    const mean = both.reduce((a, id) => a + (before?.get(id) as number), 0) / both.length;
    expect(mean).toBeCloseTo(change.summary?.meanBefore as number, 12);

    // The report itself: each school's R of year T is the page's R before.
    const res = await t.call('POST', '/api/reports', {
      cookie: ck.region,
      body: { unitId: regionId, template: 'shnor_dynamics', year: T },
    });
    const { reportId } = (await res.json()) as { reportId: string };
    await drainJobs(database.db, jobHandlers());
    type Table = { type: string; caption?: string; columns?: string[]; rows?: string[][] };
    const report = (await get<{ content: { blocks: Table[] } }>(`/api/reports/${reportId}`, 'region')).body;
    const table = report.content.blocks.find((b) => b.caption === 'R школ списка по годам');
    const column = table?.columns?.indexOf(String(T)) ?? -1;
    expect(column).toBeGreaterThan(0);
    // Compared as sorted «name R» pairs: two schools of the demo share a name.
    const shown = (table?.rows ?? []).map((r) => `${r[0]} ${r[column]}`);
    const page = change.schools.map((x) => `${x.school.name} ${pct(x.rBefore)}`);
    expect(shown.sort()).toEqual(page.sort());
  }, 180_000);

  it('writes the report sections with the numbers of the pages', async () => {
    const [u] = await rows(sql`select id from users where login = 'region'`);
    const actor = await loadActor(database.db, String(u?.id));
    if (!actor) throw new Error('no region actor');
    const effect = (await get<EffectView>(`/api/analysis/effect?unitId=${regionId}`, 'region')).body;
    const year = effect.year as number;
    const blocks = await effectBlocks(database.db, { actor, unitId: regionId, year });
    for (const b of blocks) reportBlockSchema.parse(b);
    const text = JSON.stringify(blocks);
    const signed = (v: number) =>
      `${v < 0 ? '−' : '+'}${Math.abs(v).toLocaleString('ru-RU', { minimumFractionDigits: 3, maximumFractionDigits: 3 })}`;
    expect(text).toContain(signed(effect.result?.estimate ?? Number.NaN));
    expect(text).toContain(signed(effect.result?.naive ?? Number.NaN));
    expect(blocks.some((b) => b.type === 'chart')).toBe(true);

    const change = (
      await get<PositiveChangeView>(`/api/analysis/positive-change?unitId=${regionId}`, 'region')
    ).body;
    const cb = await positiveChangeBlocks(database.db, {
      actor,
      unitId: regionId,
      year: change.year as number,
    });
    for (const b of cb) reportBlockSchema.parse(b);
    const table = cb.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.length).toBe(change.units.length);
    const facts = await schoolFacts(database.db, { actor, unitId: regionId });
    expect(facts.length).toBe(change.schools.length);
    expect(facts.filter((f) => f.leftList).length).toBe(change.summary?.left);
  }, 120_000);

  it('writes the effect and the positive change into analytic reports with the page’s numbers', async () => {
    const effect = (await get<EffectView>(`/api/analysis/effect?unitId=${regionId}`, 'region')).body;
    const change = (
      await get<PositiveChangeView>(`/api/analysis/positive-change?unitId=${regionId}`, 'region')
    ).body;
    type Report = {
      status: string;
      version: number;
      content: { blocks: { type: string; text?: string; items?: { text: string; rule: string }[] }[] };
    };
    const generate = async (template: string, year: number) => {
      const res = await t.call('POST', '/api/reports', {
        cookie: ck.region,
        body: { unitId: regionId, template, year },
      });
      const { reportId } = (await res.json()) as { reportId: string };
      await drainJobs(database.db, jobHandlers());
      return {
        url: `/api/reports/${reportId}`,
        report: (await get<Report>(`/api/reports/${reportId}`, 'region')).body,
      };
    };
    const e = await generate('support_effect', effect.year as number);
    expect(e.report.status).toBe('draft');
    const text = JSON.stringify(e.report.content);
    const signed = (v: number) =>
      `${v < 0 ? '−' : '+'}${Math.abs(v).toLocaleString('ru-RU', { minimumFractionDigits: 3, maximumFractionDigits: 3 })}`;
    expect(text).toContain(signed(effect.result?.estimate ?? Number.NaN));
    expect(text).toContain(signed(effect.result?.naive ?? Number.NaN));
    // Issued, the DOCX carries the event-study chart as a picture.
    const issued = await t.call('POST', `${e.url}/issue`, {
      cookie: ck.region,
      body: { version: e.report.version },
    });
    expect(issued.status).toBe(200);
    const docx = await t.call('GET', `${e.url}/file?format=docx`, { cookie: ck.region });
    const parts = Object.keys(unzipSync(new Uint8Array(await docx.arrayBuffer())));
    expect(parts.some((p) => p.startsWith('word/media/'))).toBe(true);

    const c = await generate('positive_change', change.year as number);
    expect(c.report.status).toBe('draft');
    const recs = c.report.content.blocks.find((b) => b.type === 'recommendations')?.items ?? [];
    // The schools again on the next list: one recommendation per municipality that has them.
    const stagnatingMunicipalities = new Set(
      change.schools.filter((x) => x.stagnating).map((x) => x.municipality.id),
    );
    expect(recs.filter((r) => r.rule === 'again_on_list').length).toBe(stagnatingMunicipalities.size);
  }, 180_000);
});

/** The package as the CSV files of docs/data-formats.md (schools, results, context). */
async function writePackageCsv(pkg: DataPackage, dir: string): Promise<void> {
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const schools = pkg.schools.map((s) =>
    [s.id, q(s.name), s.municipalityId, q(s.municipalityName), s.rural ? 1 : 0, s.small ? 1 : 0].join(','),
  );
  await writeFile(
    path.join(dir, 'schools.csv'),
    `school_id,name,municipality_id,municipality_name,rural,small\n${schools.join('\n')}\n`,
  );
  const r = pkg.results;
  const results: string[] = [];
  for (let i = 0; i < r.length; i++) {
    const p = pkg.procedures[r.procedure[i] as number];
    const s = pkg.schools[r.school[i] as number];
    results.push(
      [
        s?.id,
        r.year[i],
        p?.assessment,
        q(p?.subject ?? ''),
        p?.grade,
        r.participants[i],
        r.mark2[i],
        r.mark3[i],
        r.mark4[i],
        r.mark5[i],
      ].join(','),
    );
  }
  await writeFile(
    path.join(dir, 'results.csv'),
    `school_id,year,assessment,subject,grade,participants,mark2,mark3,mark4,mark5\n${results.join('\n')}\n`,
  );
  const c = pkg.context;
  const context: string[] = [];
  for (let i = 0; i < c.length; i++) {
    const values = c.values.map((col) => (Number.isNaN(col[i] as number) ? '' : String(col[i])));
    context.push([pkg.schools[c.school[i] as number]?.id, c.year[i], ...values].join(','));
  }
  await writeFile(
    path.join(dir, 'context.csv'),
    `school_id,year,${c.indicators.join(',')}\n${context.join('\n')}\n`,
  );
}
