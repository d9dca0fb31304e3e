import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database, Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import type { Role } from '../../db/schema/auth.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { loadActor } from '../auth/load-actor.js';
import { addAssignment, createUser } from '../auth/users.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { createStaffMember } from '../staff/keep-staff.js';
import { getStaffCard } from '../staff/list-staff.js';
import { exportAuditCsv } from './export-csv.js';
import { recordEvent } from './record-event.js';
import { auditUsers, searchAuditEvents } from './search.js';
import type { AuditListQuery } from './views.js';

// The audit log's search on a real database (issue 17 §7): two regions A and B, a security officer in
// each; the scope, every filter, keyset pages over events of one instant, and the CSV file.

async function person(db: Db, login: string, role: Role, unitId: string): Promise<Actor> {
  const u = await createUser(db, {
    actor: TEST_SYSTEM,
    input: { login, fullName: `Сотрудник ${login}`, password: 'password-123' },
  });
  await addAssignment(db, { actor: TEST_SYSTEM, userId: u.id, input: { role, orgUnitId: unitId } });
  const a = await loadActor(db, u.id);
  if (!a) throw new Error(login);
  return a;
}

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

describe.each(DB_KINDS)('audit log on %s', (kind) => {
  let database: Database;
  let db: Db;
  let A: Awaited<ReturnType<typeof buildRegion>>;
  let officerA: Actor;
  let officerB: Actor;
  let teamB: Actor;
  let SB: { id: string };
  const search = (actor: Actor, query: AuditListQuery = {}) => searchAuditEvents(db, { actor, query });
  /** Events of the fixture's own writes (this test's), without the accounts and roles it made. */
  const tagged = { object: 'метка-теста' };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    A = await buildRegion(db);
    officerA = await person(db, 'securityA', 'security_officer', A.R.id);
    const unit = (parentId: string | null, k: 'region' | 'municipality' | 'school', name: string) =>
      createOrgUnit(db, { actor: TEST_SYSTEM, audit: false, input: { parentId, kind: k, name } });
    const RB = await unit(null, 'region', 'Другая область');
    const MB = await unit(RB.id, 'municipality', 'Район другой области');
    SB = await unit(MB.id, 'school', 'Школа другой области');
    officerB = await person(db, 'securityB', 'security_officer', RB.id);
    teamB = await person(db, 'schoolB', 'school_team', SB.id);
    const school1 = A.as('school1');
    // A roadmap item changed in A's school, one in B's; sign-ins on both sides; a failed one by a login of A.
    await recordEvent(
      db,
      school1,
      'item.updated',
      { entityType: 'item', entityId: '00000000-0000-4000-8000-000000000001', orgUnitId: A.S1.id },
      { changes: [{ field: 'measure', old: 'метка-теста: было', new: 'метка-теста: стало' }] },
    );
    await recordEvent(
      db,
      teamB,
      'item.updated',
      { entityType: 'item', entityId: '00000000-0000-4000-8000-000000000002', orgUnitId: SB.id },
      { changes: [{ field: 'measure', old: 'метка-теста B', new: 'метка-теста B2' }] },
    );
    await recordEvent(
      db,
      school1,
      'user.logged_in',
      { entityType: 'session', entityId: 's1' },
      { ip: '10.0.0.1' },
    );
    await recordEvent(
      db,
      teamB,
      'user.logged_in',
      { entityType: 'session', entityId: 's2' },
      { ip: '10.0.0.2' },
    );
    await recordEvent(
      db,
      null,
      'user.login_failed',
      { entityType: 'session', entityId: 'school1' },
      { login: 'school1', ip: '1.1.1.1' },
    );
    await recordEvent(
      db,
      null,
      'user.login_failed',
      { entityType: 'session', entityId: 'nobody' },
      { login: 'nobody', ip: '1.1.1.2' },
    );
    // Failed sign-ins are recorded under the lower-cased login (login.ts); B's account is «schoolB».
    await recordEvent(
      db,
      null,
      'user.login_failed',
      { entityType: 'session', entityId: 'schoolb' },
      { login: 'schoolb', ip: '2.2.2.2' },
    );
    await recordEvent(
      db,
      school1,
      'pupil.card_read',
      { entityType: 'pupil_record', entityId: 'p1', orgUnitId: A.S1.id },
      { schoolId: A.S1.id, classLabel: '5А' },
    );
  }, 120_000);
  afterAll(async () => database.close());

  it('gives the log to the administrator and the security officer only', async () => {
    expect(await failure(search(A.as('region')))).toBe('FORBIDDEN');
    expect(await failure(search(A.as('school1')))).toBe('FORBIDDEN');
    expect(await failure(search(A.as('admin')))).toBe('OK');
    expect(await failure(search(officerA))).toBe('OK');
  });

  it('shows each region its own events and never the other region’s', async () => {
    const a = (await search(officerA, { limit: 200 })).events;
    const b = (await search(officerB, { limit: 200 })).events;
    const ipsA = a.flatMap((e) => e.values.filter((v) => v.label === 'IP-адрес').map((v) => v.value));
    const ipsB = b.flatMap((e) => e.values.filter((v) => v.label === 'IP-адрес').map((v) => v.value));
    // A: its sign-in and the failed sign-in of its login; the unknown login is nobody's.
    expect(ipsA.sort()).toEqual(['1.1.1.1', '10.0.0.1']);
    expect(ipsB.sort()).toEqual(['10.0.0.2', '2.2.2.2']);
    expect(a.some((e) => e.unit?.id === SB.id)).toBe(false);
    const unitsOfA = [A.R, A.IRO, A.M1, A.M2, A.S1, A.S2, A.S3].map((u) => u.id);
    expect(b.filter((e) => e.unit && unitsOfA.includes(e.unit.id))).toEqual([]);
    expect(a.some((e) => e.unit?.id === A.S1.id)).toBe(true);
    expect(b.map((e) => e.changes[0]?.new).filter(Boolean)).toEqual(['метка-теста B2']);
    // The accounts made in each region (user.created about a user with a role there) are that region's.
    expect(a.filter((e) => e.type === 'user.created').length).toBeGreaterThanOrEqual(12);
    expect(
      b
        .filter((e) => e.type === 'user.created')
        .map((e) => e.object.name)
        .sort(),
    ).toEqual(['Сотрудник schoolB', 'Сотрудник securityB']);
    // The user picker: people of the reader's region.
    expect((await auditUsers(db, { actor: officerB })).map((u) => u.login).sort()).toEqual([
      'schoolB',
      'securityB',
    ]);
    expect((await auditUsers(db, { actor: officerA, q: 'school1' })).map((u) => u.login)).toEqual([
      'school1',
    ]);
  });

  it('shows a change as field, было, стало in Russian', async () => {
    const [e] = (await search(officerA, { ...tagged, types: 'item.updated' })).events;
    expect(e).toMatchObject({
      label: 'Изменено мероприятие',
      group: 'Дорожные карты',
      actor: { name: 'Пользователь school1' },
      unit: { id: A.S1.id, name: 'Школа 1' },
      changes: [{ field: 'Мероприятие', old: 'метка-теста: было', new: 'метка-теста: стало' }],
      values: [],
    });
  });

  it('filters by user, object, type, group and period', async () => {
    const school1 = A.as('school1');
    const types = (q: AuditListQuery) => search(officerA, q).then((r) => r.events.map((e) => e.type).sort());
    expect(await types({ actorId: school1.userId })).toEqual([
      'item.updated',
      'pupil.card_read',
      'user.logged_in',
    ]);
    expect(await types({ entityType: 'item', entityId: '00000000-0000-4000-8000-000000000001' })).toEqual([
      'item.updated',
    ]);
    expect(await types({ object: 'МЕТКА-теста' })).toEqual(['item.updated']);
    expect(await types({ object: '%' })).toEqual([]);
    expect(await types({ groups: 'personal_data' })).toEqual(['pupil.card_read']);
    expect(await types({ groups: 'sign_in', types: 'pupil.card_read' })).toEqual([
      'pupil.card_read',
      'user.logged_in',
      'user.login_failed',
    ]);
    expect(await failure(search(officerA, { types: 'item.exploded' }))).toBe('INVALID_INPUT');
    expect(await failure(search(officerA, { groups: 'nothing' }))).toBe('INVALID_INPUT');
    expect(await failure(search(officerA, { from: '2026-02-30' }))).toBe('INVALID_INPUT');
    expect(await failure(search(officerA, { from: '2026-03-02', to: '2026-03-01' }))).toBe('INVALID_INPUT');
    // Period in Moscow days: 20:59:59 UTC is still the 1st of March in Moscow, 21:00 UTC is the 2nd.
    const set = async (ip: string, at: string) =>
      db.execute(sql`update audit_events set at = ${at}::timestamptz where payload->>'ip' = ${ip}`);
    await set('10.0.0.1', '2026-03-01T20:59:59.999Z');
    await set('1.1.1.1', '2026-03-01T21:00:00Z');
    const ips = async (q: AuditListQuery) =>
      (await search(officerA, { groups: 'sign_in', ...q })).events.flatMap((e) =>
        e.values.filter((v) => v.label === 'IP-адрес').map((v) => v.value),
      );
    expect(await ips({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['10.0.0.1']);
    expect(await ips({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['1.1.1.1']);
    expect(await ips({ to: '2026-02-28' })).toEqual([]);
  });

  it('pages newest first without losing or repeating events of one instant', async () => {
    const school1 = A.as('school1');
    // Twelve events in one transaction: one `at`, told apart by id.
    await db.transaction(async (tx) => {
      for (let i = 0; i < 12; i++)
        await recordEvent(
          tx,
          school1,
          'item.comment_added',
          { entityType: 'item', entityId: `c${i}`, orgUnitId: A.S2.id },
          { text: `страница ${i}` },
        );
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await search(officerA, { types: 'item.comment_added', limit: 5, cursor });
      seen.push(...r.events.map((e) => e.values[0]?.value ?? ''));
      cursor = r.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `страница ${11 - i}`));
    const all = (await search(officerA, { limit: 200 })).events.map((e) => e.at);
    expect([...all].sort().reverse()).toEqual(all);
  });

  it('exports CSV for Excel: BOM, «;», quoting, defused formulas, the limit, and records the export', async () => {
    const school1 = A.as('school1');
    // An author whose name a spreadsheet would run as a formula.
    const evil = { userId: school1.userId, fullName: '=HYPERLINK("http://evil")' };
    await recordEvent(
      db,
      evil,
      'item.comment_added',
      { entityType: 'item', entityId: 'x1', orgUnitId: A.S1.id },
      { text: 'HYPERLINK' },
    );
    await recordEvent(
      db,
      school1,
      'item.comment_added',
      { entityType: 'item', entityId: 'x2', orgUnitId: A.S1.id },
      { text: 'один; два\nтри' },
    );
    const file = await readAll(exportAuditCsv(db, { actor: officerA, query: { object: 'HYPERLINK' } }));
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Время (МСК);Кто;Событие;Группа;Объект;Организация;Было → стало;Сведения;Номер события',
    );
    expect(lines[1]).toMatch(
      /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2};"'=HYPERLINK\(""http:\/\/evil""\)";Комментарий к мероприятию;Дорожные карты;Мероприятие;Школа 1;;Текст: HYPERLINK;\d+$/,
    );
    expect(lines.slice(2)).toEqual(['']);
    const quoted = (
      await readAll(exportAuditCsv(db, { actor: officerA, query: { object: 'один; два' } }))
    ).toString('utf8');
    expect(quoted).toContain(';"Текст: один; два\nтри";');
    // A formula at the start of a cell of its own: the value of a one-value event.
    expect(
      await import('./export-csv.js').then((m) => m.csvLine(['-1+1', '@SUM(A1)', '+7', 'обычный'])),
    ).toBe("'-1+1;'@SUM(A1);'+7;обычный\r\n");
    // Cut at the limit, and said so.
    const cut = (
      await readAll(
        exportAuditCsv(db, { actor: officerA, query: { types: 'item.comment_added' }, maxRows: 5 }),
      )
    )
      .toString('utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(cut).toHaveLength(1 + 5 + 1);
    expect(cut.at(-1)).toMatch(/^Выгрузка ограничена 5 строками/);
    const exports = await db
      .select({ payload: auditEvents.payload, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'audit.exported'), eq(auditEvents.actorId, officerA.userId)));
    expect(exports.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        { filter: { types: 'item.comment_added' }, rows: 5 },
        { filter: { object: 'HYPERLINK' }, rows: 1 },
      ]),
    );
    // The export is in the log of its region, under «Журнал и перенос данных», not in B's.
    expect((await search(officerA, { types: 'audit.exported' })).events.length).toBe(3);
    expect((await search(officerB, { types: 'audit.exported' })).events.length).toBe(0);
    expect(() => exportAuditCsv(db, { actor: A.as('region'), query: {} })).toThrow(AppError);
    // Recorded before the rows, with the number planned: a download stopped after the header is logged.
    const planned = (await search(officerA, { types: 'audit.exported', limit: 200 })).events.length;
    const reader = exportAuditCsv(db, { actor: officerA, query: { types: 'audit.exported' } }).getReader();
    await reader.read();
    await reader.cancel();
    const early = await db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'audit.exported'), eq(auditEvents.actorId, officerA.userId)));
    expect(early.map((e) => e.payload)).toContainEqual({
      filter: { types: 'audit.exported' },
      rows: planned,
    });
    // The file holds the events before the export, not the export itself.
    const whole = (await readAll(exportAuditCsv(db, { actor: officerA, query: { types: 'audit.exported' } })))
      .toString('utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(whole).toHaveLength(1 + planned + 1);
  });

  it('records the reading of a teacher’s card as personal data, not as a change of the record', async () => {
    const member = await createStaffMember(db, {
      actor: A.as('school1'),
      input: {
        schoolId: A.S1.id,
        lastName: 'Петрова',
        firstName: 'Анна',
        position: 'Учитель',
        subjects: [],
        grades: [],
        isYoung: false,
        newlyHired: false,
      },
    });
    const card = await getStaffCard(db, { actor: A.as('mun1'), id: member.id });
    expect(card.history.map((h) => h.text).join(' ')).not.toMatch(/card_read|Просмотр/);
    const reads = (await search(officerA, { groups: 'personal_data', actorId: A.as('mun1').userId })).events;
    expect(reads.map((e) => [e.label, e.object.kind, e.unit?.name])).toEqual([
      ['Просмотр карточки педагога', 'Педагог', 'Школа 1'],
    ]);
    expect(JSON.stringify(reads)).not.toContain('Петрова');
  });
});
