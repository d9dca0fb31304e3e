import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { RESPONDENT_GROUPS } from '../../db/schema/values.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Actor, AnyActor } from '../access/actor.js';
import { computeState } from './compute-job.js';
import { type Instrument, ruleOf } from './instrument.js';
import {
  type CampaignRow,
  instrumentOfCampaign,
  isCuratorOf,
  isTeamOf,
  schoolReadable,
} from './profile-access.js';
import {
  campaignRef,
  campaignsOfSchool,
  storedProfile,
  type VerificationRow,
  verificationOf,
} from './profile-rows.js';
import type { FactorView, SchoolProfileView, VerificationView } from './profile-views.js';
import type { SchoolProfile } from './score-profile.js';
import { excludedGroupText, GROUP_LABELS, S } from './strings.js';
import { verificationHistory } from './verify-history.js';

// The school's risk profile as its page shows it: bars per factor with the items behind each level,
// the groups counted and left out with their numbers, the year before beside it, the baseline of a
// follow-up (level before → after), and the curator's verification.

export async function getSchoolProfile(
  db: Db,
  opts: { actor: Actor; schoolId: string; campaignId?: string },
): Promise<SchoolProfileView> {
  const school = await visibleSchool(db, opts.actor, opts.schoolId);
  const campaigns = await campaignsOfSchool(db, school.id);
  const base = { school, campaigns: campaigns.map(campaignRef) };
  const empty = {
    job: null,
    rule: null,
    computedAt: null,
    groups: [],
    factors: [],
    previous: null,
    baseline: null,
  };
  let campaign: CampaignRow | undefined;
  if (opts.campaignId) {
    campaign = campaigns.find((c) => c.id === opts.campaignId);
    if (!campaign) throw new AppError('NOT_FOUND', S.campaignNotFound);
  } else {
    for (const c of campaigns) if (!campaign && (await storedProfile(db, c.id, school.id))) campaign = c;
    campaign ??= campaigns[0];
  }
  if (!campaign) {
    return {
      ...base,
      ...empty,
      campaign: null,
      state: 'no_campaign',
      stateText: 'Школа ещё не участвовала в анкетировании',
      verification: null,
    };
  }
  const instrument = await instrumentOfCampaign(db, campaign);
  const stored = await storedProfile(db, campaign.id, school.id);
  const { job } = await computeState(db, campaign.id);
  const rule = ruleOf(instrument);
  const ruleText = { ...rule, text: S.rule };
  const verification = await verificationOf(db, campaign.id, school.id);
  if (!stored) {
    const stateText =
      campaign.status === 'closed'
        ? S.profileNotComputed
        : 'Анкетирование ещё идёт: профиль будет рассчитан после закрытия кампании';
    return {
      ...base,
      ...empty,
      campaign: campaignRef(campaign),
      state: 'not_computed',
      stateText,
      job,
      rule: ruleText,
      verification: verificationView(
        opts.actor,
        school.id,
        verification,
        await verificationHistory(db, campaign.id, school.id),
      ),
    };
  }
  const previousCampaign = campaigns.find((c) => c.year === campaign.year - 1);
  const previous = previousCampaign ? await storedProfile(db, previousCampaign.id, school.id) : null;
  const baselineCampaign =
    campaign.stage === 'followup' ? campaigns.find((c) => c.id === campaign.baselineCampaignId) : undefined;
  const baseline = baselineCampaign ? await storedProfile(db, baselineCampaign.id, school.id) : null;
  const p = stored.profile;
  return {
    ...base,
    campaign: campaignRef(campaign),
    state: 'computed',
    stateText: `Рассчитан ${stored.computedAt.toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' })}`,
    job,
    rule: ruleText,
    computedAt: stored.computedAt.toISOString(),
    groups: RESPONDENT_GROUPS.map((g) => {
      const counted = !p.excludedGroups.includes(g);
      const n = p.groups[g];
      return {
        group: g,
        respondents: n,
        min: rule.minRespondents[g],
        counted,
        text: counted ? `${GROUP_LABELS[g]}: ${n} учтено` : excludedGroupText(g, n, rule.minRespondents[g]),
      };
    }),
    factors: factorViews(instrument, p, verification, previous?.profile ?? null, baseline?.profile ?? null),
    previous: previous && previousCampaign ? campaignRef(previousCampaign) : null,
    baseline: baseline && baselineCampaign ? campaignRef(baselineCampaign) : null,
    verification: verificationView(
      opts.actor,
      school.id,
      verification,
      await verificationHistory(db, campaign.id, school.id),
    ),
  };
}

export async function visibleSchool(db: Db, actor: AnyActor, schoolId: string) {
  const parent = alias(orgUnits, 'parent');
  const [row] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, mId: parent.id, mName: parent.name })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(and(eq(orgUnits.id, schoolId), eq(orgUnits.kind, 'school'), schoolReadable(actor)));
  if (!row) throw notFound('Школа');
  return {
    id: row.id,
    name: row.name,
    municipality: row.mId && row.mName ? { id: row.mId, name: row.mName } : null,
  };
}

export function factorViews(
  instrument: Instrument,
  p: SchoolProfile,
  v: VerificationRow | null,
  previous: SchoolProfile | null,
  before: SchoolProfile | null,
): FactorView[] {
  const text = new Map(instrument.items.map((i) => [i.id, i.text ?? i.id]));
  const at = (q: SchoolProfile | null, code: string) => {
    const f = q?.factors.find((x) => x.code === code);
    return f ? { score: f.score, level: f.level } : null;
  };
  return instrument.factors.map((f) => {
    const computed = p.factors.find((x) => x.code === f.code);
    const verified = v?.levels?.[f.code];
    return {
      code: f.code,
      name: f.name,
      score: computed?.score ?? null,
      level: computed?.level ?? 'nodata',
      items: (computed?.items ?? []).map((i) => ({ ...i, text: text.get(i.itemId) ?? i.itemId })),
      verified: verified ? { level: verified.level, comment: verified.comment } : null,
      previous: at(previous, f.code),
      before: at(before, f.code),
    };
  });
}

function verificationView(
  actor: Actor,
  schoolId: string,
  v: VerificationRow | null,
  history: VerificationView['history'],
): VerificationView {
  const curator = isCuratorOf(actor, schoolId);
  const open = v?.status !== 'verified';
  return {
    status: v?.status ?? 'not_started',
    visitDate: v?.visitDate ?? null,
    participants: v?.participants ?? null,
    observed: {
      documents: v?.observed?.documents ?? '',
      lessons: v?.observed?.lessons ?? '',
      interviews: v?.observed?.interviews ?? '',
    },
    levels: v?.levels ?? {},
    priorityFactors: v?.priorityFactors ?? [],
    verifiedBy: v?.verifiedByName ?? null,
    verifiedAt: v?.verifiedAt?.toISOString() ?? null,
    version: v?.version ?? 0,
    canVerify: curator && open,
    canPropose: (curator || isTeamOf(actor, schoolId)) && open,
    history,
  };
}
