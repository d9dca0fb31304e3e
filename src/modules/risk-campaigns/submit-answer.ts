import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskAnswerRates } from '../../db/schema/risk-campaigns.js';
import { riskCampaigns } from '../../db/schema/risk-profiles.js';
import type { RespondentGroup } from '../../db/schema/values.js';
import { AppError, invalid, parseInput } from '../../lib/errors.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';
import { type PublicAnswerInput, publicAnswerInput } from './answer-input.js';
import { instrumentOfLink, resolveLink, stateOf } from './answer-link.js';
import { MSG } from './strings.js';
import { deviceRespondentId, ipKey } from './tokens.js';
import { validateAnswers } from './validate-answers.js';

// Submitting a questionnaire by a link: ONE statement does the work and the checks — the campaign is
// open today, the address is under its hourly limit (anonymous links), and the respondent has not
// answered (the unique index on campaign + respondent). Only when it inserts nothing do we look why.

/** Anonymous submissions per link, client address and hour: a school's computer class behind one NAT. */
export const ANON_PER_IP_HOUR = 200;

export type SubmitContext = { secret: string; ip: string; deviceCookie: string | null };

export async function submitByLink(
  db: Db,
  opts: { token: string } & SubmitContext & PublicAnswerInput,
): Promise<{ ok: true; submittedAt: string }> {
  const input = parseInput(publicAnswerInput, { answers: opts.answers, deviceId: opts.deviceId });
  const link = await resolveLink(db, opts.token);
  const answers = validateAnswers(await instrumentOfLink(db, link), link.group, input.answers);
  const json = JSON.stringify(answers);
  let respondentId: string;
  let rows: { submitted_at: string | Date }[];
  if (link.kind === 'personal') {
    respondentId = link.respondentId ?? '';
    rows = await insertResponse(db, link, respondentId, json, null);
  } else {
    const device = opts.deviceCookie ?? input.deviceId;
    if (!device)
      throw invalid('Не удалось определить устройство: разрешите сайту хранить данные и повторите');
    respondentId = deviceRespondentId(opts.secret, link.linkId, device);
    const hour = Math.floor(Date.now() / 3_600_000);
    rows = await insertResponse(db, link, respondentId, json, { ip: ipKey(opts.secret, opts.ip), hour });
  }
  const first = rows[0];
  if (first) return { ok: true, submittedAt: new Date(first.submitted_at).toISOString() };
  throw await whyRefused(db, link, opts.secret, opts.ip, link.kind === 'personal');
}

async function insertResponse(
  db: Db,
  link: { campaignId: string; schoolId: string; group: RespondentGroup; linkId: string },
  respondentId: string,
  answersJson: string,
  limit: { ip: string; hour: number } | null,
): Promise<{ submitted_at: string | Date }[]> {
  const open = sql`c.id = ${link.campaignId} and c.status = 'open' and current_date between c.opens_on and c.closes_on`;
  const values = sql`${link.campaignId}::uuid, ${link.schoolId}::uuid, ${link.group}, ${respondentId}::uuid, ${answersJson}::jsonb`;
  const query = limit
    ? sql`with lim as (
          insert into risk_answer_rates (link_id, ip_hash, hour, n) values (${link.linkId}, ${limit.ip}, ${limit.hour}, 1)
          on conflict (link_id, ip_hash, hour) do update set n = risk_answer_rates.n + 1 returning n)
        insert into risk_responses (campaign_id, school_id, "group", respondent_id, answers)
        select ${values} from risk_campaigns c, lim where ${open} and lim.n <= ${ANON_PER_IP_HOUR}
        on conflict (campaign_id, respondent_id) do nothing returning submitted_at`
    : sql`insert into risk_responses (campaign_id, school_id, "group", respondent_id, answers)
        select ${values} from risk_campaigns c where ${open}
        on conflict (campaign_id, respondent_id) do nothing returning submitted_at`;
  const res = (await db.execute(query)) as unknown as { rows: { submitted_at: string | Date }[] };
  return res.rows;
}

/** Why nothing was inserted: not open, over the limit, or answered before. */
async function whyRefused(
  db: Db,
  link: { campaignId: string; linkId: string },
  secret: string,
  ip: string,
  personal: boolean,
): Promise<AppError> {
  const [c] = await db
    .select({
      status: riskCampaigns.status,
      opensOn: riskCampaigns.opensOn,
      closesOn: riskCampaigns.closesOn,
    })
    .from(riskCampaigns)
    .where(eq(riskCampaigns.id, link.campaignId));
  const today = new Date().toISOString().slice(0, 10);
  const state = c ? stateOf(c, today) : 'closed';
  if (state === 'closed') return invalid(MSG.closed);
  if (state === 'not_yet_open') return invalid(MSG.notYetOpen(formatRuDate(c?.opensOn ?? today)));
  if (!personal) {
    const [rate] = await db
      .select({ n: riskAnswerRates.n })
      .from(riskAnswerRates)
      .where(
        and(
          eq(riskAnswerRates.linkId, link.linkId),
          eq(riskAnswerRates.ipHash, ipKey(secret, ip)),
          eq(riskAnswerRates.hour, Math.floor(Date.now() / 3_600_000)),
        ),
      );
    if ((rate?.n ?? 0) > ANON_PER_IP_HOUR) return new AppError('RATE_LIMITED', MSG.tooMany);
  }
  return new AppError('CONFLICT', personal ? MSG.linkUsed : MSG.alreadyAnswered);
}
