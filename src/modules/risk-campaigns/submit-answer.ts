import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../../db/client.js';
import { riskAnswerRates } from '../../db/schema/risk-campaigns.js';
import { riskCampaigns } from '../../db/schema/risk-profiles.js';
import type { RespondentGroup } from '../../db/schema/values.js';
import { AppError, invalid, parseInput } from '../../lib/errors.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';
import { type PublicAnswerInput, publicAnswerInput } from './answer-input.js';
import { instrumentOfLink, resolveLink, stateOf } from './answer-link.js';
import { todayIso } from './close-campaign.js';
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

// The statement as text with positional parameters: on PostgreSQL it runs as a named prepared
// statement (parsed and planned once per pooled connection), elsewhere through drizzle.
// The link's school and group must still be in the campaign (a cached link outlives an edit of a draft).
const OPEN = `c.id = $1 and c.status = 'open' and current_date between c.opens_on and c.closes_on
  and $3 = any(c.groups)
  and exists (select 1 from risk_campaign_schools s where s.campaign_id = c.id and s.school_id = $2::uuid)`;
const INSERT = `insert into risk_responses (campaign_id, school_id, "group", respondent_id, answers)`;
const VALUES = `select $1::uuid, $2::uuid, $3::text, $4::uuid, $5::jsonb`;
const WITH_LIMIT = `with lim as (
    insert into risk_answer_rates (link_id, ip_hash, hour, n) values ($6, $7, $8, 1)
    on conflict (link_id, ip_hash, hour) do update set n = risk_answer_rates.n + 1 returning n)
  ${INSERT} ${VALUES} from risk_campaigns c, lim where ${OPEN} and lim.n <= $9
  on conflict (campaign_id, respondent_id) do nothing returning submitted_at`;
const WITHOUT_LIMIT = `${INSERT} ${VALUES} from risk_campaigns c where ${OPEN}
  on conflict (campaign_id, respondent_id) do nothing returning submitted_at`;

type Row = { submitted_at: string | Date };

async function insertResponse(
  db: Db,
  link: { campaignId: string; schoolId: string; group: RespondentGroup; linkId: string },
  respondentId: string,
  answersJson: string,
  limit: { ip: string; hour: number } | null,
): Promise<Row[]> {
  const values: (string | number)[] = [link.campaignId, link.schoolId, link.group, respondentId, answersJson];
  if (limit) values.push(link.linkId, limit.ip, limit.hour, ANON_PER_IP_HOUR);
  const text = limit ? WITH_LIMIT : WITHOUT_LIMIT;
  const client: unknown = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) {
    const res = await client.query<Row>({
      name: limit ? 'risk_submit_limited' : 'risk_submit',
      text,
      values,
    });
    return res.rows;
  }
  // PGlite (one process, no pool): drizzle with the same text, parameters bound in order.
  const chunks = text.split(/\$(\d+)/);
  const query = sql.join(
    chunks.map((c, i) => (i % 2 === 0 ? sql.raw(c) : sql`${values[Number(c) - 1]}`)),
    sql.raw(''),
  );
  const res = (await db.execute(query)) as unknown as { rows: Row[] };
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
  const today = todayIso();
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
