import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { riskCampaignSchools, riskCampaigns, riskResponses } from '../../db/schema/risk-profiles.js';
import { DEMO_LOADER } from '../access/actor.js';
import { computeCampaignProfiles } from '../risk-profiles/compute-profiles.js';
import { DEFAULT_INSTRUMENT } from '../risk-profiles/default-instrument.js';
import type { InstrumentItem } from '../risk-profiles/instrument.js';
import type { Answer } from '../risk-profiles/score-profile.js';
import { recordVisit, verifyProfile } from '../risk-profiles/verify-profile.js';
import type { DemoCampaign } from './demo-questionnaires.js';
import { createRng, type Rng, seedOf } from './demo-random.js';
import type { DemoRun } from './demo-run.js';

// The demo's risk profiles: the previous school year's baseline and follow-up campaigns (so that the
// profile shows «the year before» and the heat map the change), derived from this year's answers made a
// little riskier (the year before) and then a little better (its end); then every closed campaign is
// computed by the one rule, and the curator's second school is verified. Нагорное is left for the
// curator to verify by hand (the Playwright story does it).

export async function loadDemoRiskProfiles(
  run: DemoRun,
  current: DemoCampaign,
): Promise<{ profiles: number }> {
  const { db } = run;
  const rng = createRng(seedOf('opora-demo-risk-profiles'));
  const [cur] = await db.select().from(riskCampaigns).where(eq(riskCampaigns.id, current.campaignId));
  if (!cur) throw new Error('demo campaign missing');
  const answers = await db.select().from(riskResponses).where(eq(riskResponses.campaignId, cur.id));
  const schools = await db
    .select()
    .from(riskCampaignSchools)
    .where(eq(riskCampaignSchools.campaignId, cur.id));
  const prev = run.year - 1;
  const copy = async (stage: 'baseline' | 'followup', baselineId: string | null, riskier: number) => {
    const [c] = await db
      .insert(riskCampaigns)
      .values({
        ownerUnitId: cur.ownerUnitId,
        instrumentId: cur.instrumentId,
        year: prev,
        title:
          stage === 'baseline'
            ? `Анкетирование для рисковых профилей ${prev}/${prev + 1} (демо)`
            : `Повторное анкетирование в конце ${prev}/${prev + 1} учебного года (демо)`,
        stage,
        baselineCampaignId: baselineId,
        groups: cur.groups,
        opensOn: stage === 'baseline' ? `${prev}-09-20` : `${prev + 1}-05-05`,
        closesOn: stage === 'baseline' ? `${prev}-10-20` : `${prev + 1}-05-25`,
        status: 'closed',
        createdBy: cur.createdBy,
      })
      .returning({ id: riskCampaigns.id });
    if (!c) throw new Error('demo campaign not created');
    await db.insert(riskCampaignSchools).values(schools.map((s) => ({ ...s, campaignId: c.id })));
    const submittedAt = new Date(
      stage === 'baseline' ? `${prev}-10-10T10:00:00Z` : `${prev + 1}-05-15T10:00:00Z`,
    );
    const rows = answers.map((r) => ({
      campaignId: c.id,
      schoolId: r.schoolId,
      group: r.group,
      respondentId: randomUUID(),
      userId: r.userId,
      answers: shift(r.answers, riskier, rng),
      submittedAt,
    }));
    for (let i = 0; i < rows.length; i += 1000)
      await db.insert(riskResponses).values(rows.slice(i, i + 1000));
    return c.id;
  };
  const prevBaseline = await copy('baseline', null, 0.45);
  const prevFollowup = await copy('followup', prevBaseline, 0.15);
  let profiles = 0;
  for (const campaignId of [prevBaseline, prevFollowup, cur.id]) {
    profiles += (await computeCampaignProfiles(db, { actor: DEMO_LOADER, campaignId })).schools;
  }
  await verifySecondSchool(run, cur.id);
  return { profiles };
}

const ITEMS = new Map(DEFAULT_INSTRUMENT.items.map((i) => [i.id, i]));

/** Each answer moved one option riskier with probability p (and one safer with p/4). */
function shift(answers: Record<string, Answer>, p: number, rng: Rng): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const [id, a] of Object.entries(answers)) {
    const item = ITEMS.get(id);
    out[id] =
      item && typeof a === 'string' ? step(item, a, rng.chance(p) ? 1 : rng.chance(p / 4) ? -1 : 0) : a;
  }
  return out;
}

function step(item: InstrumentItem, value: string, dir: number): string {
  const options = [...(item.options ?? [])].sort((x, y) => x.risk - y.risk);
  const i = options.findIndex((o) => o.value === value);
  if (i < 0 || dir === 0) return value;
  return options[Math.max(0, Math.min(options.length - 1, i + dir))]?.value ?? value;
}

/** The curator's other school: visited, one level changed with a comment, two priorities. */
async function verifySecondSchool(run: DemoRun, campaignId: string): Promise<void> {
  const curator = run.users.main.curator;
  const school = run.picks.curated.find((s) => s.id !== run.picks.s1.id);
  if (!school) return;
  const ctx = { db: run.db, actor: curator, campaignId, schoolId: school.id };
  const visited = await recordVisit(run.db, {
    ...ctx,
    visitDate: run.today < `${run.year}-11-12` ? run.today : `${run.year}-11-12`,
    participants: 'Директор, заместитель директора по УВР, руководители ШМО, куратор',
    observed: {
      documents: 'Программа развития, учебный план, протоколы педсоветов',
      lessons: 'Математика 7 класс, русский язык 5 класс',
      interviews: 'Беседа с директором и двумя учителями',
    },
    version: 0,
  });
  const levels = Object.fromEntries(
    visited.factors.map((f, i) =>
      i === 1 && f.level !== 'high'
        ? [
            f.code,
            {
              level: 'high' as const,
              comment: 'На визите: две вакансии учителей математики не закрыты с сентября',
            },
          ]
        : [f.code, { level: f.level }],
    ),
  );
  const top = [...visited.factors].sort((a, b) => (b.score ?? -1) - (a.score ?? -1)).slice(0, 2);
  await verifyProfile(run.db, {
    ...ctx,
    levels,
    priorityFactors: top.map((f) => f.code),
    version: visited.verification?.version ?? 1,
  });
}
