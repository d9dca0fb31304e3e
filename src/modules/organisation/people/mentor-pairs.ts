import { aliasedTable, and, desc, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { identificationListSchools } from '../../../db/schema/identification.js';
import { mentorPairs, organisationOrders, partnershipAgreements } from '../../../db/schema/organisation.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { AppError, conflict, invalid, notFound } from '../../../lib/errors.js';
import { byRussian } from '../../../lib/sort.js';
import { type Actor, pathReadable } from '../../access/actor.js';
import { recordEvent } from '../../audit/record-event.js';
import { readableUnit } from '../body-access.js';
import { listInForce, listInForceText } from '../list-in-force.js';
import { refreshBoundIndicators } from '../refresh-bound.js';
import { orderOf, regionOfPath, schoolsToOrganise, todayIso } from './access.js';
import type { createPairInput } from './schemas.js';
import { PEOPLE_MSG } from './strings.js';

// A ШНОР paired with a mentor school for a school year by an order. The mentor is meant to be strong:
// one that is itself on the year's ШНОР or risk-zone list in force is allowed but warned about.

/** Warnings about a mentor school: on the ШНОР or the risk-zone list in force for the year. */
export async function mentorWarnings(
  db: Db,
  mentor: { id: string; name: string; path: string },
  year: number,
): Promise<string[]> {
  const regionId = regionOfPath(mentor.path);
  const out: string[] = [];
  for (const [kind, word] of [
    ['shnor', 'ШНОР'],
    ['riskZone', 'зоны риска'],
  ] as const) {
    const list = await listInForce(db, { regionId, year, kind });
    if (!list) continue;
    const [hit] = await db
      .select({ id: identificationListSchools.schoolId })
      .from(identificationListSchools)
      .where(
        and(eq(identificationListSchools.listId, list.id), eq(identificationListSchools.schoolId, mentor.id)),
      );
    if (hit) out.push(PEOPLE_MSG.mentorOnList(mentor.name, listInForceText(list, word)));
  }
  return out;
}

export async function createPair(
  db: Db,
  opts: { actor: Actor; input: z.infer<typeof createPairInput>; today?: string },
) {
  const { actor, input } = opts;
  const [school] = await schoolsToOrganise(db, actor, [input.schoolId]);
  if (!school) throw notFound('Школа');
  if (input.mentorSchoolId === input.schoolId)
    throw invalid(PEOPLE_MSG.mentorIsSelf, [{ field: 'mentorSchoolId', message: PEOPLE_MSG.mentorIsSelf }]);
  const [mentor] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.mentorSchoolId), pathReadable(actor, orgUnits.path)));
  if (mentor?.kind !== 'school' || regionOfPath(mentor.path) !== regionOfPath(school.path))
    throw notFound('Школа');
  const warnings = await mentorWarnings(db, mentor, input.year);
  const today = opts.today ?? todayIso();
  return db.transaction(async (tx) => {
    const operator = actor.assignments.find(
      (a) => a.role === 'regional_operator' && school.path.startsWith(a.unitPath),
    );
    const orderId = await orderOf(tx, {
      actor,
      orgUnitId: operator?.orgUnitId ?? school.parentId ?? '',
      title: PEOPLE_MSG.pairOrder,
      order: input.order,
      today,
    });
    const [row] = await tx
      .insert(mentorPairs)
      .values({ schoolId: school.id, mentorSchoolId: mentor.id, year: input.year, orderId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', PEOPLE_MSG.alreadyPaired);
    await recordEvent(
      tx,
      actor,
      'mentor_pair.created',
      { entityType: 'mentor_pair', entityId: row.id, orgUnitId: school.id },
      { schoolId: school.id, mentorSchoolId: mentor.id, year: input.year, orderId, warnings },
    );
    await refreshBoundIndicators(tx, { regionId: regionOfPath(school.path) });
    return { id: row.id, orderId, warnings };
  });
}

/** A pair the actor sees: he sees the ШНОР or the mentor school (404 otherwise). */
export async function loadPair(db: Db, actor: Actor, id: string) {
  const mentor = aliasedTable(orgUnits, 'mentor');
  const [row] = await db
    .select({ p: mentorPairs, schoolPath: orgUnits.path, mentorPath: mentor.path })
    .from(mentorPairs)
    .innerJoin(orgUnits, eq(orgUnits.id, mentorPairs.schoolId))
    .innerJoin(mentor, eq(mentor.id, mentorPairs.mentorSchoolId))
    .where(
      and(eq(mentorPairs.id, id), or(pathReadable(actor, orgUnits.path), pathReadable(actor, mentor.path))),
    );
  if (!row) throw notFound('Пара школ');
  return row;
}

/** A pair the actor may change: seen, and its ШНОР is organised by him (403 otherwise). */
export async function pairToOrganise(db: Db, actor: Actor, id: string) {
  const row = await loadPair(db, actor, id);
  await schoolsToOrganise(db, actor, [row.p.schoolId]).catch((e) => {
    // Seen through the mentor school only: still not his to change.
    if (e instanceof AppError && e.code === 'NOT_FOUND')
      throw new AppError('FORBIDDEN', 'Пару закрепляют регион и муниципалитет ШНОР');
    throw e;
  });
  return row;
}

export async function removePair(db: Db, opts: { actor: Actor; id: string; version: number }) {
  const row = await pairToOrganise(db, opts.actor, opts.id);
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(mentorPairs)
      .where(and(eq(mentorPairs.id, opts.id), eq(mentorPairs.version, opts.version)))
      .returning();
    if (!gone) throw conflict({ version: row.p.version });
    await recordEvent(
      tx,
      opts.actor,
      'mentor_pair.removed',
      { entityType: 'mentor_pair', entityId: gone.id, orgUnitId: gone.schoolId },
      { schoolId: gone.schoolId, mentorSchoolId: gone.mentorSchoolId, year: gone.year },
    );
    await refreshBoundIndicators(tx, { regionId: regionOfPath(row.schoolPath) });
  });
}

/** Pairs of the year where the actor sees the ШНОР or the mentor (a school: its own mentors and mentees). */
export async function listPairs(db: Db, opts: { actor: Actor; year: number; municipalityId?: string }) {
  const mentor = aliasedTable(orgUnits, 'mentor');
  const { actor } = opts;
  if (opts.municipalityId) await readableUnit(db, actor, opts.municipalityId);
  const rows = await db
    .select({
      p: mentorPairs,
      schoolName: orgUnits.name,
      schoolPath: orgUnits.path,
      municipalityId: orgUnits.parentId,
      mentorName: mentor.name,
      mentorPath: mentor.path,
      orderNumber: organisationOrders.number,
      orderDate: organisationOrders.date,
      orderFileId: organisationOrders.fileId,
    })
    .from(mentorPairs)
    .innerJoin(orgUnits, eq(orgUnits.id, mentorPairs.schoolId))
    .innerJoin(mentor, eq(mentor.id, mentorPairs.mentorSchoolId))
    .leftJoin(organisationOrders, eq(organisationOrders.id, mentorPairs.orderId))
    .where(
      and(
        eq(mentorPairs.year, opts.year),
        // The pairs of the schools he sees, from either side: a ШНОР sees its mentor, a mentor its mentees.
        or(pathReadable(actor, orgUnits.path), pathReadable(actor, mentor.path)),
        opts.municipalityId ? eq(orgUnits.parentId, opts.municipalityId) : undefined,
      ),
    )
    .orderBy(desc(mentorPairs.createdAt));
  const ids = rows.map((r) => r.p.id);
  const agreements = ids.length
    ? await db.select().from(partnershipAgreements).where(inArray(partnershipAgreements.pairId, ids))
    : [];
  const warned = new Map<string, string[]>();
  for (const r of rows)
    if (!warned.has(r.p.mentorSchoolId))
      warned.set(
        r.p.mentorSchoolId,
        await mentorWarnings(
          db,
          { id: r.p.mentorSchoolId, name: r.mentorName, path: r.mentorPath },
          opts.year,
        ),
      );
  return rows
    .map((r) => ({
      id: r.p.id,
      year: r.p.year,
      schoolId: r.p.schoolId,
      schoolName: r.schoolName,
      municipalityId: r.municipalityId ?? '',
      mentorSchoolId: r.p.mentorSchoolId,
      mentorSchoolName: r.mentorName,
      order: r.p.orderId
        ? {
            id: r.p.orderId,
            number: r.orderNumber ?? '',
            date: r.orderDate ?? '',
            hasFile: Boolean(r.orderFileId),
          }
        : null,
      version: r.p.version,
      warnings: warned.get(r.p.mentorSchoolId) ?? [],
      agreements: agreements
        .filter((a) => a.pairId === r.p.id)
        .map(agreementView)
        .sort((a, b) => a.signedOn.localeCompare(b.signedOn)),
    }))
    .sort(byRussian((r) => r.schoolName));
}

export const agreementView = (a: typeof partnershipAgreements.$inferSelect) => ({
  id: a.id,
  pairId: a.pairId,
  kinds: a.kinds,
  number: a.number,
  signedOn: a.signedOn,
  validFrom: a.validFrom,
  validTo: a.validTo,
  hasFile: Boolean(a.fileId),
  version: a.version,
});
