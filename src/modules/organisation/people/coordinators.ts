import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { roleAssignments, users } from '../../../db/schema/auth.js';
import { coordinatorAppointments, organisationOrders } from '../../../db/schema/organisation.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../lib/errors.js';
import { byRussian } from '../../../lib/sort.js';
import { type Actor, pathReadable } from '../../access/actor.js';
import { recordEvent } from '../../audit/record-event.js';
import { grantByHand } from '../../auth/role-grants.js';
import { refreshBoundIndicators } from '../refresh-bound.js';
import { orderOf, regionOfPath, todayIso } from './access.js';
import type { appointCoordinatorInput } from './schemas.js';
import { PEOPLE_MSG } from './strings.js';

// Муниципальный координатор of a municipality for a school year, appointed by an order of the region.
// The appointment also gives the account the municipal coordinator's role on the municipality: the
// order is why he may act, the role is how the system lets him (the actor cache is dropped by the route).

const isOperatorOf = (actor: Actor, regionId: string) =>
  actor.assignments.some((a) => a.role === 'regional_operator' && a.orgUnitId === regionId);

export async function appointCoordinator(
  db: Db,
  opts: { actor: Actor; input: z.infer<typeof appointCoordinatorInput>; today?: string },
) {
  const { actor, input } = opts;
  if (!actor.assignments.some((a) => a.role === 'regional_operator'))
    throw forbidden('Координаторов назначает региональный оператор');
  const [m] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.municipalityId), pathReadable(actor, orgUnits.path)));
  if (m?.kind !== 'municipality') throw notFound('Организация');
  const regionId = regionOfPath(m.path);
  if (!isOperatorOf(actor, regionId)) throw forbidden('Координаторов назначает региональный оператор');
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.login}) = ${input.login.toLowerCase()}`);
  if (!user) throw invalid(PEOPLE_MSG.noLogin, [{ field: 'login', message: PEOPLE_MSG.noLogin }]);
  return db.transaction(async (tx) => {
    const orderId = await orderOf(tx, {
      actor,
      orgUnitId: regionId,
      title: PEOPLE_MSG.coordinatorOrder,
      order: input.order,
      today: opts.today ?? todayIso(),
    });
    const [row] = await tx
      .insert(coordinatorAppointments)
      .values({
        municipalityId: m.id,
        year: input.year,
        userId: user.id,
        position: input.position ?? null,
        orderId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', PEOPLE_MSG.alreadyCoordinator);
    await recordEvent(
      tx,
      actor,
      'coordinator.appointed',
      { entityType: 'coordinator_appointment', entityId: row.id, orgUnitId: m.id },
      { municipalityId: m.id, year: input.year, userId: user.id, orderId },
    );
    // Held by the appointment, not by a directory group (a pair the directory gave becomes 'manual').
    const [role] = await grantByHand(tx, user.id, [{ role: 'municipal_coordinator', orgUnitId: m.id }]);
    if (role)
      await recordEvent(
        tx,
        actor,
        'assignment.added',
        { entityType: 'user', entityId: user.id, orgUnitId: m.id },
        {
          role: 'municipal_coordinator',
          orgUnitId: m.id,
          ...(role.fromDirectory && { fromDirectory: true }),
        },
      );
    await refreshBoundIndicators(tx, { regionId });
    return { ...row, roleAdded: Boolean(role) };
  });
}

/** Appointments of the year in municipalities the actor sees (the region all, a municipality its own). */
export async function listCoordinators(db: Db, opts: { actor: Actor; year: number }) {
  const rows = await db
    .select({
      a: coordinatorAppointments,
      municipalityName: orgUnits.name,
      fullName: users.fullName,
      login: users.login,
      email: users.email,
      orderNumber: organisationOrders.number,
      orderDate: organisationOrders.date,
      orderFileId: organisationOrders.fileId,
    })
    .from(coordinatorAppointments)
    .innerJoin(orgUnits, eq(orgUnits.id, coordinatorAppointments.municipalityId))
    .innerJoin(users, eq(users.id, coordinatorAppointments.userId))
    .leftJoin(organisationOrders, eq(organisationOrders.id, coordinatorAppointments.orderId))
    .where(and(eq(coordinatorAppointments.year, opts.year), pathReadable(opts.actor, orgUnits.path)))
    .orderBy(desc(coordinatorAppointments.createdAt));
  return rows
    .map((r) => ({
      id: r.a.id,
      municipalityId: r.a.municipalityId,
      municipalityName: r.municipalityName,
      year: r.a.year,
      userId: r.a.userId,
      fullName: r.fullName,
      login: r.login,
      email: r.email,
      position: r.a.position,
      order: r.a.orderId
        ? {
            id: r.a.orderId,
            number: r.orderNumber ?? '',
            date: r.orderDate ?? '',
            hasFile: Boolean(r.orderFileId),
          }
        : null,
      version: r.a.version,
    }))
    .sort(byRussian((r) => `${r.municipalityName} ${r.fullName}`));
}

/**
 * Removes an appointment, and with the last appointment of the account to the municipality the role
 * it gave: a mistyped login must not leave a stranger coordinating the municipality for good.
 */
export async function removeCoordinator(db: Db, opts: { actor: Actor; id: string; version: number }) {
  const [row] = await db
    .select({ a: coordinatorAppointments, path: orgUnits.path })
    .from(coordinatorAppointments)
    .innerJoin(orgUnits, eq(orgUnits.id, coordinatorAppointments.municipalityId))
    .where(and(eq(coordinatorAppointments.id, opts.id), pathReadable(opts.actor, orgUnits.path)));
  if (!row) throw notFound('Назначение');
  const regionId = regionOfPath(row.path);
  if (!isOperatorOf(opts.actor, regionId)) throw forbidden('Координаторов назначает региональный оператор');
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(coordinatorAppointments)
      .where(and(eq(coordinatorAppointments.id, opts.id), eq(coordinatorAppointments.version, opts.version)))
      .returning();
    if (!gone) throw conflict({ version: row.a.version });
    await recordEvent(
      tx,
      opts.actor,
      'coordinator.removed',
      { entityType: 'coordinator_appointment', entityId: gone.id, orgUnitId: gone.municipalityId },
      { municipalityId: gone.municipalityId, year: gone.year, userId: gone.userId },
    );
    const [kept] = await tx
      .select({ id: coordinatorAppointments.id })
      .from(coordinatorAppointments)
      .where(
        and(
          eq(coordinatorAppointments.userId, gone.userId),
          eq(coordinatorAppointments.municipalityId, gone.municipalityId),
        ),
      )
      .limit(1);
    if (!kept) {
      const removed = await tx
        .delete(roleAssignments)
        .where(
          and(
            eq(roleAssignments.userId, gone.userId),
            eq(roleAssignments.role, 'municipal_coordinator'),
            eq(roleAssignments.orgUnitId, gone.municipalityId),
          ),
        )
        .returning();
      for (const r of removed)
        await recordEvent(
          tx,
          opts.actor,
          'assignment.removed',
          { entityType: 'user', entityId: r.userId, orgUnitId: r.orgUnitId },
          { role: 'municipal_coordinator', orgUnitId: r.orgUnitId },
        );
    }
    await refreshBoundIndicators(tx, { regionId });
  });
}
