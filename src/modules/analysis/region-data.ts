import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type LoadedPackage, loadPackageFromDb } from '../identification/load-package-from-db.js';

// The region's assessment data as one package for the analysis pages: every year stored, read once and
// kept in the process until a new import changes the data stamp. The effect page and the positive change
// read the same package, so both see R of `opora-default` computed by the identification engine
// (Identifier.resultsOf) — there is no second R.
//
// Why a cache and not a job: on the demo (~200 schools × 5 years) the read takes ≈ 0,3 s and the estimate
// ≈ 0,1 s; a region of 1 500 schools reads in ≈ 2 s. The stamp (number of imports and the latest time) is
// one cheap query, so a stale package is never served after an import.

export type RegionData = LoadedPackage & { stamp: string; years: number[] };

const cache = new Map<string, { stamp: string; data: Promise<RegionData> }>();
/** Keys carry the database handle: a process with two databases (tests, a restore) never mixes them. */
const handles = new WeakMap<Db, number>();
let lastHandle = 0;
function handleOf(db: Db): number {
  const known = handles.get(db);
  if (known !== undefined) return known;
  handles.set(db, ++lastHandle);
  return lastHandle;
}
/** Regions kept at once (over every handle): one national region's package is ~100 MB, so only a few. */
const MAX_REGIONS = 4;

export async function dataStamp(db: Db, regionId: string): Promise<{ stamp: string; years: number[] }> {
  const result = await db.execute(
    sql`select count(*)::int as n, max(imported_at)::text as last,
          coalesce((select array_agg(distinct y order by y) from data_imports d, unnest(d.years) y
                    where d.region_id = ${regionId}), '{}') as years
        from data_imports where region_id = ${regionId}`,
  );
  const r = (result as unknown as { rows: { n: number; last: string | null; years: number[] }[] }).rows[0];
  if (!r || r.n === 0) return { stamp: 'none', years: [] };
  return { stamp: `${r.n}:${r.last}`, years: r.years.map(Number) };
}

/** The region's package of every stored year, from the process cache when the data have not changed. */
export async function regionData(db: Db, regionId: string): Promise<RegionData> {
  const { stamp, years } = await dataStamp(db, regionId);
  const key = `${handleOf(db)}:${regionId}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.data;
  const data = loadPackageFromDb(db, { regionId, years }).then((loaded) => ({ ...loaded, stamp, years }));
  cache.delete(key);
  cache.set(key, { stamp, data });
  while (cache.size > MAX_REGIONS) cache.delete(cache.keys().next().value as string);
  // A failed read is not kept: the next request tries again.
  data.catch(() => {
    if (cache.get(key)?.data === data) cache.delete(key);
  });
  return data;
}
