import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { roleAssignments, users } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { ROLE_UNIT_KINDS } from '../../db/schema/values.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, type AnyActor, isAdmin, isSystem } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { hashPassword, passwordProblem } from './password.js';
import { grantByHand, STUB_NEVER_SIGNS_IN } from './role-grants.js';
import { deleteUserSessions } from './sessions.js';
import type { assignmentInput, createUserInput, updateUserInput } from './user-schemas.js';

// Accounts are managed by the administrator only; every operation here checks that first.

export { STUB_NEVER_SIGNS_IN } from './role-grants.js';
export { assignmentInput, createUserInput, updateUserInput } from './user-schemas.js';

/** The administrator, or the system itself (the CLI's create-admin, the demo loader). */
const need = (actor: AnyActor) => {
  if (!isSystem(actor) && !isAdmin(actor)) throw forbidden('Учётными записями управляет администратор');
};

export async function listUsers(db: Db, opts: { actor: Actor }) {
  need(opts.actor);
  const [all, assignments] = await Promise.all([
    db.select().from(users),
    db
      .select({ a: roleAssignments, unitName: orgUnits.name, unitKind: orgUnits.kind })
      .from(roleAssignments)
      .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId)),
  ]);
  return all.sort(byRussian((u) => u.fullName)).map((u) => ({
    id: u.id,
    login: u.login,
    fullName: u.fullName,
    email: u.email,
    position: u.position,
    isActive: u.isActive,
    isDemo: u.isDemo,
    isStub: u.isStub,
    version: u.version,
    assignments: assignments
      .filter((x) => x.a.userId === u.id)
      .map((x) => ({
        id: x.a.id,
        role: x.a.role,
        orgUnitId: x.a.orgUnitId,
        unitName: x.unitName,
        unitKind: x.unitKind,
        source: x.a.source,
      })),
  }));
}

export async function createUser(
  db: Db,
  opts: { actor: AnyActor; input: z.infer<typeof createUserInput>; isDemo?: boolean },
) {
  need(opts.actor);
  const { input } = opts;
  const problem = passwordProblem(input.password);
  if (problem) throw invalid(problem, [{ field: 'password', message: problem }]);
  const [exists] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.login}) = ${input.login}`);
  if (exists) throw invalid(`Логин «${input.login}» уже занят`, [{ field: 'login', message: 'Уже занят' }]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        login: input.login,
        fullName: input.fullName,
        email: input.email ?? null,
        position: input.position ?? null,
        passwordHash,
        isDemo: opts.isDemo ?? false,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(
      tx,
      opts.actor,
      'user.created',
      { entityType: 'user', entityId: row.id },
      { login: row.login },
    );
    return row;
  });
}

export async function updateUser(
  db: Db,
  opts: { actor: Actor; userId: string; input: z.infer<typeof updateUserInput> },
) {
  need(opts.actor);
  const { input } = opts;
  const [before] = await db.select().from(users).where(eq(users.id, opts.userId));
  if (!before) throw notFound('Пользователь');
  if (before.version !== input.version) throw conflict({ version: before.version });
  if (input.isActive === false && before.id === opts.actor.userId)
    throw invalid('Нельзя заблокировать самого себя');
  // A stub never signs in: no activation, no password, no e-mail (its login is `stub:<id>`, and no
  // field of this form changes a login).
  if (before.isStub && (input.isActive === true || input.password || input.email))
    throw invalid(STUB_NEVER_SIGNS_IN);
  const patch = {
    ...(input.fullName !== undefined && { fullName: input.fullName }),
    ...(input.email !== undefined && { email: input.email ?? null }),
    ...(input.position !== undefined && { position: input.position ?? null }),
    ...(input.isActive !== undefined && { isActive: input.isActive }),
  };
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        ...patch,
        ...(passwordHash && { passwordHash }),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, before.id), eq(users.version, input.version)))
      .returning();
    if (!row) throw conflict();
    const target = { entityType: 'user' as const, entityId: before.id };
    const changes = diff(before, patch, ['fullName', 'email', 'position', 'isActive']);
    if (changes.length) await recordEvent(tx, opts.actor, 'user.updated', target, { changes });
    if (passwordHash) await recordEvent(tx, opts.actor, 'user.password_changed', target, { by: 'admin' });
    // A blocked user or a reset password ends the user's open sessions.
    if (passwordHash || input.isActive === false) await deleteUserSessions(tx, before.id);
    return row;
  });
}

export async function addAssignment(
  db: Db,
  opts: { actor: AnyActor; userId: string; input: z.infer<typeof assignmentInput> },
) {
  need(opts.actor);
  const { role, orgUnitId } = opts.input;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, opts.userId));
  if (!user) throw notFound('Пользователь');
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, orgUnitId));
  if (!unit) throw invalid('Организация не найдена', [{ field: 'orgUnitId', message: 'Не найдена' }]);
  if (!ROLE_UNIT_KINDS[role].includes(unit.kind)) {
    throw invalid('Эту роль нельзя назначить для организации такого уровня', [
      { field: 'orgUnitId', message: 'Неподходящий уровень' },
    ]);
  }
  return db.transaction(async (tx) => {
    // A pair the directory gave becomes the administrator's: it stays when the person leaves the group.
    // A stub is refused there (STUB_NEVER_SIGNS_IN).
    const [row] = await grantByHand(tx, opts.userId, [{ role, orgUnitId }]);
    if (!row) return undefined;
    const { fromDirectory, ...assignment } = row;
    await recordEvent(
      tx,
      opts.actor,
      'assignment.added',
      { entityType: 'user', entityId: opts.userId, orgUnitId },
      { role, orgUnitId, ...(fromDirectory && { fromDirectory }) },
    );
    return assignment;
  });
}

export async function removeAssignment(db: Db, opts: { actor: Actor; userId: string; assignmentId: string }) {
  need(opts.actor);
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.id, opts.assignmentId), eq(roleAssignments.userId, opts.userId)))
      .returning();
    if (!gone) throw notFound('Назначение');
    await recordEvent(
      tx,
      opts.actor,
      'assignment.removed',
      { entityType: 'user', entityId: opts.userId, orgUnitId: gone.orgUnitId },
      {
        role: gone.role,
        orgUnitId: gone.orgUnitId,
        // Given by a group rule: it comes back at the next sign-in while the rule holds.
        ...(gone.source === 'directory' && { fromDirectory: true }),
      },
    );
  });
}
