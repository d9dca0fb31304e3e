import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { regionOfPath } from '../access/region-level.js';
import { type Notice, noticesFor, notify } from '../notifications/notify.js';
import { recipientsOfUnits, type UnitRecipients } from '../notifications/recipients.js';
import { GROUP_LABELS } from '../risk-campaigns/strings.js';
import { addDays, type DeadlineRow, daysBetween, deadlinesUntil } from './deadline-items.js';
import { type Rules, rulesByRegion } from './rules.js';
import { NOTICE } from './strings.js';

// The daily sweep (issue 15 §3): for each region with its rules, work due within N days is told to its
// keepers once («срок через N дней»), overdue work once, and work overdue beyond the region's threshold
// is reported one level up once. Every notice's dedupe key names the fact (kind, object, due date,
// level), so a rerun, a second instance or the next day adds nothing, and a moved deadline is a new fact.

export type SweepResult = { notices: number; regions: number; checked: number };

type Recipients = (unitId: string) => UnitRecipients;

const NOBODY: UnitRecipients = { keepers: [], curators: [], coordinators: [], region: [] };

export async function runDailySweep(db: Db, opts: { today: string; now?: Date }): Promise<SweepResult> {
  const { today } = opts;
  return db.transaction(async (tx) => {
    const rules = await rulesByRegion(tx);
    const active = [...rules.entries()].filter(([, r]) => r.enabled);
    if (active.length === 0) return { notices: 0, regions: 0, checked: 0 };
    const horizon = addDays(today, Math.max(...active.map(([, r]) => r.dueSoonDays)));
    const rows = await deadlinesUntil(tx, horizon);
    const campaigns = await campaignGaps(tx, today, rules);
    // Every unit's recipients in one query (recipients.ts), not four lookups per unit.
    const units = await recipientsOfUnits(tx, [
      ...rows.map((r) => r.unit_id),
      ...campaigns.map((g) => g.school_id),
    ]);
    const who: Recipients = (unitId) => units.get(unitId) ?? NOBODY;
    const notices: Notice[] = [];
    let checked = 0;
    for (const row of rows) {
      const region = regionOfPath(row.unit_path);
      const rule = region ? rules.get(region) : undefined;
      if (!rule?.enabled) continue;
      checked++;
      notices.push(...noticesOfRow(row, rule, today, who));
    }
    notices.push(...campaignNotices(campaigns, who));
    // In chunks: one statement with tens of thousands of rows would pass the parameters' limit.
    let created = 0;
    for (let i = 0; i < notices.length; i += 1000) created += await notify(tx, notices.slice(i, i + 1000));
    return { notices: created, regions: active.length, checked };
  });
}

function noticesOfRow(row: DeadlineRow, rule: Rules, today: string, who: Recipients): Notice[] {
  const age = daysBetween(row.due_date, today);
  const base = {
    link: row.link,
    objectType: row.kind,
    objectId: row.id,
    orgUnitId: row.unit_id,
  };
  const fact = `${row.kind}:${row.id}:${row.due_date}`;
  // The responsible side: the unit's keepers and, for an ИОМ activity, the teacher himself.
  const responsible = [...who(row.unit_id).keepers, ...(row.user_id ? [row.user_id] : [])];
  if (age <= 0) {
    if (-age > rule.dueSoonDays) return [];
    return noticesFor(responsible, {
      ...base,
      kind: 'due_soon',
      title: NOTICE.dueSoonTitle(-age, row.title),
      body: NOTICE.dueSoonBody(row.kind, row.title, row.unit_name, row.due_date),
      dedupeKey: `due_soon:${fact}`,
    });
  }
  const out = noticesFor(responsible, {
    ...base,
    kind: 'overdue',
    title: NOTICE.overdueTitle(row.title),
    body: NOTICE.overdueBody(row.kind, row.title, row.unit_name, row.due_date, age),
    dedupeKey: `overdue:${fact}`,
  });
  const level =
    row.unit_kind === 'school' && age > rule.schoolOverdueDays
      ? 'municipality'
      : row.unit_kind === 'municipality' && age > rule.municipalityOverdueDays
        ? 'region'
        : null;
  if (!level) return out;
  const above =
    level === 'municipality'
      ? [...who(row.unit_id).curators, ...who(row.unit_id).coordinators]
      : who(row.unit_id).region;
  return [
    ...out,
    ...noticesFor(above, {
      ...base,
      kind: 'escalated',
      title: NOTICE.escalatedTitle(row.unit_name, age),
      body: NOTICE.escalatedBody(row.kind, row.title, row.unit_name, row.due_date, age),
      dedupeKey: `escalated:${fact}:${level}`,
    }),
  ];
}

type CampaignGap = {
  campaign_id: string;
  title: string;
  closes_on: string;
  school_id: string;
  school_name: string;
  school_path: string;
  grp: string;
  expected: number;
  got: number;
};

/**
 * «Анкетирование завершается, а школа ниже ожидаемого»: a running campaign whose end is within the
 * region's reminder days, each school with a group answered below the number it is expected to give.
 */
async function campaignGaps(tx: Db, today: string, rules: Map<string, Rules>): Promise<CampaignGap[]> {
  const horizon = addDays(today, Math.max(...[...rules.values()].map((r) => r.dueSoonDays)));
  const gaps = await queryRows<CampaignGap>(
    tx,
    sql`
    select c.id as campaign_id, c.title, to_char(c.closes_on, 'YYYY-MM-DD') as closes_on,
      s.school_id, coalesce(u.short_name, u.name) as school_name, u.path as school_path,
      e.key as grp, e.value::int as expected,
      (select count(*)::int from risk_responses r
        where r.campaign_id = c.id and r.school_id = s.school_id and r."group" = e.key) as got
    from risk_campaigns c join risk_campaign_schools s on s.campaign_id = c.id
    join org_units u on u.id = s.school_id
    cross join lateral jsonb_each_text(s.expected) e
    where c.status = 'open' and c.closes_on >= ${today} and c.closes_on <= ${horizon}
    order by c.id, s.school_id, e.key`,
  );
  return gaps.filter((g) => {
    const rule = rules.get(regionOfPath(g.school_path) ?? '');
    return g.got < g.expected && rule?.enabled && daysBetween(today, g.closes_on) <= rule.dueSoonDays;
  });
}

function campaignNotices(gaps: CampaignGap[], who: Recipients): Notice[] {
  const bySchool = new Map<string, CampaignGap[]>();
  for (const g of gaps) {
    const key = `${g.campaign_id}:${g.school_id}`;
    bySchool.set(key, [...(bySchool.get(key) ?? []), g]);
  }
  const out: Notice[] = [];
  for (const group of bySchool.values()) {
    const first = group[0];
    if (!first) continue;
    const text = group
      .map((g) =>
        NOTICE.campaignGap(GROUP_LABELS[g.grp as keyof typeof GROUP_LABELS] ?? g.grp, g.got, g.expected),
      )
      .join('; ');
    out.push(
      ...noticesFor(who(first.school_id).keepers, {
        kind: 'campaign_closing',
        title: NOTICE.campaignTitle(first.title, first.closes_on),
        body: NOTICE.campaignBody(first.school_name, text),
        link: `/risk-campaigns/${first.campaign_id}/schools/${first.school_id}`,
        objectType: 'risk_campaign',
        objectId: first.campaign_id,
        orgUnitId: first.school_id,
        dedupeKey: `campaign_closing:${first.campaign_id}:${first.school_id}:${first.closes_on}`,
      }),
    );
  }
  return out;
}
