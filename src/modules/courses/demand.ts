import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { identificationListSchools } from '../../db/schema/identification.js';
import { monitoringResponses, monitorings } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import {
  courseEnrolments,
  courses,
  individualRoutes,
  routeActivities,
  routeGoals,
  staffMembers,
} from '../../db/schema/people.js';
import { notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { staffReader } from '../access/people-rules.js';
import { listInForce, listInForceText } from '../organisation/list-in-force.js';
import { currentSchoolYear } from '../organisation/school-year.js';
import { NEEDS_FIELD } from './needs-form.js';
import { type DemandGroup, NEEDS_TEMPLATE, topicName } from './strings.js';
import type { DemandSchoolView, DemandView } from './views.js';

// The course demand («формирование запроса целевых групп ОО на ПК», issue 14 §1): the teachers whose
// route (ИОМ) of the year has a course activity that no enrolment covers yet, by the activity's goal block
// (or its course's topic), and the people named in the submitted and accepted answers of the year's
// educational needs campaigns — per school and topic, then by municipality and school group (ШНОР by the
// list in force, зона риска, the others). The region sees its schools, a municipality its own.

type SchoolTopic = {
  schoolId: string;
  schoolName: string;
  municipalityId: string;
  municipalityName: string;
  regionId: string;
  topic: string | null;
  teachers: Set<string>;
  needs: number;
  subjects: Set<string>;
};

const school = alias(orgUnits, 'school');
const parent = alias(orgUnits, 'parent');

/** The unit the demand is asked about (the region or a municipality), if the actor reads it. */
async function scopePath(db: Db, actor: Actor, unitId: string | undefined): Promise<string | null> {
  if (!unitId) return null;
  const [u] = await db
    .select({ path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unitId), pathReadable(staffReader(actor), orgUnits.path)));
  if (!u) throw notFound('Организация');
  return u.path;
}

const asNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Per school and topic: the teachers from the routes and the people from the needs answers. */
export async function demandBySchool(
  db: Db,
  opts: { actor: Actor; unitId?: string; year?: number },
): Promise<{ cells: SchoolTopic[]; needsMonitorings: number; year: number }> {
  const { actor } = opts;
  const year = opts.year ?? currentSchoolYear();
  const under = await scopePath(db, actor, opts.unitId);
  const seen = and(
    pathReadable(staffReader(actor), school.path),
    under ? sql`${school.path} like ${`${under}%`}` : undefined,
  );
  const unitCols = {
    schoolId: school.id,
    schoolName: school.name,
    schoolPath: school.path,
    municipalityId: parent.id,
    municipalityName: parent.name,
  };
  const fromRoutes = await db
    .select({
      ...unitCols,
      staffMemberId: individualRoutes.staffMemberId,
      topic: sql<string | null>`coalesce(${routeGoals.blockKey}, ${courses.topic})`,
      courseSubject: courses.subject,
      staffSubjects: staffMembers.subjects,
    })
    .from(routeActivities)
    .innerJoin(individualRoutes, eq(individualRoutes.id, routeActivities.routeId))
    .innerJoin(staffMembers, eq(staffMembers.id, individualRoutes.staffMemberId))
    .innerJoin(school, eq(school.id, individualRoutes.schoolId))
    .innerJoin(parent, eq(parent.id, school.parentId))
    .leftJoin(routeGoals, eq(routeGoals.id, routeActivities.goalId))
    .leftJoin(courses, eq(courses.id, routeActivities.courseId))
    .where(
      and(
        seen,
        eq(individualRoutes.year, year),
        notInArray(individualRoutes.status, ['mastered', 'not_mastered']),
        eq(routeActivities.kind, 'course'),
        inArray(routeActivities.status, ['planned', 'returned']),
        sql`not exists (select 1 from ${courseEnrolments} ce where ce.activity_id = ${routeActivities.id}
          or (ce.staff_member_id = ${individualRoutes.staffMemberId} and ce.course_id = ${routeActivities.courseId}))`,
      ),
    );
  const needsRows = await db
    .select({ ...unitCols, monitoringId: monitorings.id, answers: monitoringResponses.answers })
    .from(monitoringResponses)
    .innerJoin(monitorings, eq(monitorings.id, monitoringResponses.monitoringId))
    .innerJoin(school, eq(school.id, monitoringResponses.orgUnitId))
    .innerJoin(parent, eq(parent.id, school.parentId))
    .where(
      and(
        seen,
        eq(school.kind, 'school'),
        eq(monitorings.template, NEEDS_TEMPLATE),
        eq(monitorings.year, year),
        inArray(monitoringResponses.status, ['submitted', 'accepted']),
      ),
    );
  const cells = new Map<string, SchoolTopic>();
  const cell = (u: (typeof fromRoutes)[number] | (typeof needsRows)[number], topic: string | null) => {
    const key = `${u.schoolId}|${topic ?? ''}`;
    let c = cells.get(key);
    if (!c) {
      c = {
        schoolId: u.schoolId,
        schoolName: u.schoolName,
        municipalityId: u.municipalityId,
        municipalityName: u.municipalityName,
        regionId: u.schoolPath.split('/')[1] ?? '',
        topic,
        teachers: new Set(),
        needs: 0,
        subjects: new Set(),
      };
      cells.set(key, c);
    }
    return c;
  };
  for (const r of fromRoutes) {
    const c = cell(r, r.topic);
    c.teachers.add(r.staffMemberId);
    const subject = r.courseSubject ?? (r.topic === 'subject' ? r.staffSubjects[0] : undefined);
    if (subject) c.subjects.add(subject);
  }
  for (const r of needsRows) {
    const table = (r.answers as Record<string, unknown>)[NEEDS_FIELD];
    if (!Array.isArray(table)) continue;
    for (const row of table as Record<string, unknown>[]) {
      const topic = typeof row.topic === 'string' ? row.topic : null;
      const people = asNumber(row.people);
      if (people <= 0) continue;
      const c = cell(r, topic);
      c.needs += people;
      if (typeof row.subject === 'string' && row.subject.trim()) c.subjects.add(row.subject.trim());
    }
  }
  return {
    cells: [...cells.values()],
    needsMonitorings: new Set(needsRows.map((r) => r.monitoringId)).size,
    year,
  };
}

/** The school groups by the lists in force of the regions the cells are in. */
async function groupsOf(db: Db, cells: SchoolTopic[], year: number) {
  const regions = [...new Set(cells.map((c) => c.regionId))].filter(Boolean);
  const shnor = new Set<string>();
  const risk = new Set<string>();
  const bases: string[] = [];
  for (const regionId of regions) {
    for (const [kind, into, word] of [
      ['shnor', shnor, 'ШНОР'],
      ['riskZone', risk, 'зоны риска'],
    ] as const) {
      const list = await listInForce(db, { regionId, year, kind });
      bases.push(listInForceText(list, word));
      if (!list) continue;
      const rows = await db
        .select({ id: identificationListSchools.schoolId })
        .from(identificationListSchools)
        .where(eq(identificationListSchools.listId, list.id));
      for (const r of rows) into.add(r.id);
    }
  }
  const group = (schoolId: string): DemandGroup =>
    shnor.has(schoolId) ? 'shnor' : risk.has(schoolId) ? 'risk_zone' : 'other';
  return { group, base: bases.length ? bases.join('; ') : 'Запроса нет: нет ни маршрутов, ни ответов' };
}

export async function courseDemand(
  db: Db,
  opts: { actor: Actor; unitId?: string; year?: number },
): Promise<DemandView> {
  const { cells, needsMonitorings, year } = await demandBySchool(db, opts);
  const { group, base } = await groupsOf(db, cells, year);
  const rows = new Map<string, DemandView['rows'][number] & { schoolSet: Set<string> }>();
  const topics = new Map<string, DemandView['byTopic'][number]>();
  for (const c of cells) {
    const g = group(c.schoolId);
    const key = `${c.topic ?? ''}|${c.municipalityId}|${g}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        topic: c.topic,
        topicName: topicName(c.topic),
        municipalityId: c.municipalityId,
        municipalityName: c.municipalityName,
        group: g,
        schools: 0,
        fromRoutes: 0,
        fromNeeds: 0,
        total: 0,
        schoolSet: new Set(),
      };
      rows.set(key, r);
    }
    r.schoolSet.add(c.schoolId);
    r.schools = r.schoolSet.size;
    r.fromRoutes += c.teachers.size;
    r.fromNeeds += c.needs;
    r.total = r.fromRoutes + r.fromNeeds;
    const tk = c.topic ?? '';
    let t = topics.get(tk);
    if (!t) {
      t = { topic: c.topic, topicName: topicName(c.topic), fromRoutes: 0, fromNeeds: 0, total: 0 };
      topics.set(tk, t);
    }
    t.fromRoutes += c.teachers.size;
    t.fromNeeds += c.needs;
    t.total = t.fromRoutes + t.fromNeeds;
  }
  return {
    base,
    needsMonitorings,
    rows: [...rows.values()]
      .map(({ schoolSet: _s, ...r }) => r)
      .sort(byRussian((r) => `${r.topicName}|${r.municipalityName}|${r.group}`)),
    byTopic: [...topics.values()].sort(
      (a, b) => b.total - a.total || byRussian<typeof a>((x) => x.topicName)(a, b),
    ),
  };
}

/** The drill-down: the schools behind the demand, optionally of one topic and one municipality. */
export async function courseDemandSchools(
  db: Db,
  opts: { actor: Actor; unitId?: string; year?: number; topic?: string },
): Promise<DemandSchoolView[]> {
  const { cells, year } = await demandBySchool(db, opts);
  const { group } = await groupsOf(db, cells, year);
  return cells
    .filter((c) => opts.topic === undefined || (c.topic ?? '') === opts.topic)
    .map((c) => ({
      schoolId: c.schoolId,
      schoolName: c.schoolName,
      municipalityId: c.municipalityId,
      municipalityName: c.municipalityName,
      group: group(c.schoolId),
      topic: c.topic,
      topicName: topicName(c.topic),
      subjects: [...c.subjects].sort(byRussian((s) => s)),
      fromRoutes: c.teachers.size,
      fromNeeds: c.needs,
      total: c.teachers.size + c.needs,
    }))
    .sort(byRussian((s) => `${s.municipalityName}|${s.schoolName}|${s.topicName}`));
}
