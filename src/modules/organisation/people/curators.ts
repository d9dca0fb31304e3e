import { randomBytes } from 'node:crypto';
import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { roleAssignments, users } from '../../../db/schema/auth.js';
import { curatorAssignments, curators, organisationOrders } from '../../../db/schema/organisation.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../lib/errors.js';
import { byRussian } from '../../../lib/sort.js';
import { type Actor, pathReadable } from '../../access/actor.js';
import { diff } from '../../audit/events.js';
import { recordEvent } from '../../audit/record-event.js';
import { hashPassword } from '../../auth/password.js';
import { readableUnit } from '../body-access.js';
import { refreshBoundIndicators } from '../refresh-bound.js';
import { schoolYearOf } from '../school-year.js';
import { organisedRegion, todayIso } from './access.js';
import { curatorVisible, workUnitNameFor } from './curator-scope.js';
import type { createCuratorInput, updateCuratorInput } from './schemas.js';
import { CASELOAD_LIMIT, PEOPLE_MSG } from './strings.js';

// The region's registry of curators: a person with his own account. The region (or a municipal
// coordinator of it) picks an existing account or creates one with a one-time password shown once;
// the account gets no role here — the curator's role on a school comes with an assignment.

async function checkWorkUnit(db: Db, regionId: string, workUnitId: string | null | undefined) {
  if (!workUnitId) return;
  const [w] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, workUnitId));
  if (!w?.path.startsWith(`/${regionId}/`))
    throw invalid(PEOPLE_MSG.otherRegion, [{ field: 'workUnitId', message: PEOPLE_MSG.otherRegion }]);
}

export async function createCurator(
  db: Db,
  opts: { actor: Actor; input: z.infer<typeof createCuratorInput> },
) {
  const { actor, input } = opts;
  const regionId = organisedRegion(actor);
  if (!regionId) throw forbidden('Реестр кураторов ведут регион и муниципальные координаторы');
  await checkWorkUnit(db, regionId, input.workUnitId);
  let userId: string | null = null;
  if (input.login) {
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.login}) = ${input.login.toLowerCase()}`);
    if (!u) throw invalid(PEOPLE_MSG.noLogin, [{ field: 'login', message: PEOPLE_MSG.noLogin }]);
    // Not the administrator, not a person of another region: a curator acts inside this region only.
    const [foreign] = await db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
      .where(
        and(
          eq(roleAssignments.userId, u.id),
          sql`(${roleAssignments.role} = 'admin' or ${orgUnits.path} not like ${`/${regionId}/%`})`,
        ),
      )
      .limit(1);
    if (foreign)
      throw invalid(PEOPLE_MSG.foreignAccount, [{ field: 'login', message: PEOPLE_MSG.foreignAccount }]);
    userId = u.id;
  } else if (input.newAccount) {
    const [taken] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.login}) = ${input.newAccount.login}`);
    if (taken) {
      const message = PEOPLE_MSG.loginTaken(input.newAccount.login);
      throw invalid(message, [{ field: 'newAccount.login', message }]);
    }
  }
  // Shown once to whoever creates the account, never stored in clear: the curator changes it at first sign-in.
  const oneTimePassword = input.newAccount ? randomBytes(9).toString('base64url') : null;
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;
  return db.transaction(async (tx) => {
    if (input.newAccount && passwordHash) {
      const [u] = await tx
        .insert(users)
        .values({
          login: input.newAccount.login,
          fullName: input.newAccount.fullName,
          passwordHash,
          email: input.email ?? null,
          position: input.position,
        })
        .returning({ id: users.id, login: users.login });
      if (!u) throw new Error('user not inserted');
      userId = u.id;
      await recordEvent(
        tx,
        actor,
        'user.created',
        { entityType: 'user', entityId: u.id },
        { login: u.login },
      );
    }
    if (!userId) throw new Error('no user');
    const [row] = await tx
      .insert(curators)
      .values({
        regionId,
        userId,
        position: input.position,
        workUnitId: input.workUnitId ?? null,
        workplace: input.workplace ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', PEOPLE_MSG.alreadyCurator);
    await recordEvent(
      tx,
      actor,
      'curator.created',
      { entityType: 'curator', entityId: row.id, orgUnitId: regionId },
      { userId, position: row.position, newAccount: Boolean(input.newAccount) },
    );
    await refreshBoundIndicators(tx, { regionId });
    return { id: row.id, oneTimePassword };
  });
}

/** A registry entry the actor sees (404 otherwise). */
export async function loadCurator(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(curators)
    .where(and(eq(curators.id, id), curatorVisible(actor)));
  if (!row) throw notFound('Куратор');
  return row;
}

export async function updateCurator(
  db: Db,
  opts: { actor: Actor; id: string; input: z.infer<typeof updateCuratorInput> },
) {
  const { actor, input } = opts;
  const before = await loadCurator(db, actor, opts.id);
  if (organisedRegion(actor) !== before.regionId)
    throw forbidden('Реестр кураторов ведут регион и муниципальные координаторы');
  if (before.version !== input.version) throw conflict({ version: before.version });
  await checkWorkUnit(db, before.regionId, input.workUnitId);
  // Out of the registry only without schools from this year on: an inactive curator with schools would
  // keep his role on them and count in coverage. His assignments are removed first, each with its event.
  if (input.active === false && before.active) {
    const [held] = await db
      .select({ n: count() })
      .from(curatorAssignments)
      .where(
        and(
          eq(curatorAssignments.curatorId, before.id),
          gte(curatorAssignments.year, schoolYearOf(todayIso())),
        ),
      );
    if (Number(held?.n ?? 0) > 0)
      throw invalid(PEOPLE_MSG.stillAssigned, [{ field: 'active', message: PEOPLE_MSG.stillAssigned }]);
  }
  const { version: _v, ...patch } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(curators)
      .set({ ...patch, version: sql`${curators.version} + 1`, updatedAt: new Date() })
      .where(and(eq(curators.id, before.id), eq(curators.version, input.version)))
      .returning();
    if (!row) throw conflict();
    const changes = diff(before, patch, ['position', 'workUnitId', 'workplace', 'phone', 'email', 'active']);
    if (changes.length)
      await recordEvent(
        tx,
        actor,
        'curator.updated',
        { entityType: 'curator', entityId: row.id, orgUnitId: row.regionId },
        { changes },
      );
    await refreshBoundIndicators(tx, { regionId: row.regionId });
    return row;
  });
}

/** The registry as the actor sees it, with the year's schools he sees and the full caseload of the year. */
export async function listCurators(db: Db, opts: { actor: Actor; year: number; municipalityId?: string }) {
  const { actor, year } = opts;
  // A municipality he does not see does not exist for him: 404, not an empty list of his own.
  if (opts.municipalityId) await readableUnit(db, actor, opts.municipalityId);
  const entries = await db
    .select({
      c: curators,
      fullName: users.fullName,
      login: users.login,
      workUnitName: workUnitNameFor(actor),
    })
    .from(curators)
    .innerJoin(users, eq(users.id, curators.userId))
    .where(curatorVisible(actor));
  const ids = entries.map((e) => e.c.id);
  const municipality = sql`m`;
  const [schools, loads] = ids.length
    ? await Promise.all([
        db
          .select({
            a: curatorAssignments,
            schoolName: orgUnits.name,
            municipalityId: orgUnits.parentId,
            municipalityName: sql<string>`(select ${municipality}.name from org_units ${municipality} where ${municipality}.id = ${orgUnits.parentId})`,
            orderNumber: organisationOrders.number,
            orderDate: organisationOrders.date,
            orderFileId: organisationOrders.fileId,
          })
          .from(curatorAssignments)
          .innerJoin(orgUnits, eq(orgUnits.id, curatorAssignments.schoolId))
          .leftJoin(organisationOrders, eq(organisationOrders.id, curatorAssignments.orderId))
          .where(
            and(
              inArray(curatorAssignments.curatorId, ids),
              eq(curatorAssignments.year, year),
              pathReadable(actor, orgUnits.path),
              opts.municipalityId ? eq(orgUnits.parentId, opts.municipalityId) : undefined,
            ),
          ),
        db
          .select({ curatorId: curatorAssignments.curatorId, n: count() })
          .from(curatorAssignments)
          .where(and(inArray(curatorAssignments.curatorId, ids), eq(curatorAssignments.year, year)))
          .groupBy(curatorAssignments.curatorId),
      ])
    : [[], []];
  const load = new Map(loads.map((l) => [l.curatorId, Number(l.n)]));
  return entries
    .map((e) => {
      const caseload = load.get(e.c.id) ?? 0;
      return {
        id: e.c.id,
        userId: e.c.userId,
        fullName: e.fullName,
        login: e.login,
        position: e.c.position,
        workUnitId: e.workUnitName ? e.c.workUnitId : null,
        workUnitName: e.workUnitName,
        workplace: e.c.workplace,
        phone: e.c.phone,
        email: e.c.email,
        active: e.c.active,
        version: e.c.version,
        caseload,
        overloaded: caseload > CASELOAD_LIMIT,
        schools: schools
          .filter((s) => s.a.curatorId === e.c.id)
          .map((s) => ({
            assignmentId: s.a.id,
            schoolId: s.a.schoolId,
            schoolName: s.schoolName,
            municipalityId: s.municipalityId ?? '',
            municipalityName: s.municipalityName ?? '',
            order: s.a.orderId
              ? {
                  id: s.a.orderId,
                  number: s.orderNumber ?? '',
                  date: s.orderDate ?? '',
                  hasFile: Boolean(s.orderFileId),
                }
              : null,
            version: s.a.version,
          }))
          .sort(byRussian((s) => s.schoolName)),
      };
    })
    .filter((e) => !opts.municipalityId || e.schools.length > 0 || e.caseload === 0)
    .sort(byRussian((e) => e.fullName));
}
