import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { noticesOf } from '../notifications/notify.js';
import { addDays } from './deadline-items.js';
import { listEscalations } from './list-escalations.js';
import { updateEscalationRules } from './rules.js';
import { runScheduledSweep } from './scheduled-sweep.js';
import { runDailySweep } from './sweep.js';

// The daily sweep with the clock moved (issue 15 §3): a school's measure due on DUE, a municipality's
// decision due on DUE; the sweep run on chosen days tells each fact once and escalates past the threshold.

const DUE = '2027-03-20';

type Region = Awaited<ReturnType<typeof buildRegion>>;

async function seed(db: Database['db'], r: Region) {
  const [roadmap] = await queryRows<{ id: string }>(
    db,
    sql`insert into roadmaps (org_unit_id, title, kind, period_kind, period_year, status)
      values (${r.S1.id}, 'Карта школы', 'shnor_support', 'school_year', 2026, 'approved') returning id`,
  );
  const rid = roadmap?.id ?? '';
  const [section] = await queryRows<{ id: string }>(
    db,
    sql`insert into roadmap_sections (roadmap_id, position, title) values (${rid}, 1, 'Раздел') returning id`,
  );
  const [item] = await queryRows<{ id: string }>(
    db,
    sql`insert into roadmap_items (roadmap_id, section_id, position, number, measure, due_date, status)
      values (${rid}, ${section?.id}, 1, '1.1', 'Провести педсовет', ${DUE}, 'planned') returning id`,
  );
  const [meeting] = await queryRows<{ id: string }>(
    db,
    sql`insert into meetings (kind, org_unit_id, date, title)
      values ('body_meeting', ${r.M2.id}, '2027-01-10', 'Заседание') returning id`,
  );
  const [decision] = await queryRows<{ id: string }>(
    db,
    sql`insert into meeting_decisions (meeting_id, position, text, responsible_unit_id, due_date)
      values (${meeting?.id}, 1, 'Подготовить справку', ${r.M2.id}, ${DUE}) returning id`,
  );
  return { itemId: item?.id ?? '', decisionId: decision?.id ?? '' };
}

const kindsOf = async (db: Database['db'], r: Region, login: string) =>
  (await noticesOf(db, r.as(login).userId)).map((n) => n.kind).sort();

describe.each(DB_KINDS)('daily sweep on %s', (kind) => {
  let database: Database;
  let r: Region;
  let ids: { itemId: string; decisionId: string };
  beforeAll(async () => {
    database = await freshDatabase(kind);
    r = await buildRegion(database.db);
    ids = await seed(database.db, r);
  }, 60_000);
  afterAll(() => database.close());

  it('tells nothing before the reminder days, then due_soon once at due − 7', async () => {
    const db = database.db;
    await runDailySweep(db, { today: addDays(DUE, -8) });
    expect(await kindsOf(db, r, 'school1')).toEqual([]);
    const first = await runDailySweep(db, { today: addDays(DUE, -7) });
    expect(first.notices).toBeGreaterThan(0);
    const school = await noticesOf(db, r.as('school1').userId);
    expect(school.map((n) => n.dedupe_key)).toEqual([`due_soon:item:${ids.itemId}:${DUE}`]);
    expect(school[0]?.title).toBe('Срок через 7 дней: 1.1 Провести педсовет');
    expect(school[0]?.link).toContain(`item=${ids.itemId}`);
    expect(await kindsOf(db, r, 'mun2')).toEqual(['due_soon']);
    // The next day, and the same day again: nothing new.
    expect((await runDailySweep(db, { today: addDays(DUE, -6) })).notices).toBe(0);
    expect((await runDailySweep(db, { today: addDays(DUE, -6) })).notices).toBe(0);
    expect(await kindsOf(db, r, 'school1')).toEqual(['due_soon']);
    expect(await kindsOf(db, r, 'school2')).toEqual([]);
  });

  it('tells overdue once, escalates a school at due + 15 to curator and coordinator, not the region', async () => {
    const db = database.db;
    await runDailySweep(db, { today: addDays(DUE, 1) });
    await runDailySweep(db, { today: addDays(DUE, 2) });
    expect(await kindsOf(db, r, 'school1')).toEqual(['due_soon', 'overdue']);
    await runDailySweep(db, { today: addDays(DUE, 14) });
    expect(await kindsOf(db, r, 'curator')).toEqual([]);
    await runDailySweep(db, { today: addDays(DUE, 15) });
    await runDailySweep(db, { today: addDays(DUE, 16) });
    expect(await kindsOf(db, r, 'curator')).toEqual(['escalated']);
    const mun1 = await noticesOf(db, r.as('mun1').userId);
    expect(mun1.map((n) => n.dedupe_key)).toEqual([`escalated:item:${ids.itemId}:${DUE}:municipality`]);
    expect(mun1[0]?.title).toBe('Эскалация: Школа 1 — просрочено на 15 дней');
    // The municipality's decision reached the region; the school's measure did not.
    const region = await noticesOf(db, r.as('region').userId);
    expect(region.map((n) => n.dedupe_key)).toEqual([`escalated:decision:${ids.decisionId}:${DUE}:region`]);
    expect(await kindsOf(db, r, 'school1')).toEqual(['due_soon', 'overdue']);
  });

  it('lists escalations per viewer with ages; a school has no such list', async () => {
    const db = database.db;
    const today = addDays(DUE, 21);
    const curator = await listEscalations(db, { actor: r.as('curator'), today });
    expect(curator.items.map((i) => [i.unit.name, i.ageDays, i.reportedTo])).toEqual([
      ['Школа 1', 21, 'curator_municipality'],
    ]);
    expect((await listEscalations(db, { actor: r.as('mun1'), today })).items).toHaveLength(1);
    expect((await listEscalations(db, { actor: r.as('mun2'), today })).items).toEqual([]);
    const region = await listEscalations(db, { actor: r.as('region'), today });
    expect(region.items.map((i) => i.kind).sort()).toEqual(['decision', 'item']);
    expect(region.municipalities.map((m) => m.name)).toEqual(['Второй район', 'Первый район']);
    const filtered = await listEscalations(db, {
      actor: r.as('region'),
      today,
      query: { municipalityId: r.M2.id },
    });
    expect(filtered.items.map((i) => i.kind)).toEqual(['decision']);
    await expect(listEscalations(db, { actor: r.as('school1'), today })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(listEscalations(db, { actor: r.as('teacher'), today })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('disabled rules: nothing is told and nothing listed; a stale version is a conflict', async () => {
    const db = database.db;
    const rules = await updateEscalationRules(db, {
      actor: r.as('region'),
      input: {
        enabled: false,
        dueSoonDays: 7,
        schoolOverdueDays: 14,
        municipalityOverdueDays: 14,
        version: 0,
      },
    });
    expect(rules.version).toBe(1);
    await expect(
      updateEscalationRules(db, {
        actor: r.as('region'),
        input: {
          enabled: true,
          dueSoonDays: 7,
          schoolOverdueDays: 14,
          municipalityOverdueDays: 14,
          version: 0,
        },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      updateEscalationRules(db, {
        actor: r.as('mun1'),
        input: {
          enabled: true,
          dueSoonDays: 7,
          schoolOverdueDays: 14,
          municipalityOverdueDays: 14,
          version: 1,
        },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await queryRows(db, sql`update roadmap_items set due_date = ${'2027-06-01'} where id = ${ids.itemId}`);
    expect((await runDailySweep(db, { today: '2027-05-30' })).notices).toBe(0);
    expect((await listEscalations(db, { actor: r.as('region'), today: '2027-09-01' })).items).toEqual([]);
    const events = await queryRows<{ type: string }>(
      db,
      sql`select type from audit_events where type = 'escalation_rule.updated'`,
    );
    expect(events).toHaveLength(1);
    // Enabled again: a moved deadline is a new fact.
    await updateEscalationRules(db, {
      actor: r.as('region'),
      input: {
        enabled: true,
        dueSoonDays: 7,
        schoolOverdueDays: 14,
        municipalityOverdueDays: 14,
        version: 1,
      },
    });
    await runDailySweep(db, { today: '2027-05-30' });
    expect((await noticesOf(db, r.as('school1').userId)).map((n) => n.dedupe_key)).toContain(
      `due_soon:item:${ids.itemId}:2027-06-01`,
    );
  });

  it('runs the day once however many instances try; a failed or dead run is taken over', async () => {
    const db = database.db;
    const day = '2027-07-01';
    const now = new Date('2027-07-01T06:05:00Z');
    const before = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from notifications`))[0]
      ?.n;
    // On PostgreSQL the pool gives the two calls two connections racing on scheduled_runs.
    const [a, b] = await Promise.all([
      runScheduledSweep(db, { today: day, now, instance: 'a' }),
      runScheduledSweep(db, { today: day, now, instance: 'b' }),
    ]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    const after = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from notifications`))[0]
      ?.n;
    const alone = await runDailySweep(db, { today: day });
    expect(alone.notices).toBe(0);
    expect(after).toBeGreaterThanOrEqual(before ?? 0);
    const [row] = await queryRows<{ finished: boolean; outcome: string }>(
      db,
      sql`select finished_at is not null as finished, outcome from scheduled_runs where day = ${day}`,
    );
    expect(row?.finished).toBe(true);
    expect(row?.outcome).toMatch(/^Готово/);
    // Done: nobody runs it again that day.
    expect((await runScheduledSweep(db, { today: day, now, instance: 'c' })).ran).toBe(false);
    // A run that died (no finish an hour after its start) is taken over; a fresh unfinished one is not.
    await queryRows(
      db,
      sql`insert into scheduled_runs (name, day, instance, started_at) values ('daily-sweep', '2027-07-02', 'dead', ${'2027-07-02T06:00:00Z'})`,
    );
    const later = (min: number) => new Date(Date.parse('2027-07-02T06:00:00Z') + min * 60_000);
    expect((await runScheduledSweep(db, { today: '2027-07-02', now: later(30), instance: 'd' })).ran).toBe(
      false,
    );
    expect((await runScheduledSweep(db, { today: '2027-07-02', now: later(61), instance: 'd' })).ran).toBe(
      true,
    );
  });
});
