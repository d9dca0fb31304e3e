import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { riskCampaignSchools, riskCampaigns, riskInstruments } from '../../db/schema/risk-profiles.js';
import { AppError } from '../../lib/errors.js';
import { DEMO_LOADER } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { databaseStorage } from '../files/storage.js';
import { createDocument } from '../programs/create-document.js';
import { decideAsCurator, submitDocument } from '../programs/transitions.js';
import { DEFAULT_INSTRUMENT } from '../risk-profiles/default-instrument.js';
import { confirmItem } from '../roadmaps/confirm-item.js';
import { createItem } from '../roadmaps/create-item.js';
import { createRoadmap } from '../roadmaps/create-roadmap.js';
import { addEvidence } from '../roadmaps/evidence.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { setItemStatus } from '../roadmaps/set-item-status.js';
import { updateRoadmap } from '../roadmaps/update-roadmap.js';
import { listNotifications, unreadCount } from './list-notifications.js';
import { markAllNotificationsRead, markNotificationRead } from './mark-read.js';
import { noticesOf } from './notify.js';
import { getNotificationSettings, updateNotificationSettings } from './settings.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe.each(DB_KINDS)('notifications from history events on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let roadmapId: string;
  let sectionId: string;
  const kinds = async (login: string) =>
    (await noticesOf(database.db, f.as(login).userId)).map((n) => `${n.kind}: ${n.title}`);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const r = await createRoadmap(database.db, {
      actor: f.as('school1'),
      input: {
        orgUnitId: f.S1.id,
        title: 'Дорожная карта школы',
        kind: 'shnor_support',
        periodKind: 'school_year',
        periodYear: 2025,
      },
    });
    roadmapId = r.id;
    sectionId = (await getRoadmap(database.db, { actor: f.as('school1'), roadmapId })).sections[0]?.id ?? '';
    await updateRoadmap(database.db, {
      actor: f.as('school1'),
      roadmapId,
      input: { status: 'approved', orderNumber: '7', orderDate: '2025-09-01', version: r.version },
    });
  });
  afterAll(() => database.close());

  it('tells the confirmers of a done measure, not its author; a return and a resubmission notify again', async () => {
    const db = database.db;
    const item = await createItem(db, {
      actor: f.as('school1'),
      roadmapId,
      input: { sectionId, measure: 'Открытые уроки для педагогов', deadlineText: 'ноябрь 2025' },
    });
    await addEvidence(db, databaseStorage(db), {
      actor: f.as('school1'),
      itemId: item.id,
      upload: { name: 'справка.pdf', data: PDF },
      kind: 'other',
      maxBytes: 1 << 20,
    });
    const done = await setItemStatus(db, {
      actor: f.as('school1'),
      itemId: item.id,
      input: { status: 'done', comment: null, version: item.version },
    });
    const waiting = 'awaiting_confirmation: Мероприятие ждёт подтверждения';
    expect(await kinds('curator')).toEqual([waiting]);
    expect(await kinds('mun1')).toEqual([waiting]);
    // Not the author, not another municipality, not the region (it does not confirm a school's measures).
    for (const login of ['school1', 'mun2', 'region', 'school2']) expect(await kinds(login)).toEqual([]);
    const [n] = await noticesOf(db, f.as('curator').userId);
    expect(n?.link).toBe(`/roadmaps/${roadmapId}?item=${item.id}`);

    const returned = await confirmItem(db, {
      actor: f.as('curator'),
      itemId: item.id,
      input: { decision: 'returned', comment: 'Нет протокола', seenFileIds: [], version: done.version },
    });
    expect(await kinds('school1')).toEqual(['returned: Мероприятие возвращено на доработку']);
    expect(await kinds('curator')).toEqual([waiting]);
    const [ret] = await listNotifications(db, { actor: f.as('school1'), query: {} }).then((p) => p.items);
    expect(ret?.body).toBe(
      'Школа 1: «Открытые уроки для педагогов» (Дорожная карта школы) возвращено на доработку. Комментарий: «Нет протокола».',
    );

    // Done again after the return: a new fact, a new notice for the confirmers.
    const again = await setItemStatus(db, {
      actor: f.as('school1'),
      itemId: item.id,
      input: { status: 'done', comment: null, version: returned.version },
    });
    expect(await kinds('curator')).toEqual([waiting, waiting]);
    const files = await db.query.itemEvidence.findMany({ where: (e, { eq }) => eq(e.itemId, item.id) });
    await confirmItem(db, {
      actor: f.as('mun1'),
      itemId: item.id,
      input: {
        decision: 'confirmed',
        comment: null,
        seenFileIds: files.map((e) => e.fileId),
        version: again.version,
      },
    });
    expect((await kinds('school1'))[0]).toBe('confirmed: Исполнение мероприятия подтверждено');
  });

  it('sends a school document to the curator and its outcome to the school team', async () => {
    const db = database.db;
    const doc = await createDocument(db, {
      actor: f.as('school1'),
      input: { schoolId: f.S1.id, year: 2026, kind: 'concept', factorCode: null },
    });
    await submitDocument(db, { actor: f.as('school1'), documentId: doc.id, input: { version: doc.version } });
    expect((await kinds('curator'))[0]).toBe('document_sent: Документ направлен на согласование');
    await decideAsCurator(db, {
      actor: f.as('curator'),
      documentId: doc.id,
      input: { decision: 'return', comment: 'Уточните цели', version: doc.version + 1 },
    });
    expect((await kinds('school1'))[0]).toBe('document_returned: Документ возвращён на доработку');
    expect(await kinds('school2')).toEqual([]);
  });

  it('tells the schools of an opened campaign, once however often the event is written; the demo loader tells nobody', async () => {
    const db = database.db;
    const [ins] = await db
      .insert(riskInstruments)
      .values({
        regionId: f.R.id,
        code: 'n',
        versionNo: 1,
        title: 'Анкеты',
        document: DEFAULT_INSTRUMENT,
        status: 'frozen',
      })
      .returning();
    const [camp] = await db
      .insert(riskCampaigns)
      .values({
        ownerUnitId: f.R.id,
        instrumentId: ins?.id ?? '',
        year: 2026,
        title: 'Анкетирование 2026',
        groups: ['director'],
        opensOn: '2026-09-20',
        closesOn: '2026-10-20',
        status: 'open',
      })
      .returning();
    const campaignId = camp?.id ?? '';
    await db.insert(riskCampaignSchools).values([
      { campaignId, schoolId: f.S2.id },
      { campaignId, schoolId: f.S3.id },
    ]);
    const target = { entityType: 'risk_campaign' as const, entityId: campaignId, orgUnitId: f.R.id };
    await recordEvent(db, DEMO_LOADER, 'risk_campaign.opened', target, { instrumentId: ins?.id ?? '' });
    expect(await kinds('school2')).toEqual([]);
    for (let i = 0; i < 2; i++)
      await recordEvent(db, f.as('region'), 'risk_campaign.opened', target, { instrumentId: ins?.id ?? '' });
    expect(await kinds('school2')).toEqual(['campaign_opened: Началось анкетирование']);
    expect(await kinds('school3')).toEqual(['campaign_opened: Началось анкетирование']);
    const [n] = await noticesOf(db, f.as('school3').userId);
    expect(n?.link).toBe(`/risk-campaigns/${campaignId}/schools/${f.S3.id}`);
    expect(await kinds('region')).toEqual([]);
  });

  it('lets a user read and mark only his own notices', async () => {
    const db = database.db;
    const mine = await listNotifications(db, { actor: f.as('curator'), query: { unread: true } });
    expect(mine.unread).toBeGreaterThan(0);
    expect(mine.items.every((n) => n.readAt === null)).toBe(true);
    const first = mine.items[0];
    if (!first) throw new Error('no notice');
    expect(await code(markNotificationRead(db, { actor: f.as('school1'), id: first.id }))).toBe('NOT_FOUND');
    expect((await unreadCount(db, { actor: f.as('curator') })).unread).toBe(mine.unread);
    await markNotificationRead(db, { actor: f.as('curator'), id: first.id });
    expect((await unreadCount(db, { actor: f.as('curator') })).unread).toBe(mine.unread - 1);
    const marked = await markAllNotificationsRead(db, { actor: f.as('curator') });
    expect(marked.marked).toBe(mine.unread - 1);
    expect((await unreadCount(db, { actor: f.as('curator') })).unread).toBe(0);
    expect((await unreadCount(db, { actor: f.as('school1') })).unread).toBeGreaterThan(0);
    const byKind = await listNotifications(db, {
      actor: f.as('school1'),
      query: { kind: 'document_returned' },
    });
    expect(byKind.items.map((n) => n.kind)).toEqual(['document_returned']);
  });

  it('keeps e-mail settings per user with a version and a valid address', async () => {
    const db = database.db;
    const actor = f.as('teacher');
    const s = await getNotificationSettings(db, { actor, emailEnabled: false });
    expect([s.emailMode, s.immediateKinds, s.version]).toEqual(['digest', [], 1]);
    const input = {
      emailMode: 'digest' as const,
      immediateKinds: ['returned' as const],
      email: 'a@b.ru',
      version: 1,
    };
    expect(
      await code(
        updateNotificationSettings(db, { actor, emailEnabled: false, input: { ...input, email: 'нет' } }),
      ),
    ).toBe('INVALID_INPUT');
    const saved = await updateNotificationSettings(db, { actor, emailEnabled: false, input });
    expect(saved.version).toBe(2);
    expect(await code(updateNotificationSettings(db, { actor, emailEnabled: false, input }))).toBe(
      'CONFLICT',
    );
    const read = await getNotificationSettings(db, { actor, emailEnabled: true });
    expect([read.immediateKinds, read.email, read.emailEnabled]).toEqual([['returned'], 'a@b.ru', true]);
    // Another user's settings are his own.
    expect((await getNotificationSettings(db, { actor: f.as('school1'), emailEnabled: false })).email).toBe(
      null,
    );
  });
});
