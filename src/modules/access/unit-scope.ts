import { and, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { invalid } from '../../lib/errors.js';

/**
 * SQL over `org_units`: the unit a document of the owner (path `ownerPath`) may name as responsible —
 * the owner's own subtree, the levels above it, and the institutions those levels govern (ИРО, МОЦ).
 * Never another school or municipality: naming one would both misaddress the work and reveal its name
 * to whoever reads the document.
 */
export function unitNearOwner(ownerPath: string): SQL {
  return or(
    sql`${orgUnits.path} like ${`${ownerPath}%`}`,
    sql`${ownerPath} like ${orgUnits.path} || '%'`,
    sql`(${orgUnits.kind} = 'institution' and exists (select 1 from org_units p where p.id = ${orgUnits.parentId} and ${ownerPath} like p.path || '%'))`,
  ) as SQL;
}

/** Every id names a unit near the owner; an unknown and an out-of-scope id get the same answer. */
export async function assertUnitsNearOwner(
  db: Db,
  ownerPath: string,
  ids: string[],
  field: string,
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(inArray(orgUnits.id, unique), unitNearOwner(ownerPath)));
  if (found.length !== unique.length) {
    throw invalid('Среди организаций есть неизвестная или не относящаяся к этой дорожной карте', [
      { field, message: 'Организация не найдена или недоступна' },
    ]);
  }
}
