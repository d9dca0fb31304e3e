import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { coverageBase } from './coverage.js';
import { shnorFlagsSql } from './coverage-sql.js';
import type { GapsView } from './gaps-views.js';
import { readableUnitOfRegion } from './get-coverage.js';
import { listInForceText } from './list-in-force.js';
import { bodiesWithMissedMeetings } from './missed-meetings.js';
import { todayIso } from './school-year.js';

// «Пробелы» (issue 12 §4): what is missing in a unit's subtree for a school year, each row with the
// place to fix it. The ШНОР gaps use the same base as coverage (the list in force); a body's missed
// meetings use the one rule of bodySchedule; an event is below its target when fewer invited units
// than `coverage_target` % had somebody attend.

/** Curators above this many schools of a year are overloaded (issue 12 §1: «warn above 3 schools»). */
export const CURATOR_CASELOAD = 3;

const rowsOf = async <T>(db: Db, q: SQL): Promise<T[]> =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

export async function getGaps(
  db: Db,
  opts: { actor: Actor; unitId: string; year: number; today?: string },
): Promise<GapsView> {
  const unit = await readableUnitOfRegion(db, opts.actor, opts.unitId);
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
    sql`with f as (${shnorFlagsSql(base.shnorList?.id ?? null, y)})
      select s.id, s.name, m.name as municipality, f.cur as curator, f.men as mentor, f.agr as agreement,
        f.rm as roadmap, f.prg as program
      from f join org_units s on s.id = f.id left join org_units m on m.id = s.parent_id
      where s.path like ${under} and ${seen('s.path')}`,
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
  const missedBodies = (
    await bodiesWithMissedMeetings(db, { actor: opts.actor, unitId: unit.id, today, period: base.period })
  ).map((b) => ({ bodyId: b.bodyId, bodyName: b.name, unitName: b.unitName, missed: b.missed }));

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
        and e.starts_on between ${base.period.from} and ${base.period.to}
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
