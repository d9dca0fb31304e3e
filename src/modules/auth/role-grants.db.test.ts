import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database, Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { roleAssignments, users } from '../../db/schema/auth.js';
import type { Actor } from '../access/actor.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { syncGroupRoles } from './ldap/sync-roles.js';
import { loadActor } from './load-actor.js';
import { grantByHand } from './role-grants.js';
import { addAssignment, createUser, listUsers, removeAssignment, updateUser } from './users.js';

// Roles given by hand vs roles an LDAP group rule gives (ADR 0041), on a real database: sign-in takes
// away only what the directory gave; a hand-given pair stays; giving a directory pair by hand keeps it.

const OPS = 'cn=operators,ou=groups,dc=opora,dc=test';
const EXPERTS = 'cn=experts,ou=groups,dc=opora,dc=test';

describe.each(DB_KINDS)('roles by hand and by directory on %s', (kind) => {
  let database: Database;
  let db: Db;
  let regionId: string;
  let admin: Actor;
  let rules: { group: string; role: 'regional_operator' | 'expert'; orgUnit: string }[];
  let n = 0;

  const newUser = async () =>
    (
      await createUser(db, {
        actor: TEST_SYSTEM,
        input: { login: `person${++n}`, fullName: `Сотрудник ${n}`, password: 'password-123' },
      })
    ).id;
  const rowsOf = async (userId: string) =>
    (await db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)))
      .map((r) => `${r.role}:${r.source}`)
      .sort();
  const sync = (userId: string, groups: string[]) => syncGroupRoles(db, { userId, groups, rules });
  const eventsOf = async (userId: string, type: string) =>
    (
      await db
        .select({ payload: auditEvents.payload })
        .from(auditEvents)
        .where(and(eq(auditEvents.type, type), eq(auditEvents.entityId, userId)))
    ).map((e) => e.payload);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    const region = await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Тестовая область' },
    });
    regionId = region.id;
    rules = [
      { group: OPS, role: 'regional_operator', orgUnit: regionId },
      { group: EXPERTS, role: 'expert', orgUnit: regionId },
    ];
    const adminId = await newUser();
    await addAssignment(db, {
      actor: TEST_SYSTEM,
      userId: adminId,
      input: { role: 'admin', orgUnitId: regionId },
    });
    const a = await loadActor(db, adminId);
    if (!a) throw new Error('no admin');
    admin = a;
  });
  afterAll(() => database?.close());

  it('keeps a hand-given pair that a rule names when the person is not in the group, and never doubles it', async () => {
    const u = await newUser();
    await addAssignment(db, { actor: admin, userId: u, input: { role: 'expert', orgUnitId: regionId } });
    expect(await sync(u, [])).toEqual({ added: [], removed: [] });
    expect(await rowsOf(u)).toEqual(['expert:manual']);
    // In the group: the pair is held already — no second row, nothing reported.
    expect(await sync(u, [EXPERTS])).toEqual({ added: [], removed: [] });
    expect(await rowsOf(u)).toEqual(['expert:manual']);
    expect(await sync(u, [])).toEqual({ added: [], removed: [] });
    expect(await rowsOf(u)).toEqual(['expert:manual']);
    expect(await eventsOf(u, 'user.roles_synced')).toEqual([]);
  });

  it('gives the directory pair as a directory row and takes it away when the group drops the person', async () => {
    const u = await newUser();
    const pair = { role: 'regional_operator', orgUnitId: regionId };
    expect(await sync(u, [OPS])).toEqual({ added: [pair], removed: [] });
    expect(await rowsOf(u)).toEqual(['regional_operator:directory']);
    const listed = (await listUsers(db, { actor: admin })).find((x) => x.id === u);
    expect(listed?.assignments.map((a) => a.source)).toEqual(['directory']);
    expect(await sync(u, [OPS])).toEqual({ added: [], removed: [] });
    expect(await sync(u, [])).toEqual({ added: [], removed: [pair] });
    expect(await rowsOf(u)).toEqual([]);
    expect(await eventsOf(u, 'user.roles_synced')).toEqual([
      { provider: 'ldap', added: [pair], removed: [] },
      { provider: 'ldap', added: [], removed: [pair] },
    ]);
  });

  it('turns a directory pair given again by hand into a hand-given one, which outlives the group', async () => {
    const u = await newUser();
    await sync(u, [OPS]);
    const row = await addAssignment(db, {
      actor: admin,
      userId: u,
      input: { role: 'regional_operator', orgUnitId: regionId },
    });
    expect(row).toMatchObject({ role: 'regional_operator', source: 'manual' });
    expect(await rowsOf(u)).toEqual(['regional_operator:manual']);
    expect(await eventsOf(u, 'assignment.added')).toEqual([
      { role: 'regional_operator', orgUnitId: regionId, fromDirectory: true },
    ]);
    // Given again by hand: nothing changes, nothing is recorded.
    expect(
      await addAssignment(db, {
        actor: admin,
        userId: u,
        input: { role: 'regional_operator', orgUnitId: regionId },
      }),
    ).toBeUndefined();
    expect(await eventsOf(u, 'assignment.added')).toHaveLength(1);
    expect(await sync(u, [])).toEqual({ added: [], removed: [] });
    expect(await rowsOf(u)).toEqual(['regional_operator:manual']);
  });

  it('records that a role removed by hand came from the directory; the next sign-in in the group gives it back', async () => {
    const u = await newUser();
    await sync(u, [OPS, EXPERTS]);
    await addAssignment(db, { actor: admin, userId: u, input: { role: 'expert', orgUnitId: regionId } });
    const rows = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, u));
    for (const r of rows) await removeAssignment(db, { actor: admin, userId: u, assignmentId: r.id });
    expect(await eventsOf(u, 'assignment.removed')).toEqual(
      expect.arrayContaining([
        { role: 'regional_operator', orgUnitId: regionId, fromDirectory: true },
        { role: 'expert', orgUnitId: regionId },
      ]),
    );
    expect(await sync(u, [OPS, EXPERTS])).toMatchObject({ removed: [] });
    expect(await rowsOf(u)).toEqual(['expert:directory', 'regional_operator:directory']);
  });

  it('gives new, directory and hand-given pairs in one call and tells which came from the directory', async () => {
    const u = await newUser();
    const district = await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: regionId, kind: 'municipality', name: `Район ${++n}` },
    });
    await sync(u, [OPS]);
    await addAssignment(db, { actor: admin, userId: u, input: { role: 'expert', orgUnitId: regionId } });
    const granted = await db.transaction((tx) =>
      grantByHand(tx, u, [
        { role: 'regional_operator', orgUnitId: regionId },
        { role: 'expert', orgUnitId: regionId },
        { role: 'municipal_coordinator', orgUnitId: district.id },
        { role: 'municipal_coordinator', orgUnitId: district.id },
      ]),
    );
    expect(granted.map((g) => `${g.role}:${g.source}:${g.fromDirectory}`).sort()).toEqual([
      'municipal_coordinator:manual:false',
      'regional_operator:manual:true',
    ]);
    expect(await rowsOf(u)).toEqual([
      'expert:manual',
      'municipal_coordinator:manual',
      'regional_operator:manual',
    ]);
  });

  it('refuses a stub a role by any hand, and an e-mail', async () => {
    const [stub] = await db
      .insert(users)
      .values({ login: `stub:${++n}`, fullName: 'Автор из другой области', isActive: false, isStub: true })
      .returning();
    if (!stub) throw new Error('no stub');
    // The way an appointment (coordinator, curator) gives its role.
    await expect(
      db.transaction((tx) => grantByHand(tx, stub.id, [{ role: 'expert', orgUnitId: regionId }])),
    ).rejects.toThrow(/ролей ей не назначают/);
    await expect(
      addAssignment(db, { actor: admin, userId: stub.id, input: { role: 'expert', orgUnitId: regionId } }),
    ).rejects.toThrow(/ролей ей не назначают/);
    expect(await rowsOf(stub.id)).toEqual([]);
    await expect(
      updateUser(db, {
        actor: admin,
        userId: stub.id,
        input: { email: 'planted@example.test', version: stub.version },
      }),
    ).rejects.toThrow(/не входят/);
    // The name may still be corrected.
    const renamed = await updateUser(db, {
      actor: admin,
      userId: stub.id,
      input: { fullName: 'Автор (исправлено)', version: stub.version },
    });
    expect(renamed).toMatchObject({ fullName: 'Автор (исправлено)', email: null, isStub: true });
  });

  it('takes away a directory pair no current rule names, keeps hand-given ones and those a rule left out may name', async () => {
    const u = await newUser();
    await sync(u, [OPS, EXPERTS]);
    await addAssignment(db, { actor: admin, userId: u, input: { role: 'admin', orgUnitId: regionId } });
    expect(await rowsOf(u)).toEqual(['admin:manual', 'expert:directory', 'regional_operator:directory']);
    const opsOnly = rules.filter((r) => r.group === OPS);
    // The experts' rule is still there but its unit is not found: its pair may come back — kept.
    const lostUnit = [...opsOnly, { group: EXPERTS, role: 'expert' as const, orgUnit: 'no-such-unit' }];
    expect(await syncGroupRoles(db, { userId: u, groups: [OPS, EXPERTS], rules: lostUnit })).toEqual({
      added: [],
      removed: [],
    });
    // The experts' rule deleted from the config: the pair it gave goes, though he is still in the group.
    const expert = { role: 'expert', orgUnitId: regionId };
    expect(await syncGroupRoles(db, { userId: u, groups: [OPS, EXPERTS], rules: opsOnly })).toEqual({
      added: [],
      removed: [expert],
    });
    expect(await rowsOf(u)).toEqual(['admin:manual', 'regional_operator:directory']);
    // No rules at all: nothing the directory gave is left; the hand-given row stays.
    expect(await syncGroupRoles(db, { userId: u, groups: [OPS], rules: [] })).toEqual({
      added: [],
      removed: [{ role: 'regional_operator', orgUnitId: regionId }],
    });
    expect(await rowsOf(u)).toEqual(['admin:manual']);
    expect(await eventsOf(u, 'user.roles_synced')).toHaveLength(3);
  });
});
