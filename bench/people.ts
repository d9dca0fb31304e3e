import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../src/db/client.js';
import { type Database, openPostgres } from '../src/db/client.js';
import type { Actor } from '../src/modules/access/actor.js';
import { DEFAULT_LEVELS } from '../src/modules/diagnostics/levels.js';
import { ensureDefaultMethodology } from '../src/modules/identification/methodologies.js';
import { getPeopleCoverage } from '../src/modules/people-coverage/get-people-coverage.js';
import { refreshPeopleBound } from '../src/modules/people-coverage/refresh-people-bound.js';
import { pupilAggregates } from '../src/modules/pupils/aggregates.js';
import { schoolSummary } from '../src/modules/pupils/dynamics.js';
import { encryptPersonal } from '../src/modules/pupils/pupil-crypto.js';
import { listPupils } from '../src/modules/pupils/registry.js';
import { approvedList } from '../tests/helpers/coverage-fixture.js';

// Time of the support of people (issue 14 §4) in a large region, on PostgreSQL (DATABASE_URL; a fresh
// database of its own, dropped at the end): 1,000 schools in 40 municipalities, 25,000 teachers with a
// diagnostic result each, ИОМ with activities for those with high or critical deficits, mentorships,
// course enrolments, and 60,000 pupils in registries (names encrypted by the application) with three
// checkpoints — filled by bulk SQL (generate_series, unnest). Then each measured figure is timed over
// several runs (median and max) beside a baseline measured in the same run: one plain pass over the
// region's teachers. Prints figures only; target ≤ 200 ms each. `npm run bench:people`.

const MUNICIPALITIES = 40;
const SCHOOLS_PER = 25;
const TEACHERS_PER = 25;
const PUPILS_PER = 60;
const YEAR = 2026;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('bench:people работает на PostgreSQL: задайте DATABASE_URL');
  const name = `opora_bench_people_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 4);
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

type Timing = { median: number; max: number };
async function time(fn: () => Promise<unknown>): Promise<Timing> {
  await fn(); // warm-up: plans and caches, as on a server that has been up for a while
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, max: times[times.length - 1] ?? 0 };
}

/** The default scale's level of a percent, in SQL (critical < 40, high < 60, lowered < 75, basic). */
const levelSql = (pct: string) =>
  `case when ${pct} < 40 then 'critical' when ${pct} < 60 then 'high' when ${pct} < 75 then 'lowered' else 'basic' end`;

async function fill(db: Db, regionId: string): Promise<{ shnor: number }> {
  await db.execute(sql`insert into org_units (id, kind, name, path)
    values (${regionId}::uuid, 'region', 'Большая область (стенд)', ${`/${regionId}/`})`);
  await ensureDefaultMethodology(db, regionId);
  await db.execute(sql`insert into org_units (id, parent_id, kind, name, path)
    select id, ${regionId}::uuid, 'municipality', 'Район ' || n, ${`/${regionId}/`} || id || '/'
    from (select gen_random_uuid() as id, n from generate_series(1, ${MUNICIPALITIES}) n) x`);
  await db.execute(sql`insert into org_units (id, parent_id, kind, name, path, teachers)
    select id, mid, 'school', mname || ', школа ' || k, mpath || id || '/', ${TEACHERS_PER}
    from (select gen_random_uuid() as id, m.id as mid, m.name as mname, m.path as mpath, k
          from org_units m, generate_series(1, ${SCHOOLS_PER}) k where m.parent_id = ${regionId}::uuid) x`);
  const schools = (
    (await db.execute(
      sql`select id from org_units where kind = 'school' and path like ${`/${regionId}/%`} order by name`,
    )) as unknown as { rows: { id: string }[] }
  ).rows.map((r) => r.id);
  const shnor = schools.filter((_, i) => i % 10 === 0);
  await approvedList(db, regionId, YEAR, 'shnor', shnor);

  // Teachers, one regional diagnostic, a result each: a teacher's strength, each block around it.
  await db.execute(sql`insert into staff_members (school_id, code, last_name, first_name, position)
    select s.id, 'T' || k, 'Педагог' || k, 'Стенд', 'учитель'
    from org_units s, generate_series(1, ${TEACHERS_PER}) k where s.kind = 'school'`);
  const blocks = [
    { key: 'subject', name: 'Предметный', maxScore: 20 },
    { key: 'methodical', name: 'Методический', maxScore: 15 },
    { key: 'psychological', name: 'Психолого-педагогический', maxScore: 10 },
    { key: 'legal', name: 'Нормативно-правовой', maxScore: 5 },
  ];
  const [diag] = (
    (await db.execute(sql`insert into deficit_diagnostics (owner_unit_id, name, conducted_on, year, organiser, blocks, levels)
      values (${regionId}::uuid, 'Диагностика (стенд)', ${`${YEAR}-11-20`}, ${YEAR}, 'ЦНППМ',
        ${JSON.stringify(blocks)}::jsonb, ${JSON.stringify(DEFAULT_LEVELS)}::jsonb) returning id`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows;
  const b = (max: number) => `least(${max}, greatest(0, round((st + (random() - 0.5) * 0.3) * ${max})))::int`;
  await db.execute(
    sql.raw(`insert into diagnostic_results (diagnostic_id, staff_member_id, school_id, scores, total_percent, level, block_levels, matched_by)
    select '${diag?.id}', id, school_id,
      jsonb_build_object('subject', a, 'methodical', m, 'psychological', p, 'legal', l),
      round((a + m + p + l) * 100.0 / 50, 1), ${levelSql('(a + m + p + l) * 100.0 / 50')},
      jsonb_build_object('subject', ${levelSql('a * 100.0 / 20')}, 'methodical', ${levelSql('m * 100.0 / 15')},
        'psychological', ${levelSql('p * 100.0 / 10')}, 'legal', ${levelSql('l * 100.0 / 5')}), 'code'
    from (select id, school_id, ${b(20)} as a, ${b(15)} as m, ${b(10)} as p, ${b(5)} as l
          from (select id, school_id, 0.35 + random() * 0.6 as st from staff_members) t) x`),
  );
  // ИОМ for those with a high or critical level anywhere, in every state; two activities each.
  await db.execute(sql`insert into individual_routes (staff_member_id, school_id, year, diagnostic_id, status)
    select r.staff_member_id, r.school_id, ${YEAR}, r.diagnostic_id,
      (array['draft','approved','in_progress','in_progress','mastered','mastered','not_mastered'])[1 + abs(hashtext(r.id::text)) % 7]
    from diagnostic_results r
    where r.level in ('critical', 'high') or exists (select 1 from jsonb_each_text(r.block_levels) b
      where b.value in ('critical', 'high'))`);
  await db.execute(sql`insert into route_activities (route_id, kind, title, due_date, status)
    select ir.id, (array['course','mentoring']::text[])[k], 'Мероприятие ' || k, ${`${YEAR + 1}-03-01`},
      case when ir.status = 'mastered' then 'confirmed' else 'planned' end
    from individual_routes ir, generate_series(1, 2) k`);
  await db.execute(sql`insert into teacher_mentorships (mentee_id, school_id, year, mentor_kind, mentor_name, started_on)
    select staff_member_id, school_id, ${YEAR}, 'methodist', 'Методист', ${`${YEAR}-10-01`}
    from individual_routes where abs(hashtext(id::text)) % 2 = 0`);
  await db.execute(sql`insert into courses (owner_unit_id, name, kind, provider, hours, format)
    select ${regionId}::uuid, 'Курс ' || n, 'pk', 'ИРО', 36, 'remote' from generate_series(1, 20) n`);
  await db.execute(sql`insert into course_enrolments (course_id, staff_member_id, school_id, status, completed_on)
    select c.id, m.id, m.school_id, case when abs(hashtext(m.id::text)) % 5 = 0 then 'enrolled' else 'completed' end,
      case when abs(hashtext(m.id::text)) % 5 = 0 then null else ${`${YEAR}-12-15`}::date end
    from staff_members m
    join lateral (select id from courses order by md5(m.id::text || id::text) limit 1) c on true
    where abs(hashtext(m.code || m.id::text)) % 5 < 2`);

  // Pupils: names encrypted here (the application's key), the rest by SQL; three region checkpoints.
  const total = schools.length * PUPILS_PER;
  const batch = 10_000;
  for (let start = 0; start < total; start += batch) {
    const rows: { id: string; s: string; e: string; n: number }[] = [];
    for (let i = start; i < Math.min(total, start + batch); i++)
      rows.push({
        id: randomUUID(),
        s: schools[Math.floor(i / PUPILS_PER)] ?? '',
        e: encryptPersonal(`Обучающийся ${i} Стендович`),
        n: i,
      });
    await db.execute(sql`insert into pupil_records (id, school_id, year, name_enc, class_label, grade, category, subjects, causes, included_on)
      select id, s, ${YEAR}, e, (5 + n % 5) || 'А', 5 + n % 5,
        (array['failing','weak','at_risk'])[1 + n % 3], array['математика'], array['pedagogical'], ${`${YEAR}-10-01`}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as u(id uuid, s uuid, e text, n int)`);
  }
  await db.execute(sql`insert into pupil_checkpoints (unit_id, year, key, name, date, sort) values
    (${regionId}::uuid, ${YEAR}, 'oct', 'Октябрь', ${`${YEAR}-10-15`}, 1),
    (${regionId}::uuid, ${YEAR}, 't1', 'Конец I четверти', ${`${YEAR}-10-31`}, 2),
    (${regionId}::uuid, ${YEAR}, 't2', 'Конец II четверти', ${`${YEAR}-12-28`}, 3)`);
  await db.execute(sql`insert into pupil_results (record_id, checkpoint_key, status, marks)
    select r.id, c.key, (array['failing','weak','at_risk','succeeding'])[1 + abs(hashtext(r.id::text || c.key)) % 4],
      jsonb_build_object('математика', 2 + abs(hashtext(c.key || r.id::text)) % 3)
    from pupil_records r cross join (values ('oct'), ('t1'), ('t2')) c(key)`);

  // Bound indicators: the region's and every municipality's roadmap, one teachers' metric each.
  await db.execute(sql`with r as (
      insert into roadmaps (org_unit_id, title, kind, period_kind, period_year, status)
      select id, 'Карта', 'other', 'school_year', ${YEAR}, 'approved' from org_units
      where id = ${regionId}::uuid or parent_id = ${regionId}::uuid and kind = 'municipality' returning id),
    s as (insert into roadmap_sections (roadmap_id, position) select id, 0 from r returning id, roadmap_id)
    insert into roadmap_items (roadmap_id, section_id, position, measure, coverage_binding)
    select roadmap_id, id, 0, 'Не менее 75 % учителей ШНОР освоили ИОМ',
      '{"metric":"deficit_teachers_mastered","group":"shnor"}'::jsonb from s`);
  await db.execute(sql`analyze`);
  return { shnor: shnor.length };
}

const count = async (db: Db, q: ReturnType<typeof sql>) =>
  Number(((await db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);

async function main() {
  const { database, drop } = await open();
  const { db } = database;
  try {
    const regionId = randomUUID();
    const t0 = performance.now();
    const { shnor } = await fill(db, regionId);
    const filled = performance.now() - t0;
    const [mun] = (
      (await db.execute(
        sql`select id, name, path from org_units where parent_id = ${regionId}::uuid and kind = 'municipality' order by name limit 1`,
      )) as unknown as { rows: { id: string; name: string; path: string }[] }
    ).rows;
    const [school] = (
      (await db.execute(
        sql`select id, path from org_units where parent_id = ${mun?.id}::uuid order by name limit 1`,
      )) as unknown as { rows: { id: string; path: string }[] }
    ).rows;
    const regionActor: Actor = {
      kind: 'user',
      userId: randomUUID(),
      login: 'bench',
      fullName: 'Стенд',
      assignments: [
        {
          role: 'regional_operator',
          orgUnitId: regionId,
          unitName: 'Большая область (стенд)',
          unitKind: 'region',
          unitPath: `/${regionId}/`,
          governingId: regionId,
          governingPath: `/${regionId}/`,
        },
      ],
    };

    if (process.env.BENCH_EXPLAIN) {
      const { teacherCountsSql } = await import('../src/modules/people-coverage/coverage-sql.js');
      const plan = (await db.execute(
        sql`explain analyze ${teacherCountsSql({ all: true, pathPrefix: `/${regionId}/` }, YEAR, { from: `${YEAR}-09-01`, to: `${YEAR + 1}-08-31` })}`,
      )) as unknown as { rows: Record<string, string>[] };
      console.log(plan.rows.map((r) => Object.values(r)[0]).join('\n'));
    }
    const baseline = await time(() =>
      db.execute(sql`select count(*) from staff_members m join org_units s on s.id = m.school_id
        where s.path like ${`/${regionId}/%`} and m.left_on is null`),
    );
    const region = await time(() =>
      getPeopleCoverage(db, { actor: regionActor, unitId: regionId, year: YEAR }),
    );
    const regionShnor = await time(() =>
      getPeopleCoverage(db, { actor: regionActor, unitId: regionId, year: YEAR, group: 'shnor' }),
    );
    const municipality = await time(() =>
      getPeopleCoverage(db, { actor: regionActor, unitId: mun?.id, year: YEAR }),
    );
    const refresh = await time(() => refreshPeopleBound(db, { regionId }));
    // The pupils side, by the pupils module's own operations: the region's and a municipality's counts
    // (small cells hidden), and one school's registry page and summary as its team opens them.
    const pupilsRegion = await time(() =>
      pupilAggregates(db, { actor: regionActor, unitId: regionId, year: YEAR }),
    );
    const pupilsMunicipality = await time(() =>
      pupilAggregates(db, { actor: regionActor, unitId: mun?.id ?? regionId, year: YEAR }),
    );
    const schoolId = school?.id ?? '';
    const [schoolRow] = (
      (await db.execute(sql`select path from org_units where id = ${schoolId}::uuid`)) as unknown as {
        rows: { path: string }[];
      }
    ).rows;
    const team: Actor = {
      ...regionActor,
      login: 'bench-school',
      assignments: [
        {
          role: 'school_team',
          orgUnitId: schoolId,
          unitName: 'Школа стенда',
          unitKind: 'school',
          unitPath: schoolRow?.path ?? '',
          governingId: schoolId,
          governingPath: schoolRow?.path ?? '',
        },
      ],
    };
    const schoolPage = await time(() => listPupils(db, { actor: team, schoolId, query: { year: YEAR } }));
    const schoolDynamics = await time(() => schoolSummary(db, { actor: team, schoolId, year: YEAR }));

    const teachers = await count(db, sql`select count(*)::int as n from staff_members`);
    const routes = await count(db, sql`select count(*)::int as n from individual_routes`);
    const pupils = await count(db, sql`select count(*)::int as n from pupil_records`);
    const checkpoints = await count(db, sql`select count(*)::int as n from pupil_results`);
    const ms = (x: number) => `${x.toFixed(1)} мс`;
    const line = (label: string, t: Timing) =>
      console.log(`  ${label}: медиана ${ms(t.median)}, максимум ${ms(t.max)}`);
    console.log(
      `people bench (${database.kind}): ${MUNICIPALITIES * SCHOOLS_PER} школ в ${MUNICIPALITIES} муниципалитетах (${shnor} ШНОР), ` +
        `${teachers} педагогов, ${routes} ИОМ, ${pupils} обучающихся, ${checkpoints} результатов контрольных точек; ` +
        `заполнение ${(filled / 1000).toFixed(1)} с; ${RUNS} замеров`,
    );
    line('базовая линия (один проход по педагогам региона)', baseline);
    line(`охват педагогов региона и ${MUNICIPALITIES} муниципалитетов, все школы`, region);
    line(`охват педагогов региона и ${MUNICIPALITIES} муниципалитетов, ШНОР`, regionShnor);
    line(`охват педагогов муниципалитета и ${SCHOOLS_PER} школ`, municipality);
    line(`пересчёт ${MUNICIPALITIES + 1} привязанных показателей`, refresh);
    line(`обучающиеся группы риска: сводка региона по ${MUNICIPALITIES} муниципалитетам`, pupilsRegion);
    line(`обучающиеся группы риска: сводка муниципалитета по ${SCHOOLS_PER} школам`, pupilsMunicipality);
    line(`страница реестра школы: ${PUPILS_PER} записей с расшифровкой ФИО`, schoolPage);
    line('динамика школы по классам и предметам', schoolDynamics);
  } finally {
    await database.close();
    await drop();
  }
}

await main();
