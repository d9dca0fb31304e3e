import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Periodicity } from '../../db/schema/values.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { bodySchedule } from './body-schedule.js';
import { coverageBase } from './coverage.js';
import type { GapsView } from './gaps-views.js';
import { readableUnit } from './get-coverage.js';
import { listInForceText } from './list-in-force.js';

// «Пробелы» (issue 12 §4): what is missing in a unit's subtree for a school year, each row with the
// place to fix it. The ШНОР gaps use the same base as coverage (the list in force); a body's missed
// meetings use the one rule of bodySchedule; an event is below its target when fewer invited units
// than `coverage_target` % had somebody attend.

/** Curators above this many schools of a year are overloaded (issue 12 §1: «warn above 3 schools»). */
export const CURATOR_CASELOAD = 3;

const rowsOf = async <T>(db: Db, q: SQL): Promise<T[]> =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

const todayIso = () => new Date().toISOString().slice(0, 10);

export async function getGaps(
  db: Db,
  opts: { actor: Actor; unitId: string; year: number; today?: string },
): Promise<GapsView> {
  const unit = await readableUnit(db, opts.actor, opts.unitId);
  const base = await coverageBase(db, { regionId: unit.regionId, year: opts.year });
  const y = opts.year;
  const under = `${unit.path}%`;
  const seen = (col: string) => pathReadable(opts.actor, sql.raw(col));
  const shnor = await rowsOf<{
    id: string;
    name: string;
    municipality: string | null;
    curator: boolean;
    mentor: boolean;
    agreement: boolean;
    roadmap: boolean;
    program: boolean;
  }>(
    db,
    sql`select s.id, s.name, m.name as municipality,
        exists (select 1 from curator_assignments ca where ca.school_id = s.id and ca.year = ${y}) as curator,
        exists (select 1 from mentor_pairs mp where mp.school_id = s.id and mp.year = ${y}) as mentor,
        exists (select 1 from mentor_pairs mp join partnership_agreements pa on pa.pair_id = mp.id
                where mp.school_id = s.id and mp.year = ${y}) as agreement,
        exists (select 1 from roadmaps r where r.org_unit_id = s.id and r.period_year = ${y}
                and r.status = 'approved') as roadmap,
        exists (select 1 from school_documents d where d.school_id = s.id and d.year = ${y}
                and d.kind in ('midterm_program', 'antirisk_program') and d.status in ('approved', 'published')) as program
      from identification_list_schools ls join org_units s on s.id = ls.school_id
      left join org_units m on m.id = s.parent_id
      where ls.list_id = ${base.shnorList?.id ?? null}::uuid and s.path like ${under} and ${seen('s.path')}`,
  );
  const missing = shnor
    .map((s) => ({
      schoolId: s.id,
      schoolName: s.name,
      municipalityName: s.municipality,
      missing: (
        [
          ['curator', s.curator],
          ['mentor', s.mentor],
          ['agreement', s.agreement],
          ['roadmap', s.roadmap],
          ['program', s.program],
        ] as const
      )
        .filter(([, has]) => !has)
        .map(([what]) => what),
    }))
    .filter((s) => s.missing.length > 0)
    .sort(byRussian((s) => s.schoolName));

  const curators = await rowsOf<{ id: string; name: string; schools: number }>(
    db,
    sql`select c.id, u.full_name as name, count(distinct ca.school_id)::int as schools
      from curators c join users u on u.id = c.user_id
      join curator_assignments ca on ca.curator_id = c.id and ca.year = ${y}
      where exists (select 1 from curator_assignments a2 join org_units s on s.id = a2.school_id
                    where a2.curator_id = c.id and a2.year = ${y} and s.path like ${under} and ${seen('s.path')})
      group by c.id, u.full_name having count(distinct ca.school_id) > ${CURATOR_CASELOAD}`,
  );

  const today = opts.today ?? todayIso();
  const bodies = await rowsOf<{
    id: string;
    name: string;
    unit: string;
    periodicity: Periodicity;
    active_from: string;
    active_to: string | null;
    dates: string[] | null;
  }>(
    db,
    sql`select b.id, b.name, o.name as unit, b.periodicity, b.active_from::text, b.active_to::text,
        array_agg(m.date::text) filter (where m.id is not null) as dates
      from working_bodies b join org_units o on o.id = b.org_unit_id
      left join meetings m on m.body_id = b.id
      where b.periodicity is not null and o.path like ${under} and ${seen('o.path')}
      group by b.id, o.name`,
  );
  const period = base.period;
  const missedBodies = bodies
    .map((b) => {
      const missed = bodySchedule({
        periodicity: b.periodicity,
        activeFrom: b.active_from > period.from ? b.active_from : period.from,
        activeTo: b.active_to && b.active_to < period.to ? b.active_to : period.to,
        today,
        meetingDates: b.dates ?? [],
      }).filter((p) => p.missed);
      return {
        bodyId: b.id,
        bodyName: b.name,
        unitName: b.unit,
        missed: missed.map(({ from, to }) => ({ from, to })),
      };
    })
    .filter((b) => b.missed.length > 0)
    .sort(byRussian((b) => b.bodyName));

  const events = await rowsOf<{
    id: string;
    title: string;
    starts_on: string;
    target: number;
    invited: number;
    came: number;
  }>(
    db,
    sql`select e.id, e.title, e.starts_on::text, e.coverage_target as target,
        count(i.org_unit_id)::int as invited,
        (count(i.org_unit_id) filter (where exists (
          select 1 from event_participants p join org_units pu on pu.id = p.org_unit_id
          join org_units iu on iu.id = i.org_unit_id
          where p.event_id = e.id and p.attended and pu.path like iu.path || '%')))::int as came
      from events e join org_units o on o.id = e.organiser_unit_id
      join event_invitations i on i.event_id = e.id
      where e.status = 'held' and e.coverage_target is not null
        and e.starts_on between ${period.from} and ${period.to}
        and o.path like ${under} and ${seen('o.path')}
      group by e.id`,
  );
  const belowTarget = events
    .map((e) => ({
      eventId: e.id,
      title: e.title,
      startsOn: e.starts_on,
      target: e.target,
      invited: e.invited,
      tookPart: e.came,
      share: Math.round((1000 * e.came) / e.invited) / 10,
    }))
    .filter((e) => e.share < e.target)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));

  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    year: y,
    shnorListText: listInForceText(base.shnorList),
    shnor: missing,
    overloadedCurators: curators
      .map((c) => ({ curatorId: c.id, name: c.name, schools: c.schools }))
      .sort(byRussian((c) => c.name)),
    bodies: missedBodies,
    events: belowTarget,
  };
}
