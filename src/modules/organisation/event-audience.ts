import { and, eq, inArray, like, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationListSchools } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { SchoolGroup } from '../../db/schema/values.js';
import { invalid } from '../../lib/errors.js';
import { regionOfPath } from '../access/region-level.js';
import { AUDIENCE_GROUP_LABELS, EVENT_MSG } from './event-labels.js';
import { listInForce } from './list-in-force.js';
import { schoolYearOf } from './school-year.js';

// Who an event invites: a group of schools of the organiser's subtree (an institution's subtree is its
// governing unit's: ИРО invites the region's schools) and/or units named explicitly. ШНОР and risk-zone
// schools are those of the list in force for the school year of the event's start.

/** Explicit units must lie below the organiser's governing unit; returns them deduplicated. */
export async function checkAudienceUnits(
  db: Db,
  governingPath: string,
  unitIds: string[],
): Promise<string[]> {
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.id, unique),
        like(orgUnits.path, `${governingPath}%`),
        ne(orgUnits.path, governingPath),
      ),
    );
  if (rows.length !== unique.length)
    throw invalid(EVENT_MSG.unitOutside, [{ field: 'unitIds', message: EVENT_MSG.unitOutside }]);
  return unique;
}

/** The schools of a group under the governing unit for the school year of `startsOn`. */
export async function groupSchools(
  db: Db,
  opts: { governingPath: string; group: SchoolGroup; startsOn: string },
): Promise<string[]> {
  const inSubtree = and(eq(orgUnits.kind, 'school'), like(orgUnits.path, `${opts.governingPath}%`));
  if (opts.group === 'all') {
    return (await db.select({ id: orgUnits.id }).from(orgUnits).where(inSubtree)).map((r) => r.id);
  }
  const regionId = regionOfPath(opts.governingPath);
  const list = regionId
    ? await listInForce(db, {
        regionId,
        year: schoolYearOf(opts.startsOn),
        kind: opts.group === 'shnor' ? 'shnor' : 'riskZone',
      })
    : null;
  if (!list) {
    const message = EVENT_MSG.noListInForce(AUDIENCE_GROUP_LABELS[opts.group]);
    throw invalid(message, [{ field: 'audienceGroup', message }]);
  }
  const rows = await db
    .select({ id: orgUnits.id })
    .from(identificationListSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationListSchools.schoolId))
    .where(and(eq(identificationListSchools.listId, list.id), inSubtree));
  return rows.map((r) => r.id);
}
