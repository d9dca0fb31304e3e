import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskCampaignSchools, riskProfiles } from '../../db/schema/risk-profiles.js';
import type { RespondentGroup } from '../../db/schema/values.js';
import { AppError } from '../../lib/errors.js';
import { type AnyActor, isSystem } from '../access/actor.js';
import { type BulkLoader, type BulkTable, insertLoader } from '../assessment-data/store.js';
import { recordEvent } from '../audit/record-event.js';
import { forEachRow, literal } from '../identification/copy-rows.js';
import { instrumentOfCampaign, runsCampaign, visibleCampaign } from './profile-access.js';
import { type Answer, ProfileScorer, type SchoolProfile } from './score-profile.js';
import { S } from './strings.js';

// The profiles of a campaign, computed by the one rule (ProfileScorer) from every submitted questionnaire
// and stored in place of the campaign's previous profiles in one transaction. A national campaign is
// about 900,000 questionnaires: they are streamed (binary COPY where the database offers it, see
// copy-rows.ts) and fed to the scorer row by row, never held as objects.

export type ComputeSummary = {
  campaignId: string;
  schools: number;
  responses: number;
  /** Answers to items the instrument does not have or that belong to another group: never counted. */
  ignoredAnswers: number;
  computedAt: string;
  ms: number;
};

type Progress = (fraction: number, message: string) => Promise<void>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function computeCampaignProfiles(
  db: Db,
  opts: { actor: AnyActor; campaignId: string; bulk?: BulkLoader; progress?: Progress },
): Promise<ComputeSummary> {
  const started = Date.now();
  if (!UUID.test(opts.campaignId)) throw new AppError('NOT_FOUND', S.campaignNotFound);
  const campaign = await visibleCampaign(db, opts.actor, opts.campaignId);
  if (!isSystem(opts.actor) && !runsCampaign(opts.actor, campaign))
    throw new AppError('FORBIDDEN', S.computeRefused);
  if (campaign.status !== 'closed') throw new AppError('CONFLICT', S.computeNotClosed);
  const instrument = await instrumentOfCampaign(db, campaign);
  const scorer = new ProfileScorer(instrument);
  const progress = opts.progress ?? (async () => {});
  const bulk = opts.bulk ?? insertLoader(db);
  let responses = 0;
  let ignored = 0;
  const computedAt = new Date();
  // Progress is written before and after, never inside the transaction: PGlite has one connection, and
  // a write on the outer handle there would wait for the transaction forever.
  await progress(0.05, 'Чтение ответов и расчёт профилей…');
  const count = await bulk.transaction(async (s) => {
    // Every school of the campaign gets a profile, also one without a single answer: it then says so.
    const schools = await s.db
      .select({ id: riskCampaignSchools.schoolId })
      .from(riskCampaignSchools)
      .where(eq(riskCampaignSchools.campaignId, campaign.id));
    for (const school of schools) scorer.touch(school.id);
    const groupOf = new Map(instrument.items.map((i) => [i.id, i.group]));
    const ids = new Map<string, string>(schools.map((x) => [x.id.replaceAll('-', ''), x.id]));
    // respondent_id is unique within a campaign (risk_responses_respondent_uq): one row is one
    // respondent, so the row's number tells respondents apart as well as the uuid and costs less.
    await forEachRow(
      s,
      `select school_id, "group", answers::text from risk_responses where campaign_id = ${literal(campaign.id)}`,
      (row) => {
        const key = row.uuidKey(0);
        let schoolId = ids.get(key);
        if (!schoolId) {
          schoolId = `${key.slice(0, 8)}-${key.slice(8, 12)}-${key.slice(12, 16)}-${key.slice(16, 20)}-${key.slice(20)}`;
          ids.set(key, schoolId);
        }
        const group = row.text(1) as RespondentGroup;
        const respondent = String(responses++);
        scorer.touch(schoolId);
        const answers = JSON.parse(row.text(2) ?? '{}') as Record<string, Answer>;
        for (const itemId in answers) {
          if (groupOf.get(itemId) !== group) {
            ignored++;
            continue;
          }
          scorer.add(schoolId, respondent, itemId, answers[itemId] as Answer);
        }
      },
    );
    const profiles = scorer.profiles();
    await s.db.delete(riskProfiles).where(eq(riskProfiles.campaignId, campaign.id));
    await s.copy(profileTable(campaign.id, profiles, computedAt.toISOString()));
    await recordEvent(
      s.db,
      opts.actor,
      'risk_profiles.computed',
      { entityType: 'risk_campaign', entityId: campaign.id, orgUnitId: campaign.ownerUnitId },
      { schools: profiles.length, responses },
    );
    return profiles.length;
  });
  await progress(0.99, 'Профили сохранены');
  return {
    campaignId: campaign.id,
    schools: count,
    responses,
    ignoredAnswers: ignored,
    computedAt: computedAt.toISOString(),
    ms: Date.now() - started,
  };
}

function profileTable(campaignId: string, profiles: SchoolProfile[], computedAt: string): BulkTable {
  return {
    table: 'risk_profiles',
    columns: ['campaign_id', 'school_id', 'result', 'computed_at'],
    length: profiles.length,
    row(i, out) {
      const p = profiles[i] as SchoolProfile;
      out[0] = campaignId;
      out[1] = p.schoolId;
      out[2] = JSON.stringify(p);
      out[3] = computedAt;
      return out;
    },
  };
}
