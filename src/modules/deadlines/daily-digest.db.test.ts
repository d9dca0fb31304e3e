import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { startSmtp } from '../../../tests/helpers/smtp.js';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { sendDigests } from '../notifications/mail/send.js';
import { emailTransport, type Mailer } from '../notifications/mail/transport.js';
import { addDays } from './deadline-items.js';
import { runScheduledSweep } from './scheduled-sweep.js';

// The whole daily path of issue 15 §3 with the clock moved: the elected run of the day sweeps the
// deadlines and then sends the day's digests to a real SMTP server on loopback, as src/server.ts wires
// it. Due soon, overdue and the escalation each arrive once, in the digests of the right people.

const DUE = '2027-03-20';

describe.each(DB_KINDS)('the daily run with its digest on %s', (kind) => {
  let database: Database;
  let r: Awaited<ReturnType<typeof buildRegion>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    r = await buildRegion(database.db);
    const db = database.db;
    const [roadmap] = await queryRows<{ id: string }>(
      db,
      sql`insert into roadmaps (org_unit_id, title, kind, period_kind, period_year, status)
        values (${r.S1.id}, 'Карта школы', 'shnor_support', 'school_year', 2026, 'approved') returning id`,
    );
    const [section] = await queryRows<{ id: string }>(
      db,
      sql`insert into roadmap_sections (roadmap_id, position, title) values (${roadmap?.id}, 1, 'Раздел') returning id`,
    );
    await db.execute(sql`insert into roadmap_items (roadmap_id, section_id, position, number, measure, due_date, status)
      values (${roadmap?.id}, ${section?.id}, 1, '1.1', 'Провести педсовет', ${DUE}, 'planned')`);
    for (const login of ['school1', 'curator', 'mun1', 'region'])
      await db.execute(sql`update users set email = ${`${login}@test.local`} where login = ${login}`);
    smtp = await startSmtp();
    const m = emailTransport({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Опора <opora@test.local>',
      publicUrl: 'https://opora.test',
    });
    if (!m) throw new Error('no transport');
    mailer = m;
  }, 60_000);
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await database.close();
  });

  const day = (offset: number, instance = 'a') => {
    const today = addDays(DUE, offset);
    return runScheduledSweep(database.db, {
      today,
      now: new Date(`${today}T07:00:00Z`),
      instance,
      afterSweep: () => sendDigests(database.db, { mailer, now: new Date(`${today}T07:00:00Z`) }),
    });
  };
  const mailTo = (login: string) => smtp.received.filter((m) => m.to.includes(`${login}@test.local`));

  it('due soon, overdue and the escalation each reach the digest of the right people once', async () => {
    expect(await day(-7)).toMatchObject({ ran: true });
    // A second instance the same day finds the day taken: no second sweep, no second digest.
    expect(await day(-7, 'b')).toEqual({ ran: false });
    expect(mailTo('school1').map((m) => m.text.includes('Срок через 7 дней: 1.1 Провести педсовет'))).toEqual(
      [true],
    );
    expect(mailTo('curator')).toEqual([]);

    await day(-6);
    expect(mailTo('school1')).toHaveLength(1);

    await day(1);
    expect(mailTo('school1')).toHaveLength(2);
    expect(mailTo('school1')[1]?.text).toContain('Провести педсовет');

    await day(15);
    const curator = mailTo('curator');
    expect(curator).toHaveLength(1);
    expect(curator[0]?.subject).toBe('Опора: 1 новое уведомление');
    expect(curator[0]?.text).toContain('Эскалация: Школа 1 — просрочено на 15 дней');
    expect(mailTo('mun1').some((m) => m.text.includes('Эскалация: Школа 1'))).toBe(true);
    // A school's overdue work goes to the curator and the municipality, not to the region.
    expect(mailTo('region').some((m) => m.text.includes('Эскалация: Школа 1'))).toBe(false);

    const before = smtp.received.length;
    await day(16);
    expect(smtp.received.length).toBe(before);
  });
});
