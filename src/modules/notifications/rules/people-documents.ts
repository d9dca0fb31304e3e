import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { queryRows } from '../../../db/rows.js';
import type { NotificationKind } from '../../../db/schema/values.js';
import { curatorsOf, keepersOf } from '../recipients.js';
import { commentTail, withUnit } from './lookups.js';
import type { Addressed, EventRule } from './types.js';

// ИОМ activities, a school's documents on their way, and expertise assigned.

export const activityStatusChanged: EventRule<'route_activity.status_changed'> = async (
  tx,
  { target, payload },
) => {
  const [a] = await queryRows<{
    id: string;
    route_id: string;
    version: number;
    school_id: string;
    school: string;
    teacher: string;
    teacher_user: string | null;
    responsible_user: string | null;
  }>(
    tx,
    sql`
    select a.id, a.route_id, a.version, r.school_id, u.name as school,
      concat_ws(' ', s.last_name, s.first_name, s.middle_name) as teacher,
      s.user_id as teacher_user, a.responsible_user_id as responsible_user
    from route_activities a join individual_routes r on r.id = a.route_id
      join staff_members s on s.id = r.staff_member_id join org_units u on u.id = r.school_id
    where a.id = ${target.entityId}`,
  );
  if (!a) return [];
  const facts: Record<string, { kind: NotificationKind; title: string; verb: string } | undefined> = {
    done: { kind: 'awaiting_confirmation', title: 'Действие ИОМ ждёт подтверждения', verb: 'выполнено' },
    returned: { kind: 'returned', title: 'Действие ИОМ возвращено', verb: 'возвращено на доработку' },
    confirmed: { kind: 'confirmed', title: 'Действие ИОМ подтверждено', verb: 'подтверждено' },
  };
  const fact = facts[payload.to];
  if (!fact) return [];
  const team = await keepersOf(tx, a.school_id);
  // «Выполнено» goes to those who confirm (the team, the responsible user); the outcome — to the teacher.
  const userIds =
    payload.to === 'done'
      ? [...team, ...(a.responsible_user ? [a.responsible_user] : [])]
      : a.teacher_user
        ? [a.teacher_user]
        : team;
  const text = payload.to === 'returned' ? commentTail(payload.text) : '';
  return [
    {
      userIds,
      kind: fact.kind,
      title: fact.title,
      body: withUnit(a.school, `ИОМ педагога ${a.teacher}: «${payload.title}» — ${fact.verb}.${text}`),
      link: `/individual-routes/${a.route_id}`,
      objectType: 'route_activity',
      objectId: a.id,
      orgUnitId: a.school_id,
      dedupeKey: `${payload.to}:route_activity:${a.id}:v${a.version}`,
    },
  ];
};

const DOCUMENT_FACTS: Record<
  string,
  { kind: NotificationKind; title: string; verb: string; toCurator: boolean } | undefined
> = {
  curator_review: {
    kind: 'document_sent',
    title: 'Документ направлен на согласование',
    verb: 'направлен куратору на согласование',
    toCurator: true,
  },
  rework: {
    kind: 'document_returned',
    title: 'Документ возвращён на доработку',
    verb: 'возвращён на доработку',
    toCurator: false,
  },
  agreed: { kind: 'document_agreed', title: 'Документ согласован', verb: 'согласован', toCurator: false },
  approved: { kind: 'document_approved', title: 'Документ утверждён', verb: 'утверждён', toCurator: false },
};

export const documentStatusChanged: EventRule<'school_document.status_changed'> = async (
  tx,
  { target, payload },
) => {
  // Back from «опубликовано» to «утверждено» is a withdrawal from the public site, not a new approval.
  const fact = payload.from === 'published' ? undefined : DOCUMENT_FACTS[payload.to];
  if (!fact) return [];
  const [d] = await queryRows<{
    id: string;
    version: number;
    title: string;
    school_id: string;
    school: string;
  }>(
    tx,
    sql`select d.id, d.version, d.title, d.school_id, u.name as school
        from school_documents d join org_units u on u.id = d.school_id where d.id = ${target.entityId}`,
  );
  if (!d) return [];
  const userIds = fact.toCurator ? await curatorsOf(tx, d.school_id) : await keepersOf(tx, d.school_id);
  return [
    {
      userIds,
      kind: fact.kind,
      title: fact.title,
      body: withUnit(d.school, `«${d.title}» ${fact.verb}.${commentTail(payload.comment)}`),
      link: `/programs/${d.id}`,
      objectType: 'school_document',
      objectId: d.id,
      orgUnitId: d.school_id,
      dedupeKey: `${payload.to}:school_document:${d.id}:v${d.version}`,
    },
  ];
};

/** Assigned or reassigned: the review's reviewer now (an expert, or the expert school's team). */
async function reviewAssigned(tx: Db, reviewId: string): Promise<Addressed[]> {
  const [r] = await queryRows<{
    id: string;
    version: number;
    reviewer_user_id: string | null;
    reviewer_school_id: string | null;
    target_unit_id: string;
    unit: string;
    object: string | null;
  }>(
    tx,
    sql`
    select r.id, r.version, r.reviewer_user_id, r.reviewer_school_id, r.target_unit_id, u.name as unit,
      coalesce(d.title, m.title) as object
    from expertise_reviews r join org_units u on u.id = r.target_unit_id
      left join school_documents d on d.id = r.school_document_id left join roadmaps m on m.id = r.roadmap_id
    where r.id = ${reviewId}`,
  );
  if (!r) return [];
  const userIds = r.reviewer_user_id
    ? [r.reviewer_user_id]
    : r.reviewer_school_id
      ? await keepersOf(tx, r.reviewer_school_id)
      : [];
  const reviewer = r.reviewer_user_id ?? r.reviewer_school_id ?? '';
  return [
    {
      userIds,
      kind: 'expertise_assigned',
      title: 'Назначена экспертиза',
      // Mutual expertise is blind below the region: the expert school is not told whose document it is.
      body: r.reviewer_user_id
        ? withUnit(r.unit, `вам поручена экспертиза${r.object ? ` документа «${r.object}»` : ''}.`)
        : 'Вашей школе поручена взаимная экспертиза документа другой школы.',
      link: `/expertise/reviews/${r.id}`,
      objectType: 'expertise_review',
      objectId: r.id,
      orgUnitId: r.target_unit_id,
      dedupeKey: `expertise:review:${r.id}:${reviewer}:v${r.version}`,
    },
  ];
}

export const reviewAssignedRule: EventRule<'expertise_review.assigned'> = (tx, { target }) =>
  reviewAssigned(tx, target.entityId);
export const reviewReassignedRule: EventRule<'expertise_review.reassigned'> = (tx, { target }) =>
  reviewAssigned(tx, target.entityId);
