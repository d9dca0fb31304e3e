import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationListSchools } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { invalid } from '../../lib/errors.js';
import { regionOfPath } from '../access/region-level.js';
import { listInForce } from '../organisation/list-in-force.js';
import type { UnitRef } from './monitoring-access.js';
import type { ParticipantsInput } from './monitoring-input.js';
import { MSG } from './strings.js';

// Who takes part: units below the owner — the ШНОР of the list in force for the monitoring's year, all
// schools, the municipalities of a region, or units chosen by hand. Resolved once, into response rows.

const below = (owner: UnitRef) =>
  and(sql`${orgUnits.path} like ${`${owner.path}%`}`, ne(orgUnits.id, owner.id));

export async function resolveParticipants(
  db: Db,
  owner: UnitRef,
  input: ParticipantsInput,
  year: number,
): Promise<string[]> {
  const ids = await participantIds(db, owner, input, year);
  if (ids.length === 0)
    throw invalid(MSG.noParticipants, [{ field: 'participants', message: MSG.noParticipants }]);
  return ids;
}

async function participantIds(
  db: Db,
  owner: UnitRef,
  input: ParticipantsInput,
  year: number,
): Promise<string[]> {
  const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);
  const select = () => db.select({ id: orgUnits.id }).from(orgUnits);
  switch (input.mode) {
    case 'all_schools':
      return idsOf(await select().where(and(below(owner), eq(orgUnits.kind, 'school'))));
    case 'municipalities':
      return idsOf(await select().where(and(below(owner), eq(orgUnits.kind, 'municipality'))));
    case 'shnor': {
      const list = await listInForce(db, { regionId: regionOfPath(owner.path) ?? '', year, kind: 'shnor' });
      if (!list) throw invalid(MSG.noList, [{ field: 'participants', message: MSG.noList }]);
      return idsOf(
        await db
          .select({ id: orgUnits.id })
          .from(identificationListSchools)
          .innerJoin(orgUnits, eq(orgUnits.id, identificationListSchools.schoolId))
          .where(and(eq(identificationListSchools.listId, list.id), below(owner))),
      );
    }
    case 'units': {
      const unique = [...new Set(input.unitIds ?? [])];
      if (unique.length === 0) return [];
      const found = await select().where(
        and(inArray(orgUnits.id, unique), below(owner), inArray(orgUnits.kind, ['school', 'municipality'])),
      );
      if (found.length !== unique.length)
        throw invalid(MSG.participantOutside, [{ field: 'participants', message: MSG.participantOutside }]);
      return unique;
    }
  }
}
