import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { riskCampaignLinks } from '../../db/schema/risk-campaigns.js';
import {
  riskCampaignSchools,
  riskCampaigns,
  riskInstruments,
  riskResponses,
} from '../../db/schema/risk-profiles.js';
import type { RespondentGroup } from '../../db/schema/values.js';
import { openInTx } from '../risk-campaigns/open-campaign.js';
import { hashToken, newToken } from '../risk-campaigns/tokens.js';
import { type Instrument, instrumentSchema } from '../risk-profiles/instrument.js';
import type { Answer } from '../risk-profiles/score-profile.js';
import { addDays } from './demo-execution.js';
import type { DemoCampaign } from './demo-questionnaires.js';
import { createRng, type Rng, seedOf } from './demo-random.js';
import type { DemoRun } from './demo-run.js';

// The demo's running campaign (issue 11 §2): the first municipality questions its schools now, with the
// region's frozen instrument. A few answers have come in; the demo school («school») has personal links
// for its teachers (two already used) and its anonymous pupil and parent links, and its pupils are one
// answer short of the minimum — so a pupil answering in the browser story makes the group count.

const TEACHERS = [
  'Анна Сергеевна',
  'Ольга Викторовна',
  'Игорь Петрович',
  'Марина Юрьевна',
  'Светлана Ивановна',
];

export async function loadDemoCampaigns(
  run: DemoRun,
  previous: DemoCampaign,
): Promise<{ campaignId: string }> {
  const { db, picks } = run;
  const rng = createRng(seedOf('opora-demo-campaigns'));
  const coordinator = run.users.main.municipality;
  const [ins] = await db
    .select({ document: riskInstruments.document })
    .from(riskInstruments)
    .where(eq(riskInstruments.id, previous.instrumentId));
  const instrument = instrumentSchema.parse(ins?.document);
  const m1 = picks.m1;
  const [campaign] = await db
    .insert(riskCampaigns)
    .values({
      ownerUnitId: m1.id,
      instrumentId: previous.instrumentId,
      year: run.year,
      title: `Анкетирование школ: рисковые профили ${run.year}/${run.year + 1} (${m1.short})`,
      stage: 'baseline',
      groups: ['director', 'teacher', 'pupil', 'parent'],
      opensOn: addDays(run.today, -7),
      closesOn: addDays(run.today, 30),
      createdBy: coordinator.userId,
    })
    .returning({ id: riskCampaigns.id, version: riskCampaigns.version });
  if (!campaign) throw new Error('demo campaign not created');
  await db.insert(riskCampaignSchools).values(
    m1.schools.map((s) => ({
      campaignId: campaign.id,
      schoolId: s.id,
      expected: {
        director: 1,
        teacher: Math.max(8, Math.round(s.pupils / 14)),
        pupil: Math.min(60, Math.max(10, Math.round(s.pupils / 6))),
        parent: Math.min(60, Math.max(10, Math.round(s.pupils / 6))),
      },
    })),
  );
  await openInTx(db, coordinator, campaign.id, campaign.version, previous.instrumentId, m1.id);

  const rows: (typeof riskResponses.$inferInsert)[] = [];
  const answer = (schoolId: string, group: RespondentGroup, respondentId = randomUUID()) =>
    rows.push({
      campaignId: campaign.id,
      schoolId,
      group,
      respondentId,
      answers: answersOf(instrument, group, rng),
    });
  for (const s of m1.schools) {
    if (s.id === picks.s1.id) continue;
    if (rng.chance(0.6)) answer(s.id, 'director');
    for (const [group, max] of [
      ['teacher', 9],
      ['pupil', 25],
      ['parent', 12],
    ] as const)
      for (let i = rng.int(0, max); i > 0; i--) answer(s.id, group);
  }
  // The demo school: no director answer yet, 4 pupils (minimum 5), 3 parents, and its teachers' links.
  for (let i = 0; i < 4; i++) answer(picks.s1.id, 'pupil');
  for (let i = 0; i < 3; i++) answer(picks.s1.id, 'parent');
  const links = TEACHERS.map((label) => ({
    campaignId: campaign.id,
    schoolId: picks.s1.id,
    group: 'teacher' as const,
    kind: 'personal' as const,
    // Handed out on paper in the demo's story: the tokens are not kept anywhere.
    tokenHash: hashToken(newToken()),
    respondentId: randomUUID(),
    label,
    createdBy: run.users.main.school.userId,
  }));
  await db.insert(riskCampaignLinks).values(links);
  for (const l of links.slice(0, 2)) answer(picks.s1.id, 'teacher', l.respondentId);
  for (let i = 0; i < rows.length; i += 1000) await db.insert(riskResponses).values(rows.slice(i, i + 1000));
  return { campaignId: campaign.id };
}

/** A plausible questionnaire: mostly middle answers, a few items skipped. */
function answersOf(instrument: Instrument, group: RespondentGroup, rng: Rng): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const item of instrument.items) {
    if (item.group !== group || rng.chance(0.05)) continue;
    if (item.type === 'number') {
      out[item.id] = Math.round((item.riskIf?.value ?? 5) * (0.5 + rng.next()));
      continue;
    }
    const options = item.options ?? [];
    const pick = options[rng.int(0, Math.max(0, options.length - 1))]?.value;
    if (pick === undefined) continue;
    out[item.id] = item.type === 'multi' ? [pick] : pick;
  }
  return out;
}
