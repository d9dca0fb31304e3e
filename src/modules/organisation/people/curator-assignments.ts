import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { roleAssignments } from '../../../db/schema/auth.js';
import { curatorAssignments, curators } from '../../../db/schema/organisation.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { AppError, conflict, invalid, notFound } from '../../../lib/errors.js';
import { type Actor, pathReadable } from '../../access/actor.js';
import { recordEvent } from '../../audit/record-event.js';
import { grantByHand } from '../../auth/role-grants.js';
import { refreshBoundIndicators } from '../refresh-bound.js';
import { schoolYearLabel, schoolYearOf } from '../school-year.js';
import { orderOf, schoolsToOrganise, todayIso } from './access.js';
import { loadCurator } from './curators.js';
import type { assignCuratorInput } from './schemas.js';
import { CASELOAD_LIMIT, PEOPLE_MSG } from './strings.js';

// Curator → schools for a school year by one order. An assignment of the current year also gives the
// curator's account the role «куратор» on the school, so every existing rule «куратор школы» (confirming
// execution, verifying profiles, agreeing programs) follows the order; removing the last such assignment
// takes the role away again.

export async function assignCurator(
  db: Db,
  opts: { actor: Actor; input: z.infer<typeof assignCuratorInput>; today?: string },
) {
  const { actor, input } = opts;
  const today = opts.today ?? todayIso();
  const schools = await schoolsToOrganise(db, actor, input.schoolIds);
  const curator = await loadCurator(db, actor, input.curatorId);
  const own = schools.find((s) => s.id === curator.workUnitId);
  if (own)
    throw invalid(PEOPLE_MSG.ownSchool(own.name), [
      { field: 'schoolIds', message: PEOPLE_MSG.ownSchool(own.name) },
    ]);
  if (schools.some((s) => !s.path.startsWith(`/${curator.regionId}/`))) throw notFound('Школа');
  if (!curator.active)
    throw invalid(PEOPLE_MSG.inactive, [{ field: 'curatorId', message: PEOPLE_MSG.inactive }]);
  // A curator never curates a school he works in: by the registry's place of work, and by any role his
  // account has on the school (its team or a teacher) — else the school would confirm its own work.
  const roles = await db
    .select({ unitId: roleAssignments.orgUnitId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, curator.userId),
        inArray(
          roleAssignments.orgUnitId,
          schools.map((s) => s.id),
        ),
        ne(roleAssignments.role, 'curator'),
      ),
    );
  const inside = schools.find((s) => roles.some((r) => r.unitId === s.id));
  if (inside)
    throw invalid(PEOPLE_MSG.ownSchool(inside.name), [
      { field: 'schoolIds', message: PEOPLE_MSG.ownSchool(inside.name) },
    ]);
  const current = input.year === schoolYearOf(today);
  return db.transaction(async (tx) => {
    const orderId = await orderOf(tx, {
      actor,
      orgUnitId: issuerOf(actor, schools),
      title: PEOPLE_MSG.curatorOrder,
      order: input.order,
      today,
    });
    const rows = await tx
      .insert(curatorAssignments)
      .values(schools.map((s) => ({ curatorId: curator.id, schoolId: s.id, year: input.year, orderId })))
      .onConflictDoNothing()
      .returning();
    if (rows.length !== schools.length) {
      const dup = schools.find((s) => !rows.some((r) => r.schoolId === s.id));
      throw new AppError('CONFLICT', PEOPLE_MSG.alreadyCurated(dup?.name ?? ''));
    }
    const [load] = await tx
      .select({ n: count() })
      .from(curatorAssignments)
      .where(and(eq(curatorAssignments.curatorId, curator.id), eq(curatorAssignments.year, input.year)));
    const caseload = Number(load?.n ?? 0);
    for (const r of rows)
      await recordEvent(
        tx,
        actor,
        'curator.assigned',
        { entityType: 'curator_assignment', entityId: r.id, orgUnitId: r.schoolId },
        { curatorId: curator.id, schoolId: r.schoolId, year: r.year, orderId, caseload },
      );
    if (current) {
      // Held by the appointment, not by a directory group (a pair the directory gave becomes 'manual').
      const granted = await grantByHand(
        tx,
        curator.userId,
        schools.map((s) => ({ role: 'curator' as const, orgUnitId: s.id })),
      );
      for (const g of granted)
        await recordEvent(
          tx,
          actor,
          'assignment.added',
          { entityType: 'user', entityId: curator.userId, orgUnitId: g.orgUnitId },
          { role: 'curator', orgUnitId: g.orgUnitId, ...(g.fromDirectory && { fromDirectory: true }) },
        );
    }
    await refreshBoundIndicators(tx, { regionId: curator.regionId });
    const warnings =
      caseload > CASELOAD_LIMIT ? [PEOPLE_MSG.overloaded(caseload, schoolYearLabel(input.year))] : [];
    return { assignmentIds: rows.map((r) => r.id), orderId, caseload, warnings };
  });
}

/**
 * The unit whose order it is: the region's for its operator, else the municipality of the schools
 * (a coordinator assigns in his own municipality only).
 */
function issuerOf(actor: Actor, schools: { path: string; parentId: string | null }[]): string {
  const operator = actor.assignments.find(
    (a) => a.role === 'regional_operator' && schools.every((s) => s.path.startsWith(a.unitPath)),
  );
  return operator?.orgUnitId ?? schools[0]?.parentId ?? '';
}

export async function removeCuratorAssignment(
  db: Db,
  opts: { actor: Actor; id: string; version: number; today?: string },
) {
  const { actor } = opts;
  const [row] = await db
    .select({ a: curatorAssignments, userId: curators.userId, regionId: curators.regionId })
    .from(curatorAssignments)
    .innerJoin(curators, eq(curators.id, curatorAssignments.curatorId))
    .innerJoin(orgUnits, eq(orgUnits.id, curatorAssignments.schoolId))
    .where(and(eq(curatorAssignments.id, opts.id), pathReadable(actor, orgUnits.path)));
  if (!row) throw notFound('Назначение');
  await schoolsToOrganise(db, actor, [row.a.schoolId]);
  const current = row.a.year === schoolYearOf(opts.today ?? todayIso());
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(curatorAssignments)
      .where(and(eq(curatorAssignments.id, opts.id), eq(curatorAssignments.version, opts.version)))
      .returning();
    if (!gone) throw conflict({ version: row.a.version });
    await recordEvent(
      tx,
      actor,
      'curator.unassigned',
      { entityType: 'curator_assignment', entityId: gone.id, orgUnitId: gone.schoolId },
      { curatorId: gone.curatorId, schoolId: gone.schoolId, year: gone.year },
    );
    if (current) await dropRoleIfUnused(tx, actor, { ...row, a: gone });
    await refreshBoundIndicators(tx, { regionId: row.regionId });
  });
}

/** The role «куратор» on the school goes when no assignment of the current year keeps it. */
async function dropRoleIfUnused(
  tx: Db,
  actor: Actor,
  row: { a: typeof curatorAssignments.$inferSelect; userId: string },
) {
  const [left] = await tx
    .select({ n: count() })
    .from(curatorAssignments)
    .innerJoin(curators, eq(curators.id, curatorAssignments.curatorId))
    .where(
      and(
        eq(curators.userId, row.userId),
        eq(curatorAssignments.schoolId, row.a.schoolId),
        eq(curatorAssignments.year, row.a.year),
      ),
    );
  if (Number(left?.n ?? 0) > 0) return;
  const removed = await tx
    .delete(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, row.userId),
        eq(roleAssignments.role, 'curator'),
        inArray(roleAssignments.orgUnitId, [row.a.schoolId]),
      ),
    )
    .returning();
  for (const r of removed)
    await recordEvent(
      tx,
      actor,
      'assignment.removed',
      { entityType: 'user', entityId: row.userId, orgUnitId: r.orgUnitId },
      { role: 'curator', orgUnitId: r.orgUnitId },
    );
}
