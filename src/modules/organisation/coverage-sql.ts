import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { EventKind, SchoolGroup } from '../../db/schema/values.js';

// The SQL of coverage (issue 12 §4): each statement answers for many units at once (a region and its
// municipalities, or every owner of bound indicators), grouping the schools of each unit's subtree by
// path, so a region of 3,000 schools is a few statements, never one per school.

const idList = (ids: string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

const rowsOf = async <T>(db: Db, q: SQL): Promise<T[]> =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/** `and e.kind in (…)` for the kinds asked for; nothing for any kind. */
const kindFilter = (kinds?: EventKind[]): SQL =>
  kinds?.length
    ? sql`and e.kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;

export type ShnorCounts = {
  unitId: string;
  total: number;
  withCurator: number;
  withMentor: number;
  withAgreement: number;
  withRoadmap: number;
  withProgram: number;
  withVerifiedProfile: number;
};

/**
 * The ШНОР of the list `listId` with what each has of the school year `year` — the one definition of
 * every ШНОР coverage rule, for the counts below and the «Пробелы» rows: a curator assigned, a mentor
 * school paired, a pair with an agreement, an approved roadmap of its own for the year, an approved (or
 * published) programme — the medium-term or an anti-risk one, a concept is not a programme — and a risk
 * profile verified in a campaign of the year. Columns: id, path, cur, men, agr, rm, prg, ver.
 */
export function shnorFlagsSql(listId: string | null, y: number): SQL {
  return sql`select sh.id, sh.path,
      exists (select 1 from curator_assignments ca where ca.school_id = sh.id and ca.year = ${y}) as cur,
      exists (select 1 from mentor_pairs mp where mp.school_id = sh.id and mp.year = ${y}) as men,
      exists (select 1 from mentor_pairs mp join partnership_agreements pa on pa.pair_id = mp.id
              where mp.school_id = sh.id and mp.year = ${y}) as agr,
      exists (select 1 from roadmaps r where r.org_unit_id = sh.id and r.period_year = ${y}
              and r.status = 'approved') as rm,
      exists (select 1 from school_documents d where d.school_id = sh.id and d.year = ${y}
              and d.kind in ('midterm_program', 'antirisk_program')
              and d.status in ('approved', 'published')) as prg,
      exists (select 1 from risk_verifications v join risk_campaigns c on c.id = v.campaign_id
              where v.school_id = sh.id and c.year = ${y} and v.status = 'verified') as ver
    from (select s.id, s.path from identification_list_schools ls join org_units s on s.id = ls.school_id
          where ls.list_id = ${listId}::uuid) sh`;
}

/** The ШНОР of the list `listId` inside each unit's subtree and how many have each thing (shnorFlagsSql). */
export async function shnorCounts(
  db: Db,
  opts: { unitIds: string[]; listId: string | null; year: number },
): Promise<ShnorCounts[]> {
  if (opts.unitIds.length === 0) return [];
  return rowsOf<ShnorCounts>(
    db,
    sql`with u as (select id, path from org_units where id in (${idList(opts.unitIds)})),
      f as (${shnorFlagsSql(opts.listId, opts.year)})
      select u.id as "unitId", count(f.id)::int as total,
        (count(*) filter (where f.cur))::int as "withCurator",
        (count(*) filter (where f.men))::int as "withMentor",
        (count(*) filter (where f.agr))::int as "withAgreement",
        (count(*) filter (where f.rm))::int as "withRoadmap",
        (count(*) filter (where f.prg))::int as "withProgram",
        (count(*) filter (where f.ver))::int as "withVerifiedProfile"
      from u left join f on f.path like u.path || '%'
      group by u.id`,
  );
}

export type EventCounts = {
  unitId: string;
  schools: number;
  schoolsAttended: number;
  /** sum of `org_units.teachers` of the group's schools that have a staff count */
  teachers: number;
  /** schools of the group without a staff count: their teachers are not in `teachers` */
  schoolsWithoutStaff: number;
  /** distinct attended teachers of the group's schools */
  teachersAttended: number;
  /** the same, of schools with a staff count only: the numerator of the teachers' share */
  teachersAttendedStaffed: number;
  participants: number;
};

/**
 * Participation of a group of each unit's schools in held events of the period (of the kinds, when
 * given): schools with at least one participant marked attended; distinct attended teachers of those
 * schools against their staff counts; distinct attended participants (persons, not visits). A person is
 * his account, else his name within his unit. `groupListId` is the list in force for ШНОР / зона риска
 * (null for «all schools»: every school of the subtree).
 */
export async function eventCounts(
  db: Db,
  opts: {
    unitIds: string[];
    group: SchoolGroup;
    groupListId: string | null;
    from: string;
    to: string;
    kinds?: EventKind[];
  },
): Promise<EventCounts[]> {
  if (opts.unitIds.length === 0) return [];
  const groupSchools =
    opts.group === 'all'
      ? sql`select s.id, s.path, s.teachers from org_units s where s.kind = 'school'`
      : sql`select s.id, s.path, s.teachers from identification_list_schools ls
            join org_units s on s.id = ls.school_id where ls.list_id = ${opts.groupListId}::uuid`;
  const kinds = kindFilter(opts.kinds);
  return rowsOf<EventCounts>(
    db,
    sql`with u as (select id, path from org_units where id in (${idList(opts.unitIds)})),
      g as (${groupSchools}),
      p as (
        select ep.org_unit_id as school_id, ep.category,
          coalesce(ep.user_id::text, lower(btrim(ep.full_name))) as person
        from event_participants ep join events e on e.id = ep.event_id
        where ep.attended and e.status = 'held' and e.starts_on between ${opts.from} and ${opts.to} ${kinds}
      ),
      came as (select distinct school_id from p),
      gs as (
        select g.id, g.path, g.teachers, came.school_id is not null as came
        from g left join came on came.school_id = g.id
      ),
      per as (
        select u.id, count(gs.id)::int as schools,
          (count(*) filter (where gs.came))::int as "schoolsAttended",
          coalesce(sum(gs.teachers), 0)::int as teachers,
          (count(gs.id) filter (where gs.teachers is null))::int as "schoolsWithoutStaff"
        from u left join gs on gs.path like u.path || '%' group by u.id
      ),
      ppl as (
        select u.id,
          count(distinct (p.school_id, p.person)) filter (where p.category = 'teacher')::int as "teachersAttended",
          count(distinct (p.school_id, p.person)) filter (where p.category = 'teacher' and g.teachers is not null)::int
            as "teachersAttendedStaffed",
          count(distinct (p.school_id, p.person))::int as participants
        from u join g on g.path like u.path || '%' join p on p.school_id = g.id group by u.id
      )
      select per.id as "unitId", per.schools, per."schoolsAttended", per.teachers, per."schoolsWithoutStaff",
        coalesce(ppl."teachersAttended", 0)::int as "teachersAttended",
        coalesce(ppl."teachersAttendedStaffed", 0)::int as "teachersAttendedStaffed",
        coalesce(ppl.participants, 0)::int as participants
      from per left join ppl on ppl.id = per.id`,
  );
}

/**
 * Municipalities of each unit whose own people — of the municipality itself or of its institutions
 * (ОМСУ, МОЦ), not of its schools — attended a held event of the period (of the kinds, when given):
 * «участие руководителей муниципальных образований», «участвуют 100 % координаторов».
 */
export async function municipalityEventCounts(
  db: Db,
  opts: { unitIds: string[]; from: string; to: string; kinds?: EventKind[] },
): Promise<{ unitId: string; municipalities: number; attended: number }[]> {
  if (opts.unitIds.length === 0) return [];
  return rowsOf(
    db,
    sql`with u as (select id, path from org_units where id in (${idList(opts.unitIds)})),
      m as (select id, path from org_units where kind = 'municipality'),
      came as (
        select distinct m.id from m
        join org_units pu on pu.path like m.path || '%' and pu.kind in ('municipality', 'institution')
        join event_participants ep on ep.org_unit_id = pu.id and ep.attended
        join events e on e.id = ep.event_id and e.status = 'held'
          and e.starts_on between ${opts.from} and ${opts.to} ${kindFilter(opts.kinds)}
      )
      select u.id as "unitId", count(m.id)::int as municipalities, count(came.id)::int as attended
      from u left join m on m.path like u.path || '%' left join came on came.id = m.id
      group by u.id`,
  );
}

/**
 * Events held in the period (of the kinds, when given) by each unit or a unit below it — its schools, its
 * institutions (ИРО, ЦНППМ, МОЦ): «не менее 2 вебинаров» of a regional roadmap counts the centre's too.
 * Only events marked held: an announced one is a plan.
 */
export async function heldEventCounts(
  db: Db,
  opts: { unitIds: string[]; from: string; to: string; kinds?: EventKind[] },
): Promise<{ unitId: string; eventsHeld: number }[]> {
  if (opts.unitIds.length === 0) return [];
  const kinds = kindFilter(opts.kinds);
  return rowsOf(
    db,
    sql`select u.id as "unitId", count(e.id)::int as "eventsHeld"
      from org_units u
      left join org_units o on o.path like u.path || '%'
      left join events e on e.organiser_unit_id = o.id and e.status = 'held'
        and e.starts_on between ${opts.from} and ${opts.to} ${kinds}
      where u.id in (${idList(opts.unitIds)})
      group by u.id`,
  );
}

/** Meetings held by each unit's own bodies in the period (up to today: a future date is a plan). */
export async function meetingCounts(
  db: Db,
  opts: { unitIds: string[]; from: string; to: string; today: string },
): Promise<{ unitId: string; meetingsHeld: number }[]> {
  if (opts.unitIds.length === 0) return [];
  return rowsOf(
    db,
    sql`select u.id as "unitId", count(m.id)::int as "meetingsHeld"
      from org_units u
      left join working_bodies b on b.org_unit_id = u.id
      left join meetings m on m.body_id = b.id and m.date between ${opts.from} and ${opts.to}
        and m.date <= ${opts.today}
      where u.id in (${idList(opts.unitIds)})
      group by u.id`,
  );
}
