import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { byRussian } from '../../lib/sort.js';
import { regionData } from '../analysis/region-data.js';
import { approvedListOfYear } from '../identification/approved-lists.js';
import { identifierFor, type LowProcedure } from '../identification/identify.js';
import { OPORA_DEFAULT } from '../identification/methodology.js';
import { shnorFlagsSql } from '../organisation/coverage-sql.js';
import { listInForce } from '../organisation/list-in-force.js';
import { currentSchoolYear } from '../organisation/school-year.js';
import { overdue } from '../roadmaps/read-sql.js';
import { itemsOfSchoolYear } from '../roadmaps/year-items.js';

// What the templates read: the ШНОР of a year's approved list inside the report's scope, each with its
// result index R, its flags of the run (stagnation, repeat), its low procedures (share of «2» per
// subject) and whether it has a curator and a mentor school for the school year the list is in force.
// The same list rule as everywhere (`identification_list_schools`, frozen at approval).

export type ScopeUnit = { id: string; name: string; kind: string; path: string; regionId: string };

export type ListSchool = {
  id: string;
  name: string;
  municipalityId: string;
  municipalityName: string;
  r: number | null;
  stagnation: boolean;
  repeat: boolean;
  lowProcedures: LowProcedure[];
  curator: boolean;
  mentor: boolean;
};

const rowsOf = async <T>(db: Db, q: SQL): Promise<T[]> =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

export async function scopeUnit(db: Db, unitId: string): Promise<ScopeUnit | null> {
  const [u] = await rowsOf<Omit<ScopeUnit, 'regionId'>>(
    db,
    sql`select id, name, kind, path from org_units where id = ${unitId}::uuid`,
  );
  if (!u) return null;
  return { ...u, regionId: u.path.split('/')[1] ?? u.id };
}

export type YearList = {
  id: string;
  runId: string;
  year: number;
  orderNumber: string | null;
  orderDate: string | null;
};

/** The approved ШНОР list of the year with its schools inside the scope (null: the year has none). */
export async function listSchoolsOfYear(
  db: Db,
  scope: ScopeUnit,
  year: number,
): Promise<{ list: YearList; schools: ListSchool[] } | null> {
  const list = await approvedListOfYear(db, scope.regionId, year);
  if (!list) return null;
  // Coverage is counted for the school year the list is in force: now, if no later list replaced it
  // (the work goes on with the list approved last), otherwise the list's own year.
  const now = currentSchoolYear();
  const inForce = await listInForce(db, { regionId: scope.regionId, year: now, kind: 'shnor' });
  const coverageYear = inForce?.id === list.id ? now : year;
  const schools = await rowsOf<ListSchool>(
    db,
    sql`with f as (${shnorFlagsSql(list.id, coverageYear)})
      select s.id, s.name, m.id as "municipalityId", m.name as "municipalityName",
        r.result_index as r, r.stagnation, r.repeat, r.low_procedures as "lowProcedures",
        f.cur as curator, f.men as mentor
      from f join org_units s on s.id = f.id
        join org_units m on m.id = s.parent_id
        left join identification_results r on r.run_id = ${list.runId}::uuid and r.school_id = s.id
      where s.path like ${`${scope.path}%`}`,
  );
  // Russian order whatever the database's collation.
  schools.sort(
    (a, b) =>
      byRussian((x: ListSchool) => x.municipalityName)(a, b) || byRussian((x: ListSchool) => x.name)(a, b),
  );
  return {
    list: {
      id: list.id,
      runId: list.runId,
      year: list.year,
      orderNumber: list.orderNumber,
      orderDate: list.orderDate,
    },
    schools: schools.map((s) => ({ ...s, lowProcedures: s.lowProcedures ?? [] })),
  };
}

/** How many schools of the scope the run flags for the risk zone and how many schools it computed. */
export async function runCounts(
  db: Db,
  scope: ScopeUnit,
  runId: string,
): Promise<{ schools: number; riskZone: number }> {
  const [row] = await rowsOf<{ schools: number; riskZone: number }>(
    db,
    sql`select count(*)::int as schools, (count(*) filter (where r.risk_zone))::int as "riskZone"
      from identification_results r join org_units s on s.id = r.school_id
      where r.run_id = ${runId}::uuid and s.path like ${`${scope.path}%`}`,
  );
  return row ?? { schools: 0, riskZone: 0 };
}

export type YearR = { year: number; r: Map<string, number>; meanAll: number | null };

/**
 * R by year for every year of the region's data: of the given schools (missing: no R that year) and the
 * mean over every school of the scope. The analysis pages' R — opora-default on the data as they are now
 * (regionData, Identifier.resultsOf) — not the result_index stored by each year's run, which keeps the
 * region's methodology and the data of its day: one R for the reports and the pages.
 */
export async function rByYear(db: Db, scope: ScopeUnit, schoolIds: string[]): Promise<YearR[]> {
  const data = await regionData(db, scope.regionId);
  const identifier = identifierFor(data.pkg, OPORA_DEFAULT);
  const index = new Map(data.pkg.schools.map((s, i) => [s.id, i]));
  const at = (orgUnitId: string) => {
    const code = data.codeByOrgUnitId.get(orgUnitId);
    return code === undefined ? undefined : index.get(code);
  };
  const inScope = await rowsOf<{ id: string }>(
    db,
    sql`select id from org_units where kind = 'school' and path like ${`${scope.path}%`}`,
  );
  const all = inScope.map((u) => at(u.id)).filter((i): i is number => i !== undefined);
  return data.years.map((year) => {
    const rs = identifier.resultsOf(year).r;
    const r = new Map<string, number>();
    for (const id of schoolIds) {
      const i = at(id);
      const v = i === undefined ? Number.NaN : (rs[i] as number);
      if (!Number.isNaN(v)) r.set(id, v);
    }
    const known = all.map((i) => rs[i] as number).filter((v) => !Number.isNaN(v));
    return { year, r, meanAll: known.length ? known.reduce((a, b) => a + b, 0) / known.length : null };
  });
}

export type UnitExecution = {
  id: string;
  name: string;
  items: number;
  done: number;
  confirmed: number;
  overdue: number;
};

/**
 * Roadmap execution per municipality of the scope with its subtree; for a municipality, its own roadmaps
 * and each of its schools: the measures of the school year (itemsOfSchoolYear — the monitoring's and
 * positive change's), done, done and confirmed, overdue today — the dashboard's rules.
 */
export async function executionByUnit(db: Db, scope: ScopeUnit, year: number): Promise<UnitExecution[]> {
  const childKind = scope.kind === 'region' ? 'municipality' : 'school';
  return rowsOf<UnitExecution>(
    db,
    sql`select u.id, u.name, count(i.id)::int as items,
        (count(i.id) filter (where i.status = 'done'))::int as done,
        (count(i.id) filter (where i.status = 'done' and i.confirmation = 'confirmed'))::int as confirmed,
        (count(i.id) filter (where ${sql.raw(overdue('i', 'r.status'))}))::int as overdue
      from org_units u
        left join org_units ru on ru.path like u.path || '%' and (u.id <> ${scope.id}::uuid or ru.id = u.id)
        left join (roadmaps r join roadmap_items i on i.roadmap_id = r.id and ${itemsOfSchoolYear(year)})
          on r.org_unit_id = ru.id
      where (u.kind = ${childKind} and u.path like ${`${scope.path}%`})
        or (u.id = ${scope.id}::uuid and u.kind = 'municipality')
      group by u.id, u.name`,
  ).then((rows) =>
    rows.sort((a, b) =>
      a.id === scope.id ? -1 : b.id === scope.id ? 1 : byRussian((x: UnitExecution) => x.name)(a, b),
    ),
  );
}
