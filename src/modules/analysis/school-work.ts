import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { itemsOfSchoolYear } from '../roadmaps/year-items.js';

// What was done with each listed school and how its risks moved (issue 13 §3): the execution of its own
// approved roadmaps of the list's school year (itemsOfSchoolYear: the monitoring's and the reports' measures), its approved or published programmes of that year,
// and the number of high risk levels in its first and last risk profile (verified levels where the curator
// verified them). One query each over the given schools; the caller has already checked access.

export type SchoolWork = {
  roadmapDone: number | null;
  roadmapTotal: number | null;
  programs: number;
  highRisksBefore: number | null;
  highRisksAfter: number | null;
};

const rowsOf = async <T>(db: Db, q: SQL): Promise<T[]> =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

export async function schoolWork(
  db: Db,
  schoolIds: string[],
  year: number,
): Promise<Map<string, SchoolWork>> {
  const out = new Map<string, SchoolWork>(
    schoolIds.map((id) => [
      id,
      { roadmapDone: null, roadmapTotal: null, programs: 0, highRisksBefore: null, highRisksAfter: null },
    ]),
  );
  if (schoolIds.length === 0) return out;
  const ids = sql`array[${sql.join(
    schoolIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  const roadmaps = await rowsOf<{ id: string; done: number; total: number }>(
    db,
    sql`select r.org_unit_id as id,
          count(*) filter (where i.status = 'done')::int as done,
          count(*)::int as total
        from roadmaps r join roadmap_items i on i.roadmap_id = r.id
        where r.org_unit_id = any(${ids}) and ${itemsOfSchoolYear(year)}
        group by r.org_unit_id`,
  );
  for (const r of roadmaps) {
    const w = out.get(r.id);
    if (w) Object.assign(w, { roadmapDone: r.done, roadmapTotal: r.total });
  }
  const programs = await rowsOf<{ id: string; n: number }>(
    db,
    sql`select d.school_id as id, count(*)::int as n from school_documents d
        where d.school_id = any(${ids}) and d.year = ${year}
          and d.kind in ('midterm_program', 'antirisk_program') and d.status in ('approved', 'published')
        group by d.school_id`,
  );
  for (const p of programs) {
    const w = out.get(p.id);
    if (w) w.programs = p.n;
  }
  // Per profile: its high levels (the verified level of a factor where there is one); then the first and
  // the last profile of each school with at least two.
  const risks = await rowsOf<{ id: string; first: number; last: number }>(
    db,
    sql`with p as (
          select rp.school_id, c.year, rp.computed_at,
            (select count(*) from jsonb_array_elements(rp.result->'factors') f
             where coalesce(v.levels->(f->>'code')->>'level', f->>'level') = 'high')::int as high
          from risk_profiles rp join risk_campaigns c on c.id = rp.campaign_id
          left join risk_verifications v on v.campaign_id = rp.campaign_id and v.school_id = rp.school_id
            and v.status = 'verified'
          where rp.school_id = any(${ids})),
        o as (select school_id, high, count(*) over (partition by school_id) as n,
                row_number() over (partition by school_id order by year, computed_at) as k,
                row_number() over (partition by school_id order by year desc, computed_at desc) as j
              from p)
        select school_id as id, max(high) filter (where k = 1)::int as first,
               max(high) filter (where j = 1)::int as last
        from o where n >= 2 group by school_id`,
  );
  for (const r of risks) {
    const w = out.get(r.id);
    if (w) Object.assign(w, { highRisksBefore: r.first, highRisksAfter: r.last });
  }
  return out;
}
