import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { startSmtp } from '../../../tests/helpers/smtp.js';
import type { Database } from '../../db/client.js';
import { sendDigests, sendImmediate } from './mail/send.js';
import { emailTransport, type Mailer } from './mail/transport.js';
import { notify } from './notify.js';
import { updateNotificationSettings } from './settings.js';

describe.each(DB_KINDS)('e-mail of notifications on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    smtp = await startSmtp();
    const m = emailTransport({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Опора <opora@test.local>',
      publicUrl: 'https://opora.test',
    });
    if (!m) throw new Error('no transport');
    mailer = m;
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await database.close();
  });

  const settings = (
    login: string,
    input: { immediate: 'returned'[]; email: string | null; mode?: 'digest' | 'off' },
  ) =>
    updateNotificationSettings(database.db, {
      actor: f.as(login),
      emailEnabled: true,
      input: {
        emailMode: input.mode ?? 'digest',
        immediateKinds: input.immediate,
        email: input.email,
        version: 1,
      },
    });
  const notice = (
    login: string,
    key: string,
    k: 'returned' | 'list_approved' | 'awaiting_confirmation',
    title: string,
  ) => ({
    userId: f.as(login).userId,
    kind: k,
    title,
    body: `Школа 1: ${title.toLowerCase()}.`,
    link: `/roadmaps/r?item=${key}`,
    dedupeKey: key,
  });

  it('sends the chosen kinds at once, the rest in one digest per user, nothing twice, and retries after a failure', async () => {
    const db = database.db;
    await settings('school1', { immediate: ['returned'], email: 'school1@test.local' });
    await settings('curator', { immediate: [], email: 'curator@test.local' });
    await settings('mun1', { immediate: [], email: 'mun1@test.local', mode: 'off' });
    // school2 has no address: his notices stay in the app.
    await notify(db, [
      notice('school1', 'r1', 'returned', 'Мероприятие возвращено на доработку'),
      notice('school1', 'l1', 'list_approved', 'Утверждён список школ'),
      notice('curator', 'a1', 'awaiting_confirmation', 'Мероприятие ждёт подтверждения'),
      notice('curator', 'a2', 'awaiting_confirmation', 'Мероприятие ждёт подтверждения'),
      notice('curator', 'l1', 'list_approved', 'Утверждён список школ'),
      notice('mun1', 'a1', 'awaiting_confirmation', 'Мероприятие ждёт подтверждения'),
      notice('school2', 'l1', 'list_approved', 'Утверждён список школ'),
    ]);

    // The SMTP server refuses: the claimed notice is given back and goes out on the next run.
    smtp.state.fail = true;
    expect(await sendImmediate(db, { mailer })).toEqual({ sent: 0, failed: 1 });
    smtp.state.fail = false;
    expect(await sendImmediate(db, { mailer })).toEqual({ sent: 1, failed: 0 });
    expect(await sendImmediate(db, { mailer })).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [now] = smtp.received;
    expect(now?.to).toEqual(['school1@test.local']);
    expect(now?.subject).toBe('Опора: Мероприятие возвращено на доработку');
    expect(now?.text).toContain('https://opora.test/roadmaps/r?item=r1');

    const later = new Date(Date.now() + 60_000);
    expect(await sendDigests(db, { mailer, now: later })).toEqual({ sent: 2, failed: 0 });
    expect(await sendDigests(db, { mailer, now: later })).toEqual({ sent: 0, failed: 0 });
    const digests = smtp.received.slice(1).sort((a, b) => (a.to[0] ?? '').localeCompare(b.to[0] ?? ''));
    expect(digests.map((d) => [d.to, d.subject])).toEqual([
      [['curator@test.local'], 'Опора: 3 новых уведомления'],
      [['school1@test.local'], 'Опора: 1 новое уведомление'],
    ]);
    const curator = digests[0];
    expect(curator?.text).toContain('Ждёт подтверждения (2)');
    expect(curator?.text).toContain('Утверждён список (1)');
    expect(curator?.html).toContain('<h3>Ждёт подтверждения (2)</h3>');
    expect(curator?.text).toMatch(/\d\d\.\d\d\.\d{4} Мероприятие ждёт подтверждения/);
    expect(smtp.received.flatMap((m) => m.to)).not.toContain('mun1@test.local');
  });
});
