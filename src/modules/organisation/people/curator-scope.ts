import { type SQL, sql } from 'drizzle-orm';
import { curators } from '../../../db/schema/organisation.js';
import { type Actor, pathReadable } from '../../access/actor.js';
import { coordinatedPaths, underAny } from './access.js';

// Who sees a curator's registry entry (issue 12 §1, §5), inside the query:
// - who reads the whole region — every entry of it;
// - the curator himself — his own entry;
// - whoever sees one of the schools he curates or the unit he works in (a school sees its curator);
// - a municipal coordinator also sees the region's «free» curators — those with no school and no place of
//   work in another municipality — so that he has someone to appoint; others' people stay out of sight.

const schoolPath = sql`s.path`;
const workPath = sql`w.path`;

export function curatorVisible(actor: Actor): SQL {
  const coordinated = coordinatedPaths(actor);
  const freePool =
    coordinated.length === 0
      ? sql`false`
      : sql`(${underAny(
          coordinated.map((p) => `/${p.split('/')[1]}/`),
          sql`'/' || ${curators.regionId} || '/'`,
        )}
        and not exists (select 1 from curator_assignments a join org_units s on s.id = a.school_id
          where a.curator_id = ${curators.id} and not ${underAny(coordinated, schoolPath)})
        and not exists (select 1 from org_units w where w.id = ${curators.workUnitId}
          and w.kind in ('school', 'municipality') and not ${underAny(coordinated, workPath)}))`;
  return sql`(${pathReadable(actor, sql`'/' || ${curators.regionId} || '/'`)}
    or ${curators.userId} = ${actor.userId}
    or exists (select 1 from curator_assignments a join org_units s on s.id = a.school_id
      where a.curator_id = ${curators.id} and ${pathReadable(actor, schoolPath)})
    or exists (select 1 from org_units w where w.id = ${curators.workUnitId} and ${pathReadable(actor, workPath)})
    or ${freePool})`;
}

/** SQL: the name of the curator's place of work when the actor may see it (another municipality's school is not named). */
export function workUnitNameFor(actor: Actor): SQL<string | null> {
  return sql<string | null>`(select w.name from org_units w where w.id = ${curators.workUnitId}
    and (w.kind in ('region', 'institution') or ${pathReadable(actor, workPath)}))`;
}
