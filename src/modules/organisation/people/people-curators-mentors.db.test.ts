import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../../tests/helpers/db.js';
import { buildRegion } from '../../../../tests/helpers/fixture.js';
import type { Database } from '../../../db/client.js';
import { auditEvents } from '../../../db/schema/audit.js';
import { roleAssignments, users } from '../../../db/schema/auth.js';
import {
  identificationListSchools,
  identificationLists,
  identificationRuns,
  methodologies,
} from '../../../db/schema/identification.js';
import { loadActor } from '../../auth/load-actor.js';
import { addAgreement, deleteAgreement, updateAgreement } from './agreements.js';
import { assignCurator, removeCuratorAssignment } from './curator-assignments.js';
import { createCurator, listCurators, updateCurator } from './curators.js';
import { createPair, listPairs } from './mentor-pairs.js';
import { code, order, TODAY, YEAR } from './people-setup.js';
import { getSchoolOrganisation } from './school-organisation.js';

// The organisation's people, one chain: a curator's account, his schools and role, his registry entry;
// a ШНОР paired with a mentor school; what a school sees of its curators, mentors and mentees.

describe.each(DB_KINDS)('people of the organisation on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let curatorId: string;
  let curatorUserId: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  }, 60_000);
  afterAll(async () => database?.close());

  const roles = async (userId: string) =>
    (
      await database.db
        .select()
        .from(roleAssignments)
        .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, 'curator')))
    ).map((r) => r.orgUnitId);

  it('a new curator account gets a one-time password and no role; the same person twice is refused', async () => {
    const made = await createCurator(database.db, {
      actor: f.as('mun1'),
      input: {
        newAccount: { login: 'kurator.new', fullName: 'Новиков Новый Новович' },
        position: 'Директор',
        workUnitId: f.S2.id,
      },
    });
    expect(made.oneTimePassword).toMatch(/^[\w-]{10,}$/);
    const [u] = await database.db.select().from(users).where(eq(users.login, 'kurator.new'));
    expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    curatorId = made.id;
    curatorUserId = u?.id ?? '';
    expect(await roles(curatorUserId)).toEqual([]);
    expect(
      await code(
        createCurator(database.db, { actor: f.as('region'), input: { login: 'kurator.new', position: 'x' } }),
      ),
    ).toMatch(/^CONFLICT Этот пользователь уже есть/);
    expect(
      await code(
        createCurator(database.db, { actor: f.as('school1'), input: { login: 'teacher', position: 'x' } }),
      ),
    ).toMatch(/^FORBIDDEN/);
  });

  it('refuses the school he works in, warns above three schools, grants and takes back the role', async () => {
    const db = database.db;
    expect(
      await code(
        assignCurator(db, {
          actor: f.as('mun1'),
          today: TODAY,
          input: { curatorId, schoolIds: [f.S2.id], year: YEAR, order },
        }),
      ),
    ).toBe('INVALID_INPUT Куратор работает в школе «Школа 2» и не может её курировать');
    // Another municipality's school: the coordinator does not see it.
    expect(
      await code(
        assignCurator(db, {
          actor: f.as('mun1'),
          today: TODAY,
          input: { curatorId, schoolIds: [f.S3.id], year: YEAR, order },
        }),
      ),
    ).toMatch(/^NOT_FOUND/);
    // A school sees itself but does not organise it.
    expect(
      await code(
        assignCurator(db, {
          actor: f.as('school1'),
          today: TODAY,
          input: { curatorId, schoolIds: [f.S1.id], year: YEAR, order },
        }),
      ),
    ).toMatch(/^(FORBIDDEN|NOT_FOUND)/);
    const first = await assignCurator(db, {
      actor: f.as('region'),
      today: TODAY,
      input: { curatorId, schoolIds: [f.S1.id, f.S3.id], year: YEAR, order },
    });
    expect(first.warnings).toEqual([]);
    expect((await roles(curatorUserId)).sort()).toEqual([f.S1.id, f.S3.id].sort());
    expect(
      await code(
        assignCurator(db, {
          actor: f.as('region'),
          today: TODAY,
          input: { curatorId, schoolIds: [f.S1.id], year: YEAR, order },
        }),
      ),
    ).toBe('CONFLICT Куратор уже назначен школе «Школа 1» на этот год');
    // Two more schools of the same region (new ones) make four: a warning, not a refusal.
    const extra = await Promise.all(
      ['Школа 4', 'Школа 5'].map(async (name) => {
        const { createOrgUnit } = await import('../../orgs/org-units.js');
        const { TEST_SYSTEM } = await import('../../../../tests/helpers/system.js');
        return createOrgUnit(db, {
          actor: TEST_SYSTEM,
          audit: false,
          input: { parentId: f.M2.id, kind: 'school', name },
        });
      }),
    );
    const more = await assignCurator(db, {
      actor: f.as('region'),
      today: TODAY,
      input: { curatorId, schoolIds: extra.map((s) => s.id), year: YEAR, order },
    });
    expect(more.caseload).toBe(4);
    expect(more.warnings).toEqual(['У куратора 4 школы на 2026/27 уч. год — больше рекомендованных трёх']);
    // A past year's assignment gives no role.
    await assignCurator(db, {
      actor: f.as('region'),
      today: TODAY,
      input: { curatorId, schoolIds: [f.S1.id], year: 2025, order },
    });
    const list = await listCurators(db, { actor: f.as('region'), year: YEAR });
    const entry = list.find((c) => c.id === curatorId);
    expect(entry?.caseload).toBe(4);
    expect(entry?.overloaded).toBe(true);
    // The coordinator of M1 sees the entry with its M1 school only (the others are not his to see).
    const seenByMun = (await listCurators(db, { actor: f.as('mun1'), year: YEAR })).find(
      (c) => c.id === curatorId,
    );
    expect(seenByMun?.schools.map((s) => s.schoolName)).toEqual(['Школа 1']);
    // Removing the assignment of the current year takes the role away; the past year's one is no reason to keep it.
    const s1 = entry?.schools.find((s) => s.schoolId === f.S1.id);
    if (!s1) throw new Error('no S1 assignment');
    expect(
      await code(
        removeCuratorAssignment(db, {
          actor: f.as('region'),
          id: s1.assignmentId,
          version: 99,
          today: TODAY,
        }),
      ),
    ).toMatch(/^CONFLICT/);
    await removeCuratorAssignment(db, {
      actor: f.as('mun1'),
      id: s1.assignmentId,
      version: s1.version,
      today: TODAY,
    });
    expect(await roles(curatorUserId)).not.toContain(f.S1.id);
    expect(await roles(curatorUserId)).toContain(f.S3.id);
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'curator_assignment'));
    expect(events.map((e) => e.type)).toContain('curator.unassigned');
  });

  it('edits the registry entry with its version; a school may not', async () => {
    const [entry] = (await listCurators(database.db, { actor: f.as('region'), year: YEAR })).filter(
      (c) => c.id === curatorId,
    );
    if (!entry) throw new Error('no entry');
    expect(
      await code(
        updateCurator(database.db, {
          actor: f.as('school3'),
          id: curatorId,
          input: { phone: '1', version: entry.version },
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await code(
        updateCurator(database.db, {
          actor: f.as('school2'),
          id: curatorId,
          input: { phone: '1', version: entry.version },
        }),
      ),
    ).toMatch(/^(NOT_FOUND|FORBIDDEN)/);
    await updateCurator(database.db, {
      actor: f.as('region'),
      id: curatorId,
      input: { phone: '+7 900', version: entry.version },
    });
    expect(
      await code(
        updateCurator(database.db, {
          actor: f.as('region'),
          id: curatorId,
          input: { phone: '2', version: entry.version },
        }),
      ),
    ).toMatch(/^CONFLICT/);
  });

  it('pairs a ШНОР with a mentor: never itself, warns when the mentor is on the list in force', async () => {
    const db = database.db;
    expect(
      await code(
        createPair(db, {
          actor: f.as('mun1'),
          today: TODAY,
          input: { schoolId: f.S1.id, mentorSchoolId: f.S1.id, year: YEAR, order },
        }),
      ),
    ).toBe('INVALID_INPUT Школа не может быть наставником самой себе');
    // S2 is on the approved ШНОР list of 2025: still in force in 2026.
    const [m] = await db.select().from(methodologies).where(eq(methodologies.regionId, f.R.id));
    const [run] = await db
      .insert(identificationRuns)
      .values({
        regionId: f.R.id,
        methodologyId: m?.id ?? '',
        year: 2025,
        status: 'done',
        finishedAt: new Date(),
      })
      .returning();
    const [list] = await db
      .insert(identificationLists)
      .values({
        regionId: f.R.id,
        year: 2025,
        kind: 'shnor',
        runId: run?.id ?? '',
        status: 'approved',
        orderNumber: '5-п',
        orderDate: '2025-09-10',
      })
      .returning();
    await db.insert(identificationListSchools).values({ listId: list?.id ?? '', schoolId: f.S2.id });
    const pair = await createPair(db, {
      actor: f.as('mun1'),
      today: TODAY,
      input: { schoolId: f.S1.id, mentorSchoolId: f.S2.id, year: YEAR, order },
    });
    expect(pair.warnings).toEqual([
      'Школа-наставник «Школа 2» сама в списке: ШНОР по списку 2025 г. (приказ № 5-п от 10.09.2025). Проверьте выбор',
    ]);
    expect(
      await code(
        createPair(db, {
          actor: f.as('region'),
          today: TODAY,
          input: { schoolId: f.S1.id, mentorSchoolId: f.S2.id, year: YEAR, order },
        }),
      ),
    ).toBe('CONFLICT Эта пара уже закреплена на этот год');
    const a = await addAgreement(db, {
      actor: f.as('mun1'),
      pairId: pair.id,
      input: { kinds: ['programs', 'vsoko'], number: 'С-1', signedOn: '2026-09-20', validTo: '2027-08-31' },
    });
    expect(
      await code(
        addAgreement(db, {
          actor: f.as('school1'),
          pairId: pair.id,
          input: { kinds: ['programs'], signedOn: '2026-09-20' },
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await code(
        addAgreement(db, {
          actor: f.as('school3'),
          pairId: pair.id,
          input: { kinds: ['programs'], signedOn: '2026-09-20' },
        }),
      ),
    ).toMatch(/^NOT_FOUND/);
    const changed = await updateAgreement(db, {
      actor: f.as('region'),
      id: a.id,
      input: { number: 'С-2', version: a.version },
    });
    expect(changed.number).toBe('С-2');
    const pairs = await listPairs(db, { actor: f.as('school2'), year: YEAR });
    expect(pairs.map((p) => p.schoolName)).toEqual(['Школа 1']);
    expect(pairs[0]?.warnings.length).toBe(1);
    expect(await listPairs(db, { actor: f.as('school3'), year: YEAR })).toEqual([]);
    const extra = await addAgreement(db, {
      actor: f.as('region'),
      pairId: pair.id,
      input: { kinds: ['resources'], signedOn: '2026-09-21' },
    });
    await deleteAgreement(db, { actor: f.as('region'), id: extra.id, version: extra.version });
  });

  it('a school sees its own curators, mentors and mentees; another school does not see it', async () => {
    const db = database.db;
    const curatorActor = await loadActor(db, curatorUserId);
    if (!curatorActor) throw new Error('no actor');
    const own = await getSchoolOrganisation(db, { actor: f.as('school1'), schoolId: f.S1.id, year: YEAR });
    expect(own.curators).toEqual([]); // removed above
    expect(own.mentors.map((m) => m.schoolName)).toEqual(['Школа 2']);
    expect(own.mentors[0]?.agreements[0]?.kinds).toEqual(['programs', 'vsoko']);
    const mentorView = await getSchoolOrganisation(db, {
      actor: f.as('school2'),
      schoolId: f.S2.id,
      year: YEAR,
    });
    expect(mentorView.mentees.map((m) => m.schoolName)).toEqual(['Школа 1']);
    expect(
      await code(getSchoolOrganisation(db, { actor: f.as('school3'), schoolId: f.S1.id, year: YEAR })),
    ).toMatch(/^NOT_FOUND/);
    const s3 = await getSchoolOrganisation(db, { actor: curatorActor, schoolId: f.S3.id, year: YEAR });
    expect(s3.curators.map((c) => c.fullName)).toEqual(['Новиков Новый Новович']);
    // The curator sees his own entry and his schools only.
    const mine = await listCurators(db, { actor: curatorActor, year: YEAR });
    expect(mine.map((c) => c.id)).toEqual([curatorId]);
  });
});
