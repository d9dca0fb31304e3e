import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/rows.js';
import { coordinatorsOf, keepersOf, regionOperatorsOf } from '../recipients.js';
import { commentTail, unitNameOf, withUnit } from './lookups.js';
import type { EventRule } from './types.js';

// The bank of practices and publication (issue 15 §1–2): a practice submitted → its reviewers (a
// school's — the municipality; a municipality's own — the region); reviewed or published → its
// authors; an object published → those who keep the unit it belongs to.

const DECISIONS: Record<string, string> = {
  approve: 'одобрена',
  return: 'возвращена на доработку',
  reject: 'отклонена',
};

async function practiceOf(tx: Parameters<EventRule<'practice.submitted'>>[0], id: string) {
  const [p] = await queryRows<{ title: string; author_unit_id: string; kind: string; version: number }>(
    tx,
    sql`select p.title, p.author_unit_id, u.kind, p.version from practices p join org_units u on u.id = p.author_unit_id
        where p.id = ${id}`,
  );
  return p;
}

export const practiceSubmitted: EventRule<'practice.submitted'> = async (tx, { target, payload }) => {
  const p = await practiceOf(tx, target.entityId);
  if (!p) return [];
  const reviewers =
    p.kind === 'school'
      ? await coordinatorsOf(tx, p.author_unit_id)
      : await regionOperatorsOf(tx, p.author_unit_id);
  const unit = await unitNameOf(tx, p.author_unit_id);
  return [
    {
      userIds: reviewers,
      kind: 'practice_submitted',
      title: payload.resubmitted ? 'Практика подана повторно' : 'Практика подана на рассмотрение',
      body: withUnit(unit, `«${payload.title}»`),
      link: `/practices/${target.entityId}`,
      objectType: 'practice',
      objectId: target.entityId,
      orgUnitId: p.author_unit_id,
      // A practice returned and submitted again is a new fact (a new version); one submission is told once.
      dedupeKey: `submitted:practice:${target.entityId}:v${p.version}`,
    },
  ];
};

export const practiceReviewed: EventRule<'practice.reviewed'> = async (tx, { target, payload }) => {
  const p = await practiceOf(tx, target.entityId);
  if (!p) return [];
  return [
    {
      userIds: await keepersOf(tx, p.author_unit_id),
      kind: 'practice_reviewed',
      title: `Практика ${DECISIONS[payload.decision] ?? 'рассмотрена'}`,
      body: `«${p.title}»: оценка ${payload.score} / ${payload.maxScore}.${commentTail(payload.comment)}`,
      link: `/practices/${target.entityId}`,
      objectType: 'practice',
      objectId: target.entityId,
      orgUnitId: p.author_unit_id,
      dedupeKey: `reviewed:practice:${target.entityId}:v${p.version}`,
    },
  ];
};

export const practicePublished: EventRule<'practice.published'> = async (tx, { target, payload }) => {
  const p = await practiceOf(tx, target.entityId);
  if (!p) return [];
  return [
    {
      userIds: await keepersOf(tx, p.author_unit_id),
      kind: 'published',
      title: 'Практика опубликована в банке',
      body: `«${payload.title}»`,
      link: `/practices/${target.entityId}`,
      objectType: 'practice',
      objectId: target.entityId,
      orgUnitId: p.author_unit_id,
      dedupeKey: `published:practice:${target.entityId}:v${p.version}`,
    },
  ];
};

export const objectPublished: EventRule<'publication.published'> = async (tx, { target, payload }) => {
  if (!target.orgUnitId) return [];
  return [
    {
      userIds: await keepersOf(tx, target.orgUnitId),
      kind: 'published',
      title: 'Опубликовано на сайте',
      body: `«${payload.title}», версия ${payload.version}`,
      // The in-app page of publications (it opens the public page): the app router has no /public.
      link: '/publication',
      objectType: payload.kind,
      objectId: payload.objectId,
      orgUnitId: target.orgUnitId,
      dedupeKey: `published:${payload.kind}:${payload.objectId}:v${payload.version}`,
    },
  ];
};
