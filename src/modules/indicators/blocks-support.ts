import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RiskLevel } from '../../db/schema/values.js';
import { shnorFlagsSql } from '../organisation/coverage-sql.js';
import { listInForce, listInForceText } from '../organisation/list-in-force.js';
import { schoolYearLabel } from '../organisation/school-year.js';
import { DEFAULT_RISK_FACTORS } from '../risk-profiles/default-factors.js';
import { LEVEL_LABELS } from '../risk-profiles/strings.js';
import { type Block, inRegion, rowsOf, yesNo } from './block.js';
import { COVERAGE_METRICS, metricKeys } from './coverage-metrics.js';

// Blocks over the support of the ШНОР: coverage (THE rules of organisation/coverage-sql.ts, over the ШНОР
// list in force for the school year) and the high risks reduced by the follow-up questionnaire.

export const coverageParams = z
  .object({ metric: z.enum(metricKeys, { message: 'Выберите, что считать охватом' }) })
  .strict();

export const coverageBlock: Block<z.output<typeof coverageParams>> = {
  code: 'coverage',
  title: 'Доля ШНОР, охваченных поддержкой',
  unit: 'share',
  params: coverageParams,
  async base(db, { regionId, year, params }) {
    const list = await listInForce(db, { regionId, year, kind: 'shnor' });
    const m = COVERAGE_METRICS[params.metric];
    const rule = `Числитель — ШНОР списка в силе, у которых ${m.title}; знаменатель — все ШНОР этого списка`;
    const source = { data: listInForceText(list), rule, year: schoolYearLabel(year) };
    if (!list) return { schools: null, source };
    return {
      schools: sql`select f.id, f.path, (case when f.${sql.raw(m.column)} then 1 else 0 end) as num, 1 as den
        from (${shnorFlagsSql(list.id, year)}) f`,
      source,
    };
  },
  async data(db, { regionId, year, schoolId }) {
    const list = await listInForce(db, { regionId, year, kind: 'shnor' });
    const [f] = list
      ? await rowsOf<Record<string, boolean>>(
          db,
          sql`select * from (${shnorFlagsSql(list.id, year)}) f where f.id = ${schoolId}::uuid`,
        )
      : [];
    return {
      title: f ? 'Что есть у школы в этом учебном году' : 'Школы нет в списке ШНОР в силе',
      columns: ['Что считается', 'Есть у школы'],
      rows: f ? Object.values(COVERAGE_METRICS).map((m) => [m.title, yesNo(f[m.column] === true)]) : [],
      source: {
        data: listInForceText(list),
        rule: 'Правила охвата — те же, что на странице «Охват и пробелы»',
        year: schoolYearLabel(year),
      },
    };
  },
};

const REDUCED: RiskLevel[] = ['medium', 'low', 'none'];
const RISK_RULE =
  'Знаменатель — факторы с высоким уровнем риска в исходном анкетировании у школ, прошедших повторное ' +
  'анкетирование года; числитель — из них те, чей уровень при повторном стал средним, низким или риска нет';

/** Per school, per factor: the level before (baseline campaign) and after (the follow-up of the year). */
const pairsSql = (regionId: string, year: number) => sql`select s.id, s.path, b.f->>'code' as code,
    b.f->>'level' as before, a.f->>'level' as after
  from risk_campaigns c join org_units ow on ow.id = c.owner_unit_id
    join risk_profiles pa on pa.campaign_id = c.id
    join risk_profiles pb on pb.campaign_id = c.baseline_campaign_id and pb.school_id = pa.school_id
    join org_units s on s.id = pa.school_id
    cross join lateral jsonb_array_elements(pb.result->'factors') b(f)
    left join lateral (select x.f from jsonb_array_elements(pa.result->'factors') x(f)
      where x.f->>'code' = b.f->>'code' limit 1) a on true
  where c.stage = 'followup' and c.year = ${year} and ${inRegion('ow', regionId)}`;

export const risksReducedBlock: Block<Record<string, never>> = {
  code: 'high_risks_reduced',
  title: 'Доля снижённых высоких рисков',
  unit: 'share',
  params: z.object({}).strict(),
  async base(_db, { regionId, year }) {
    return {
      schools: sql`select id, path, count(*) filter (where after in ('medium', 'low', 'none'))::float8 as num,
          count(*)::float8 as den
        from (${pairsSql(regionId, year)}) p where before = 'high' group by id, path`,
      source: {
        data: `Рисковые профили повторного анкетирования ${year} г. и исходного`,
        rule: RISK_RULE,
        year: String(year),
      },
    };
  },
  async data(db, { regionId, year, schoolId }) {
    const rows = await rowsOf<{ code: string; before: RiskLevel; after: RiskLevel | null }>(
      db,
      sql`select code, before, after from (${pairsSql(regionId, year)}) p where id = ${schoolId}::uuid order by code`,
    );
    const name = new Map(DEFAULT_RISK_FACTORS.map((f) => [f.code, f.name]));
    return {
      title: 'Уровни рисков школы: было → стало',
      columns: ['Фактор', 'Было', 'Стало', 'Высокий риск снижен'],
      rows: rows.map((r) => [
        name.get(r.code) ?? r.code,
        LEVEL_LABELS[r.before],
        r.after ? LEVEL_LABELS[r.after] : '—',
        r.before === 'high' ? yesNo(r.after !== null && REDUCED.includes(r.after)) : '—',
      ]),
      source: { data: `Рисковые профили школы ${year} г.`, rule: RISK_RULE, year: String(year) },
    };
  },
};
