import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaignLinks } from '../../db/schema/risk-campaigns.js';
import { riskCampaigns, riskInstruments, riskResponses } from '../../db/schema/risk-profiles.js';
import type { RespondentGroup } from '../../db/schema/values.js';
import { notFound } from '../../lib/errors.js';
import type { Instrument } from '../risk-profiles/instrument.js';
import { hashToken } from './tokens.js';
import { cachedInstrument, parsedInstrument } from './validate-answers.js';
import type { answerFormView, formItemView } from './views.js';

// The link behind a token. What a link points to never changes (campaign, school, group, instrument),
// so it is kept in process memory: a submission then costs one INSERT. The campaign's status and dates
// do change, and are read inside that INSERT.

export type LinkFacts = {
  linkId: string;
  kind: 'personal' | 'anonymous';
  campaignId: string;
  schoolId: string;
  group: RespondentGroup;
  respondentId: string | null;
  instrumentId: string;
};

const cache = new Map<string, LinkFacts>();
const CACHE_MAX = 300_000;

export async function resolveLink(db: Db, token: string): Promise<LinkFacts> {
  const hash = hashToken(token);
  const hit = cache.get(hash);
  if (hit) return hit;
  const [row] = await db
    .select({
      linkId: riskCampaignLinks.id,
      kind: riskCampaignLinks.kind,
      campaignId: riskCampaignLinks.campaignId,
      schoolId: riskCampaignLinks.schoolId,
      group: riskCampaignLinks.group,
      respondentId: riskCampaignLinks.respondentId,
      instrumentId: riskCampaigns.instrumentId,
    })
    .from(riskCampaignLinks)
    .innerJoin(riskCampaigns, eq(riskCampaigns.id, riskCampaignLinks.campaignId))
    .where(eq(riskCampaignLinks.tokenHash, hash));
  if (!row) throw notFound('Ссылка');
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(hash, row);
  return row;
}

export type FormItem = z.infer<typeof formItemView>;

/** The questions of a group as the respondent sees them: no risk values, no factors. */
export function formItems(instrument: Instrument, group: RespondentGroup): FormItem[] {
  return instrument.items
    .filter((i) => i.group === group)
    .map((i) => ({
      id: i.id,
      type: i.type,
      text: i.text ?? i.id,
      section: typeof i.section === 'string' ? i.section : null,
      options: (i.options ?? []).map((o) => ({ value: o.value, label: o.label ?? o.value })),
    }));
}

export type AnswerState = z.infer<typeof answerFormView>['state'];

export function stateOf(
  c: { status: string; opensOn: string; closesOn: string },
  today: string,
): AnswerState {
  if (c.status === 'closed' || c.closesOn < today) return 'closed';
  if (c.status !== 'open' || c.opensOn > today) return 'not_yet_open';
  return 'open';
}

/** The public form of a link: the questionnaire text, the school's short name, the campaign's dates. */
export async function getAnswerForm(
  db: Db,
  opts: { token: string; today: string },
): Promise<z.infer<typeof answerFormView>> {
  const link = await resolveLink(db, opts.token);
  const [row] = await db
    .select({
      title: riskCampaigns.title,
      status: riskCampaigns.status,
      opensOn: riskCampaigns.opensOn,
      closesOn: riskCampaigns.closesOn,
      shortName: orgUnits.shortName,
      name: orgUnits.name,
      document: riskInstruments.document,
      instrumentStatus: riskInstruments.status,
      answered: link.respondentId
        ? sql<boolean>`exists (select 1 from ${riskResponses} r where r.campaign_id = ${link.campaignId} and r.respondent_id = ${link.respondentId})`
        : sql<boolean>`false`,
    })
    .from(riskCampaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, link.schoolId))
    .innerJoin(riskInstruments, eq(riskInstruments.id, riskCampaigns.instrumentId))
    .where(eq(riskCampaigns.id, link.campaignId));
  if (!row) throw notFound('Ссылка');
  // A draft campaign's questionnaire may still change: kept in memory only once it is frozen.
  const { instrument } = parsedInstrument(link.instrumentId, row.document, row.instrumentStatus === 'frozen');
  return {
    campaignTitle: row.title,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    state: stateOf(row, opts.today),
    schoolName: row.shortName ?? row.name,
    group: link.group,
    answered: row.answered,
    items: formItems(instrument, link.group),
  };
}

/** The instrument of a link for checking answers (cached with the link). */
export async function instrumentOfLink(db: Db, link: LinkFacts) {
  const hit = cachedInstrument(link.instrumentId);
  if (hit) return hit;
  const [row] = await db
    .select({ document: riskInstruments.document, status: riskInstruments.status })
    .from(riskInstruments)
    .where(eq(riskInstruments.id, link.instrumentId));
  if (!row) throw notFound('Анкета');
  return parsedInstrument(link.instrumentId, row.document, row.status === 'frozen');
}
