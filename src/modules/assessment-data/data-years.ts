import { desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dataImports } from '../../db/schema/assessment.js';
import { users } from '../../db/schema/auth.js';
import { forbidden } from '../../lib/errors.js';
import { type Actor, isAdmin } from '../access/actor.js';
import { regionLevelRegions } from '../access/region-level.js';

// Years of assessment data stored for the actor's region (docs/identification-api.md,
// `GET /api/assessment-data/years`): how much of each kind, and the last package that touched the year.

export type DataYear = {
  year: number;
  schools: number;
  results: number;
  contextValues: number;
  confirmations: number;
  lastImport: {
    fileName: string;
    importedAt: Date;
    importedBy: { id: string; fullName: string } | null;
  } | null;
};

/** Region ids the actor sees data of; null: every region (an administrator). */
export function dataRegions(actor: Actor): string[] | null {
  if (isAdmin(actor)) return null;
  const regions = regionLevelRegions(actor);
  if (regions.length === 0) {
    throw forbidden('Данные оценочных процедур доступны ролям уровня региона и администратору');
  }
  return regions;
}

export async function listDataYears(db: Db, opts: { actor: Actor }): Promise<DataYear[]> {
  const regions = dataRegions(opts.actor);
  const inScope: SQL = regions
    ? sql`(${sql.join(
        regions.map((r) => sql`o.path like ${`/${r}/%`}`),
        sql` or `,
      )})`
    : sql`true`;
  const perTable = (table: string) =>
    sql`select t.year as year, count(*)::int as n from ${sql.identifier(table)} t
        join org_units o on o.id = t.school_id where ${inScope} group by t.year`;
  const rowsOf = async (q: SQL) =>
    (await db.execute(q)) as unknown as { rows: { year: number; n: number }[] };
  const [results, context, confirmation, schools] = await Promise.all([
    rowsOf(perTable('assessment_results')),
    rowsOf(perTable('context_values')),
    rowsOf(perTable('confirmation_results')),
    rowsOf(sql`select x.year as year, count(*)::int as n from (
        select school_id, year from assessment_results
        union select school_id, year from context_values
        union select school_id, year from confirmation_results
      ) x join org_units o on o.id = x.school_id where ${inScope} group by x.year`),
  ]);
  const byYear = new Map<number, DataYear>();
  const at = (year: number) => {
    const y = Number(year);
    let r = byYear.get(y);
    if (!r) {
      r = { year: y, schools: 0, results: 0, contextValues: 0, confirmations: 0, lastImport: null };
      byYear.set(y, r);
    }
    return r;
  };
  for (const r of schools.rows) at(r.year).schools = Number(r.n);
  for (const r of results.rows) at(r.year).results = Number(r.n);
  for (const r of context.rows) at(r.year).contextValues = Number(r.n);
  for (const r of confirmation.rows) at(r.year).confirmations = Number(r.n);

  const imports = await db
    .select({
      fileName: dataImports.fileName,
      years: dataImports.years,
      importedAt: dataImports.importedAt,
      userId: users.id,
      userName: users.fullName,
    })
    .from(dataImports)
    .leftJoin(users, eq(users.id, dataImports.importedBy))
    .where(regions ? inArray(dataImports.regionId, regions) : undefined)
    .orderBy(desc(dataImports.importedAt));
  for (const imp of imports) {
    for (const year of imp.years) {
      const r = byYear.get(year);
      if (!r || r.lastImport) continue;
      r.lastImport = {
        fileName: imp.fileName,
        importedAt: imp.importedAt,
        importedBy: imp.userId ? { id: imp.userId, fullName: imp.userName ?? '' } : null,
      };
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
