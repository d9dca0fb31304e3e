import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../src/db/client.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { riskCampaignSchools, riskCampaigns, riskInstruments } from '../src/db/schema/risk-profiles.js';
import { RESPONDENT_GROUPS, type RespondentGroup } from '../src/db/schema/values.js';
import { systemActor } from '../src/modules/access/actor.js';
import { bulkLoader } from '../src/modules/assessment-data/store.js';
import { computeCampaignProfiles } from '../src/modules/risk-profiles/compute-profiles.js';
import { DEFAULT_INSTRUMENT } from '../src/modules/risk-profiles/default-instrument.js';
import type { InstrumentItem } from '../src/modules/risk-profiles/instrument.js';

// Time to compute every profile of a national-size campaign on PostgreSQL (issue 11 §8): 4,000 schools ×
// (1 director + 25 teachers + 100 pupils + 100 parents) = 904,000 questionnaires of DEFAULT_INSTRUMENT,
// written with COPY into a database of its own, then `computeCampaignProfiles` three times (median),
// beside baselines measured in the same run: a plain count of the rows and a read of all their answers.
// Prints figures only. `npm run bench:risk-profiles` (DATABASE_URL, default the local server).

const URL_BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 4000);
const PER: Record<RespondentGroup, number> = { director: 1, teacher: 25, pupil: 100, parent: 100 };

async function main() {
  const name = `opora_bench_profiles_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: URL_BASE });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(URL_BASE);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 4);
  try {
    const { db } = database;
    const bulk = bulkLoader(database);
    const regionId = randomUUID();
    await db.insert(orgUnits).values({ id: regionId, kind: 'region', name: 'Регион', path: `/${regionId}/` });
    const schoolIds = Array.from({ length: SCHOOLS }, () => randomUUID());
    for (let i = 0; i < schoolIds.length; i += 1000)
      await db.insert(orgUnits).values(
        schoolIds.slice(i, i + 1000).map((id, k) => ({
          id,
          parentId: regionId,
          kind: 'school' as const,
          name: `Школа ${i + k + 1}`,
          path: `/${regionId}/${id}/`,
        })),
      );
    const [ins] = await db
      .insert(riskInstruments)
      .values({
        regionId,
        code: DEFAULT_INSTRUMENT.id,
        versionNo: 1,
        title: 'bench',
        document: DEFAULT_INSTRUMENT,
        status: 'frozen',
      })
      .returning();
    const [campaign] = await db
      .insert(riskCampaigns)
      .values({
        ownerUnitId: regionId,
        instrumentId: ins?.id ?? '',
        year: 2026,
        title: 'bench',
        groups: [...RESPONDENT_GROUPS],
        opensOn: '2026-09-20',
        closesOn: '2026-10-20',
        status: 'closed',
      })
      .returning();
    if (!campaign) throw new Error('no campaign');
    for (let i = 0; i < schoolIds.length; i += 1000)
      await db
        .insert(riskCampaignSchools)
        .values(schoolIds.slice(i, i + 1000).map((schoolId) => ({ campaignId: campaign.id, schoolId })));
    const perSchool = RESPONDENT_GROUPS.reduce((n, g) => n + PER[g], 0);
    const total = SCHOOLS * perSchool;
    const byGroup = Object.fromEntries(
      RESPONDENT_GROUPS.map((g) => [g, DEFAULT_INSTRUMENT.items.filter((i) => i.group === g)]),
    ) as Record<RespondentGroup, InstrumentItem[]>;
    let t = Date.now();
    await bulk.transaction((s) =>
      s.copy({
        table: 'risk_responses',
        columns: ['id', 'campaign_id', 'school_id', 'group', 'respondent_id', 'answers'],
        length: total,
        row(i, out) {
          const school = schoolIds[Math.floor(i / perSchool)] as string;
          let k = i % perSchool;
          let group: RespondentGroup = 'director';
          for (const g of RESPONDENT_GROUPS) {
            if (k < PER[g]) {
              group = g;
              break;
            }
            k -= PER[g];
          }
          const answers: Record<string, string | string[] | number> = {};
          for (const item of byGroup[group]) {
            if (Math.random() < 0.05) continue;
            if (item.type === 'number') answers[item.id] = Math.round(Math.random() * 10);
            else {
              const o = item.options ?? [];
              const pick = o[Math.floor(Math.random() * o.length)]?.value ?? '';
              answers[item.id] = item.type === 'multi' ? [pick] : pick;
            }
          }
          out[0] = randomUUID();
          out[1] = campaign.id;
          out[2] = school;
          out[3] = group;
          out[4] = randomUUID();
          out[5] = JSON.stringify(answers);
          return out;
        },
      }),
    );
    const copyMs = Date.now() - t;
    if (database.raw?.kind !== 'postgres') throw new Error('PostgreSQL only');
    const pool = database.raw.pool;
    await pool.query('analyze risk_responses');
    const size = await pool.query(
      `select pg_total_relation_size('risk_responses')::bigint as total, pg_relation_size('risk_responses')::bigint as heap, count(*)::int as n from risk_responses`,
    );
    const row = size.rows[0] as { total: string; heap: string; n: number };
    const timeIt = async (f: () => Promise<unknown>) => {
      const runs: number[] = [];
      for (let r = 0; r < 3; r++) {
        t = Date.now();
        await f();
        runs.push(Date.now() - t);
      }
      return runs.sort((a, b) => a - b)[1] as number;
    };
    const count = await timeIt(() =>
      pool.query('select count(*) from risk_responses where campaign_id = $1', [campaign.id]),
    );
    const readAll = await timeIt(() =>
      pool.query('select sum(length(answers::text)) from risk_responses where campaign_id = $1', [
        campaign.id,
      ]),
    );
    const actor = systemActor('bench');
    let summary = { schools: 0, responses: 0 };
    const compute = await timeIt(async () => {
      summary = await computeCampaignProfiles(db, { actor, campaignId: campaign.id, bulk });
    });
    const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`schools: ${SCHOOLS}; questionnaires: ${row.n.toLocaleString('en')} (COPY in ${f(copyMs)})`);
    console.log(
      `storage: ${(Number(row.total) / row.n).toFixed(0)} B per response with indexes (${(Number(row.heap) / row.n).toFixed(0)} B heap); total ${(Number(row.total) / 2 ** 20).toFixed(0)} MiB`,
    );
    console.log(`baseline select count(*): ${f(count)} (median of 3)`);
    console.log(`baseline read of every answers::text: ${f(readAll)} (median of 3)`);
    console.log(
      `computeCampaignProfiles: ${f(compute)} (median of 3; ${summary.schools} profiles from ${summary.responses.toLocaleString('en')} responses)`,
    );
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
