import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/rows.js';
import { coordinatorsOf, curatorsOf, keepersOf } from '../recipients.js';
import type { Addressed, EventRule } from './types.js';

// A campaign or a monitoring opened → its participants; a list approved → those who work with its schools.

export const campaignOpened: EventRule<'risk_campaign.opened'> = async (tx, { target }) => {
  const [c] = await queryRows<{ title: string; closes_on: string }>(
    tx,
    sql`select title, to_char(closes_on, 'DD.MM.YYYY') as closes_on from risk_campaigns where id = ${target.entityId}`,
  );
  if (!c) return [];
  const schools = await queryRows<{ school_id: string }>(
    tx,
    sql`select school_id from risk_campaign_schools where campaign_id = ${target.entityId}`,
  );
  const out: Addressed[] = [];
  for (const s of schools)
    out.push({
      userIds: await keepersOf(tx, s.school_id),
      kind: 'campaign_opened',
      title: 'Началось анкетирование',
      body: `«${c.title}»: анкетирование открыто до ${c.closes_on}.`,
      link: `/risk-campaigns/${target.entityId}/schools/${s.school_id}`,
      objectType: 'risk_campaign',
      objectId: target.entityId,
      orgUnitId: s.school_id,
      dedupeKey: `opened:risk_campaign:${target.entityId}:${s.school_id}`,
    });
  return out;
};

export const monitoringOpened: EventRule<'monitoring.opened'> = async (tx, { target }) => {
  const [m] = await queryRows<{ title: string; period_end: string }>(
    tx,
    sql`select title, to_char(period_end, 'DD.MM.YYYY') as period_end from monitorings where id = ${target.entityId}`,
  );
  if (!m) return [];
  const units = await queryRows<{ org_unit_id: string }>(
    tx,
    sql`select org_unit_id from monitoring_responses where monitoring_id = ${target.entityId}`,
  );
  const out: Addressed[] = [];
  for (const u of units)
    out.push({
      userIds: await keepersOf(tx, u.org_unit_id),
      kind: 'campaign_opened',
      title: 'Начался мониторинг',
      body: `«${m.title}»: заполните форму мониторинга (период до ${m.period_end}).`,
      link: `/monitorings/${target.entityId}/units/${u.org_unit_id}`,
      objectType: 'monitoring',
      objectId: target.entityId,
      orgUnitId: u.org_unit_id,
      dedupeKey: `opened:monitoring:${target.entityId}:${u.org_unit_id}`,
    });
  return out;
};

const LIST_KIND_NAMES: Record<string, string> = {
  shnor: 'ШНОР',
  shnsu: 'ШНСУ',
  riskZone: 'школ в зоне риска',
  resilient: 'резильентных школ',
};

export const listApproved: EventRule<'identification_list.approved'> = async (tx, { target, payload }) => {
  const [l] = await queryRows<{ kind: string; year: number }>(
    tx,
    sql`select kind, year from identification_lists where id = ${target.entityId}`,
  );
  if (!l) return [];
  const schools = await queryRows<{ school_id: string }>(
    tx,
    sql`select school_id from identification_list_schools where list_id = ${target.entityId}`,
  );
  const name = LIST_KIND_NAMES[l.kind] ?? 'школ';
  const out: Addressed[] = [];
  const base = {
    kind: 'list_approved' as const,
    title: 'Утверждён список школ',
    body: `Список ${name} на ${l.year} год утверждён приказом № ${payload.orderNumber}.`,
    link: `/identification/lists/${target.entityId}`,
    objectType: 'identification_list',
    objectId: target.entityId,
    dedupeKey: `approved:identification_list:${target.entityId}`,
  };
  for (const s of schools) {
    const userIds = [
      ...(await keepersOf(tx, s.school_id)),
      ...(await curatorsOf(tx, s.school_id)),
      ...(await coordinatorsOf(tx, s.school_id)),
    ];
    out.push({ ...base, userIds, orgUnitId: s.school_id });
  }
  return out;
};
