import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/db/client.js';
import { eventParticipants, events } from '../src/db/schema/organisation.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { items, roadmaps, sections } from '../src/db/schema/roadmaps.js';
import type { CoverageBinding } from '../src/db/schema/values.js';
import { ensureDefaultMethodology } from '../src/modules/identification/methodologies.js';
import { coverageBase, coverageOfUnits } from '../src/modules/organisation/coverage.js';
import { refreshBoundIndicators } from '../src/modules/organisation/refresh-bound.js';
import { addCurator, approvedList, assign, pair } from '../tests/helpers/coverage-fixture.js';

// Time of coverage (issue 12 §4) for a region of 3,000 schools: 30 municipalities × 100 schools, 300 ШНОР
// with curators, pairs and agreements, 60 held events with 9,000 participants; the summary of the region
// and its 30 municipalities (`coverageOfUnits`), and `refreshBoundIndicators` over 62 bound items — each
// the median of 5 runs, beside a baseline measured in the same run: one pass over all participants and
// schools. Prints figures only. `npm run bench:coverage` (PGlite; PostgreSQL with DATABASE_URL).

const MUNICIPALITIES = 30;
const PER = Number(process.env.BENCH_SCHOOLS_PER ?? 100);
const YEAR = 2026;

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { database: await openPglite(null), drop: async () => {} };
  const name = `opora_bench_coverage_${randomBytes(4).toString('hex')}`;
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

async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

async function main() {
  const { database, drop } = await open();
  const { db } = database;
  try {
    const regionId = randomUUID();
    await db.insert(orgUnits).values({ id: regionId, kind: 'region', name: 'Регион', path: `/${regionId}/` });
    await ensureDefaultMethodology(db, regionId);
    const munIds: string[] = [];
    const schools: string[] = [];
    for (let m = 0; m < MUNICIPALITIES; m++) {
      const id = randomUUID();
      munIds.push(id);
      const path = `/${regionId}/${id}/`;
      await db
        .insert(orgUnits)
        .values({ id, parentId: regionId, kind: 'municipality', name: `Район ${m}`, path });
      const rows = Array.from({ length: PER }, (_, k) => {
        const sid = randomUUID();
        schools.push(sid);
        const teachers = k % 10 === 0 ? null : 20 + (k % 30);
        return {
          id: sid,
          parentId: id,
          kind: 'school' as const,
          name: `Школа ${m}-${k}`,
          path: `${path}${sid}/`,
          teachers,
        };
      });
      await db.insert(orgUnits).values(rows);
    }
    const shnor = schools.filter((_, i) => i % 10 === 0);
    await approvedList(db, regionId, YEAR, 'shnor', shnor);
    const user = randomUUID();
    await db.execute(
      sql`insert into users (id, login, full_name, password_hash) values (${user}, 'bench', 'Куратор', 'x')`,
    );
    const f = { R: { id: regionId }, as: () => ({ userId: user }) } as never;
    const cur = await addCurator(db, f, 'bench');
    for (const [i, s] of shnor.entries()) {
      if (i % 2 === 0) await assign(db, cur, s, YEAR);
      if (i % 3 === 0) await pair(db, s, schools[(i * 7 + 1) % schools.length] ?? s, YEAR, i % 2 === 0);
    }
    for (let e = 0; e < 60; e++) {
      const [ev] = await db
        .insert(events)
        .values({
          organiserUnitId: regionId,
          kind: e % 2 ? 'webinar' : 'seminar',
          title: `Событие ${e}`,
          status: 'held',
          startsOn: `${YEAR}-10-${String(1 + (e % 28)).padStart(2, '0')}`,
        })
        .returning();
      await db.insert(eventParticipants).values(
        Array.from({ length: 150 }, (_, p) => ({
          eventId: ev?.id ?? '',
          orgUnitId: schools[(e * 151 + p * 13) % schools.length] ?? '',
          fullName: `Участник ${p % 40}`,
          category: p % 3 ? ('teacher' as const) : ('manager' as const),
          source: 'import' as const,
          attended: p % 5 !== 0,
        })),
      );
    }
    const bindings: CoverageBinding[] = [
      { metric: 'shnor_with_curator' },
      { metric: 'schools_at_events', group: 'all', eventKinds: ['webinar'] },
    ];
    for (const owner of [regionId, ...munIds]) {
      const [r] = await db
        .insert(roadmaps)
        .values({
          orgUnitId: owner,
          title: 'Карта',
          kind: 'other',
          periodKind: 'school_year',
          periodYear: YEAR,
          status: 'approved',
        })
        .returning();
      const [s] = await db
        .insert(sections)
        .values({ roadmapId: r?.id ?? '', position: 0 })
        .returning();
      await db.insert(items).values(
        bindings.map((coverageBinding, position) => ({
          roadmapId: r?.id ?? '',
          sectionId: s?.id ?? '',
          position,
          measure: 'Показатель',
          coverageBinding,
        })),
      );
    }
    await db.execute(sql`analyze`);

    const baseline = await median(() =>
      db.execute(sql`select count(distinct p.org_unit_id), count(*) from event_participants p
        join org_units s on s.id = p.org_unit_id where s.path like ${`/${regionId}/%`}`),
    );
    const summary = await median(async () => {
      const base = await coverageBase(db, { regionId, year: YEAR });
      await coverageOfUnits(db, { base, unitIds: [regionId, ...munIds] });
    });
    const refresh = await median(() => refreshBoundIndicators(db, { regionId }));
    const ms = (x: number) => `${x.toFixed(1)} мс`;
    console.log(
      `coverage bench (${database.kind}): ${schools.length} школ, ${shnor.length} ШНОР, 9 000 участников`,
    );
    console.log(`  базовая линия (один проход по участникам и школам): ${ms(baseline)}`);
    console.log(`  охват региона и ${MUNICIPALITIES} муниципалитетов, все показатели: ${ms(summary)}`);
    console.log(
      `  обновление ${(MUNICIPALITIES + 1) * bindings.length} привязанных показателей: ${ms(refresh)}`,
    );
  } finally {
    await database.close();
    await drop();
  }
}

await main();
