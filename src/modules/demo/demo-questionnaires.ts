import { randomUUID } from 'node:crypto';
import {
  riskCampaignSchools,
  riskCampaigns,
  riskInstruments,
  riskResponses,
} from '../../db/schema/risk-profiles.js';
import type { RespondentGroup } from '../../db/schema/values.js';
import { DEFAULT_INSTRUMENT } from '../risk-profiles/default-instrument.js';
import type { InstrumentItem } from '../risk-profiles/instrument.js';
import type { Answer } from '../risk-profiles/score-profile.js';
import { createRng, type Rng, seedOf } from './demo-random.js';
import { type DemoRun, orderDate } from './demo-run.js';

// The demo's questionnaire campaign: the region's instrument (the system's draft, frozen by the campaign)
// and synthetic answers of the schools of the first two municipalities, closed in October. Each school
// has a hidden risk per factor (ШНОР higher), and its respondents answer around it; a few schools have
// too few parents, so that their profiles show a group left out.

const SIZES: Record<RespondentGroup, [number, number]> = {
  director: [1, 1],
  teacher: [5, 14],
  pupil: [12, 32],
  parent: [2, 16],
};

export type DemoCampaign = { instrumentId: string; campaignId: string; schoolIds: string[] };

export async function loadDemoQuestionnaires(run: DemoRun): Promise<DemoCampaign> {
  const { db, orgs, picks } = run;
  const rng = createRng(seedOf('opora-demo-questionnaires'));
  const instrument = DEFAULT_INSTRUMENT;
  const [ins] = await db
    .insert(riskInstruments)
    .values({
      regionId: orgs.regionId,
      code: instrument.id,
      versionNo: instrument.version,
      title: String(instrument.title ?? 'Анкеты рискового профиля'),
      document: instrument,
      status: 'frozen',
      createdBy: run.users.main.region.userId,
    })
    .returning({ id: riskInstruments.id });
  if (!ins) throw new Error('demo instrument not created');
  const schools = [picks.m1, picks.m2].flatMap((m) => m.schools);
  const shnor = new Set(picks.shnor.map((s) => s.id));
  const [campaign] = await db
    .insert(riskCampaigns)
    .values({
      ownerUnitId: orgs.regionId,
      instrumentId: ins.id,
      year: run.year,
      title: `Анкетирование для рисковых профилей ${run.year}/${run.year + 1} (демо)`,
      stage: 'baseline',
      groups: ['director', 'teacher', 'pupil', 'parent'],
      opensOn: orderDate(run, 9, 20),
      closesOn: orderDate(run, 10, 20),
      status: 'closed',
      createdBy: run.users.main.region.userId,
    })
    .returning({ id: riskCampaigns.id });
  if (!campaign) throw new Error('demo campaign not created');
  await db.insert(riskCampaignSchools).values(
    schools.map((s) => ({
      campaignId: campaign.id,
      schoolId: s.id,
      expected: { director: 1, teacher: 12, pupil: Math.min(40, Math.round(s.pupils / 10)), parent: 20 },
    })),
  );
  const submittedAt = new Date(`${orderDate(run, 10, 10)}T10:00:00Z`);
  const rows: (typeof riskResponses.$inferInsert)[] = [];
  for (const school of schools) {
    const base = shnor.has(school.id) ? 0.55 : 0.25;
    const latent = new Map(instrument.factors.map((f) => [f.code, clamp(base + (rng.next() - 0.5) * 0.6)]));
    for (const group of ['director', 'teacher', 'pupil', 'parent'] as const) {
      const [min, max] = SIZES[group];
      const n = rng.int(min, max);
      for (let r = 0; r < n; r++) {
        const answers: Record<string, Answer> = {};
        for (const item of instrument.items) {
          if (item.group !== group || rng.chance(0.04)) continue;
          answers[item.id] = answerNear(item, latent.get(item.factor) ?? 0.3, rng);
        }
        rows.push({
          campaignId: campaign.id,
          schoolId: school.id,
          group,
          respondentId: randomUUID(),
          answers,
          submittedAt,
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(riskResponses).values(rows.slice(i, i + 1000));
  return { instrumentId: ins.id, campaignId: campaign.id, schoolIds: schools.map((s) => s.id) };
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** An answer whose risk lies near the school's hidden risk of the item's factor. */
function answerNear(item: InstrumentItem, risk: number, rng: Rng): Answer {
  const target = clamp(risk + (rng.next() - 0.5) * 0.5);
  if (item.type === 'number') {
    const rule = item.riskIf ?? { op: '>=', value: 1 };
    const hit = rng.chance(target);
    const step = Math.max(1, Math.abs(rule.value) * 0.3);
    return (rule.op === '>=') === hit
      ? rule.value + Math.round(rng.next() * step)
      : rule.value - Math.round((0.1 + rng.next()) * step);
  }
  const options = item.options ?? [];
  const nearest = [...options].sort((a, b) => Math.abs(a.risk - target) - Math.abs(b.risk - target));
  if (item.type === 'multi')
    return nearest.slice(0, rng.int(1, Math.min(2, nearest.length))).map((o) => o.value);
  return nearest[0]?.value ?? '';
}
