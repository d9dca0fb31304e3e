import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { practices } from '../../db/schema/practices.js';
import { forbidden } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { includedSchoolsOfList } from '../identification/approved-lists.js';
import { listInForce } from '../organisation/list-in-force.js';
import { currentSchoolYear } from '../organisation/school-year.js';
import { parentUnit } from './practice-rows.js';
import { PRACTICE_MSG } from './strings.js';

// Resilient schools as authors (issue 15 §2, point 3): the schools of the approved resilient list in
// force, those of the reviewer's scope with how many practices they already have; and the hint a school
// of that list sees on the bank's page.

/** The resilient list in force of the region and its schools (empty when none is approved). */
export async function resilientInForce(db: Db, regionId: string) {
  const list = await listInForce(db, { regionId, year: currentSchoolYear(), kind: 'resilient' });
  if (!list) return { list: null, schools: new Set<string>() };
  return {
    list,
    schools: await includedSchoolsOfList(db, { id: list.id, runId: list.runId, kind: 'resilient' }),
  };
}

const REVIEWERS = ['regional_operator', 'regional_center', 'municipal_coordinator'];

export async function resilientAuthors(db: Db, opts: { actor: Actor }) {
  const reviewer: Actor = {
    ...opts.actor,
    assignments: opts.actor.assignments.filter((a) => REVIEWERS.includes(a.role)),
  };
  if (reviewer.assignments.length === 0) throw forbidden(PRACTICE_MSG.reviewForbidden);
  const regions = [...new Set(reviewer.assignments.map((a) => regionOfPath(a.unitPath) ?? ''))];
  const out = [];
  for (const regionId of regions) {
    const { list, schools } = await resilientInForce(db, regionId);
    if (!list || schools.size === 0) continue;
    const rows = await db
      .select({
        schoolId: orgUnits.id,
        schoolName: orgUnits.name,
        municipalityName: parentUnit.name,
        practices: sql<number>`(select count(*) from ${practices} p where p.author_unit_id = ${orgUnits.id} and p.status <> 'draft')`,
        published: sql<number>`(select count(*) from ${practices} p where p.author_unit_id = ${orgUnits.id} and p.status = 'published')`,
      })
      .from(orgUnits)
      .leftJoin(parentUnit, eq(parentUnit.id, orgUnits.parentId))
      .where(and(inArray(orgUnits.id, [...schools]), pathReadable(reviewer, orgUnits.path)));
    for (const r of rows)
      out.push({
        ...r,
        listYear: list.year,
        practices: Number(r.practices),
        published: Number(r.published),
      });
  }
  return out.sort(byRussian((r) => r.schoolName));
}

/** The actor is the team of a school of the resilient list in force: the bank invites him to share. */
export async function resilientHintFor(db: Db, actor: Actor): Promise<boolean> {
  for (const a of actor.assignments) {
    if (a.role !== 'school_team' || a.unitKind !== 'school') continue;
    const { schools } = await resilientInForce(db, regionOfPath(a.unitPath) ?? '');
    if (schools.has(a.orgUnitId)) return true;
  }
  return false;
}
