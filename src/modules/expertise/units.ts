import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { regionLevelRegions, regionOfPath } from '../access/region-level.js';
import { includedSchoolsOfList } from '../identification/approved-lists.js';
import { listInForce } from '../organisation/list-in-force.js';
import { MSG } from './strings.js';

// The unit a mutual round or a sample is run for, and the ШНОР of a region that may review.

export type ScopeUnit = { id: string; name: string; kind: string; path: string; regionId: string };

/** A region or municipality the actor can read; who may run things there is checked by `runsFor`. */
export async function loadScopeUnit(db: Db, actor: Actor, unitId: string): Promise<ScopeUnit> {
  const [u] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unitId), pathReadable(actor, orgUnits.path)));
  if (!u) throw notFound('Организация');
  if (u.kind !== 'region' && u.kind !== 'municipality') throw new AppError('INVALID_INPUT', MSG.unitKind);
  return { ...u, regionId: regionOfPath(u.path) ?? u.id };
}

/** The regional operator for the region and its municipalities; a municipal coordinator for his municipality. */
export function runsFor(actor: Actor, unit: ScopeUnit): boolean {
  if (regionLevelRegions(actor, ['regional_operator']).includes(unit.regionId)) return true;
  return (
    unit.kind === 'municipality' &&
    actor.assignments.some((a) => a.role === 'municipal_coordinator' && a.orgUnitId === unit.id)
  );
}

/** The schools of the region's ШНОР list in force for the year (organisation/list-in-force.ts). */
export async function shnorOfRegion(db: Db, regionId: string, year: number): Promise<Set<string>> {
  const list = await listInForce(db, { regionId, year, kind: 'shnor' });
  return list ? includedSchoolsOfList(db, { ...list, kind: 'shnor' }) : new Set();
}

export type SchoolInfo = {
  id: string;
  name: string;
  path: string;
  municipalityId: string | null;
  municipalityName: string | null;
};

const municipality = alias(orgUnits, 'municipality');

/** Names and municipalities of schools (one query). */
export async function schoolsInfo(db: Db, ids: string[]): Promise<Map<string, SchoolInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      path: orgUnits.path,
      mid: municipality.id,
      mname: municipality.name,
      mkind: municipality.kind,
    })
    .from(orgUnits)
    .leftJoin(municipality, eq(municipality.id, orgUnits.parentId))
    .where(inArray(orgUnits.id, [...new Set(ids)]));
  return new Map(
    rows.map((r) => {
      const m = r.mkind === 'municipality';
      return [
        r.id,
        {
          id: r.id,
          name: r.name,
          path: r.path,
          municipalityId: m ? r.mid : null,
          municipalityName: m ? r.mname : null,
        },
      ];
    }),
  );
}

/** SQL: the org unit column is in the unit's subtree. */
export const inUnit = (path: string, col: SQL | typeof orgUnits.path) => sql`${col} like ${`${path}%`}`;
