import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { organisationOrders } from '../../../db/schema/organisation.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { forbidden, notFound } from '../../../lib/errors.js';
import { type Actor, pathReadable, readablePrefixes } from '../../access/actor.js';
import { insertOrder, type OrderInput } from '../orders.js';
import { canOrganiseSchool, organisedPrefixes } from '../organise-access.js';

// Access of the people module over the one rule of organise-access.ts: a school is found only when the
// actor sees it (else 404), organised only by the region's operator or its municipality (else 403).

export { todayIso } from '../school-year.js';

/** The region a unit belongs to: the first segment of its materialised path "/region/…/". */
export const regionOfPath = (path: string) => path.split('/')[1] ?? '';

export type SchoolRow = { id: string; name: string; path: string; parentId: string | null; kind: string };

/** Schools the actor sees (404 for any other) and organises (403 when seen but not his). */
export async function schoolsToOrganise(db: Db, actor: Actor, ids: string[]): Promise<SchoolRow[]> {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await db
        .select({
          id: orgUnits.id,
          name: orgUnits.name,
          path: orgUnits.path,
          parentId: orgUnits.parentId,
          kind: orgUnits.kind,
        })
        .from(orgUnits)
        .where(and(inArray(orgUnits.id, unique), pathReadable(actor, orgUnits.path)))
    : [];
  if (rows.length !== unique.length || rows.some((r) => r.kind !== 'school')) throw notFound('Школа');
  if (rows.some((r) => !canOrganiseSchool(actor, r.path)))
    throw forbidden('Кураторов и школы-наставники назначают регион и муниципалитет школы');
  return rows;
}

/** The region whose organisation the actor keeps (operator of a region or coordinator in it), or null. */
export function organisedRegion(actor: Actor): string | null {
  const p = organisedPrefixes(actor)[0];
  return p ? regionOfPath(p) : null;
}

/** The regions the actor reads anything of. */
export function readRegions(actor: Actor): string[] {
  return [...new Set(actor.assignments.map((a) => regionOfPath(a.unitPath)))];
}

/** Whether the actor reads the whole region (its path is one of his readable prefixes). */
export const readsWholeRegion = (actor: Actor, regionId: string) =>
  readablePrefixes(actor).some((p) => p === '/' || p === `/${regionId}/`);

/** Municipality paths the actor coordinates (a municipal coordinator sees the free pool of curators). */
export const coordinatedPaths = (actor: Actor) =>
  actor.assignments.filter((a) => a.role === 'municipal_coordinator').map((a) => a.unitPath);

/** SQL over a path: it lies inside one of the given prefixes. */
export function underAny(prefixes: string[], path: SQL | ReturnType<typeof sql.raw>): SQL {
  if (prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    prefixes.map((p) => sql`${path} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** A unit's row (for orders' issuers). */
export async function unitRow(db: Db, id: string) {
  const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return u ?? null;
}

/**
 * The order of the unit with this number and date, written once: one order appoints many (every
 * municipality's coordinator, a curator to several schools), and each appointment names the same act.
 */
export async function orderOf(
  tx: Db,
  opts: { actor: Actor; orgUnitId: string; title: string; order: OrderInput; today: string },
): Promise<string> {
  const [same] = await tx
    .select({ id: organisationOrders.id })
    .from(organisationOrders)
    .where(
      and(
        eq(organisationOrders.orgUnitId, opts.orgUnitId),
        eq(organisationOrders.number, opts.order.number),
        eq(organisationOrders.date, opts.order.date),
      ),
    );
  return same?.id ?? insertOrder(tx, opts);
}
