import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { files } from '../../db/schema/files.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { publications } from '../../db/schema/publication.js';
import { AppError } from '../../lib/errors.js';
import { databaseStorage } from '../files/storage.js';
import { noticesOf } from '../notifications/notify.js';
import { EMPTY_CONTENT } from '../programs/content.js';
import { createItem } from '../roadmaps/create-item.js';
import { createRoadmap } from '../roadmaps/create-roadmap.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { updateRoadmap } from '../roadmaps/update-roadmap.js';
import { listPublications } from './list-publications.js';
import { objectPublications } from './object-publications.js';
import { publishRoadmap } from './publish-roadmap.js';
import { publishSchoolDocument } from './publish-school-document.js';
import { listPublishable } from './publishable.js';
import { withdrawPublication } from './withdraw-publication.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe.each(DB_KINDS)('publication on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let roadmapId: string;
  let sectionId: string;
  const storage = () => databaseStorage(database.db);
  const publish = (login: string, showExecution = false) =>
    publishRoadmap(database.db, storage(), { actor: f.as(login), roadmapId, input: { showExecution } });

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
    await createItem(database.db, {
      actor: f.as('school1'),
      roadmapId,
      input: { sectionId, measure: 'Открытые уроки для педагогов', deadlineText: 'ноябрь 2025' },
    });
  });
  afterAll(() => database.close());

  it('publishes only an approved roadmap, and only by its keeper', async () => {
    expect(await code(publish('school1'))).toBe('INVALID_INPUT');
    const r = await getRoadmap(database.db, { actor: f.as('school1'), roadmapId });
    await updateRoadmap(database.db, {
      actor: f.as('school1'),
      roadmapId,
      input: {
        status: 'approved',
        orderNumber: '7',
        orderDate: '2025-09-01',
        version: r.version,
        acknowledgePastDeadlines: true,
      },
    });
    // The curator reads the school's roadmap but does not keep it; another school does not see it.
    expect(await code(publish('curator'))).toBe('FORBIDDEN');
    expect(await code(publish('school2'))).toBe('NOT_FOUND');
    expect(await code(publish('mun2'))).toBe('NOT_FOUND');
    expect(await database.db.select().from(publications)).toEqual([]);
  });

  it('freezes the roadmap as its appendix with DOCX and PDF, and writes the history event', async () => {
    const p = await publish('school1', true);
    expect(p.version).toBe(1);
    const snapshot = p.snapshot as { approvedOrder: unknown; sections: { items: { title: string }[] }[] };
    expect(snapshot.approvedOrder).toEqual({ number: '7', date: '01.09.2025' });
    expect(snapshot.sections.flatMap((s) => s.items.map((i) => i.title))).toEqual([
      'Открытые уроки для педагогов',
    ]);
    const stored = await database.db.select().from(files);
    const pdf = stored.find((x) => x.id === p.pdfFileId);
    const docx = stored.find((x) => x.id === p.docxFileId);
    expect(pdf?.mime).toBe('application/pdf');
    expect(docx?.name.endsWith('.docx')).toBe(true);
    const bytes = pdf ? await storage().get(pdf.storageKey) : null;
    expect(bytes?.subarray(0, 5).toString()).toBe('%PDF-');
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, p.id));
    expect(events.map((e) => [e.type, (e.payload as { version: number }).version])).toEqual([
      ['publication.published', 1],
    ]);
  });

  it('numbers versions, refuses a version that says nothing new, and marks a changed roadmap', async () => {
    expect(await code(publish('school1', true))).toBe('INVALID_INPUT');
    const v2 = await publish('school1', false);
    expect(v2.version).toBe(2);
    const state = () =>
      objectPublications(database.db, { actor: f.as('school1'), kind: 'roadmap', objectId: roadmapId });
    expect((await state()).state).toBe('current');
    await createItem(database.db, {
      actor: f.as('school1'),
      roadmapId,
      input: { sectionId, measure: 'Консультации для родителей', deadlineText: 'декабрь 2025' },
    });
    // Changed after publishing: not re-published by itself, but offered to publish again.
    expect((await state()).state).toBe('changed');
    const offered = await listPublishable(database.db, { actor: f.as('school1') });
    expect(offered.map((o) => [o.objectId, o.state, o.currentVersion])).toEqual([[roadmapId, 'changed', 2]]);
    expect(await listPublishable(database.db, { actor: f.as('curator') })).toEqual([]);
    const v3 = await publish('school1', false);
    expect(v3.version).toBe(3);
    const all = await listPublications(database.db, { actor: f.as('school1'), includeWithdrawn: true });
    expect(all.map((p) => [p.version, p.current])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
  });

  it('withdraws with a reason and keeps the record; others see nothing of another school', async () => {
    const [current] = await listPublications(database.db, {
      actor: f.as('school1'),
      includeWithdrawn: false,
    });
    if (!current) throw new Error('no current publication');
    const withdraw = (login: string, reason: string) =>
      withdrawPublication(database.db, { actor: f.as(login), publicationId: current.id, input: { reason } });
    expect(await code(withdraw('school1', '  '))).toBe('INVALID_INPUT');
    expect(await code(withdraw('curator', 'Ошибка'))).toBe('FORBIDDEN');
    expect(await code(withdraw('school2', 'Ошибка'))).toBe('NOT_FOUND');
    await withdraw('school1', 'Приказ переиздаётся');
    expect(await code(withdraw('school1', 'Ещё раз'))).toBe('INVALID_INPUT');
    expect(await listPublications(database.db, { actor: f.as('school1'), includeWithdrawn: false })).toEqual(
      [],
    );
    const history = await listPublications(database.db, { actor: f.as('mun1'), includeWithdrawn: true });
    expect(history[0]?.withdrawnReason).toBe('Приказ переиздаётся');
    expect(history[0]?.withdrawnByName).toBe('Пользователь school1');
    expect(await listPublications(database.db, { actor: f.as('school2'), includeWithdrawn: true })).toEqual(
      [],
    );
    expect(
      (
        await objectPublications(database.db, {
          actor: f.as('school1'),
          kind: 'roadmap',
          objectId: roadmapId,
        })
      ).state,
    ).toBe('withdrawn');
    // Published again after the withdrawal: the next number, the old rows stay.
    expect((await publish('school1')).version).toBe(4);
  });

  it('publishes an approved school document without the names of its people, and takes it back to approved', async () => {
    const [doc] = await database.db
      .insert(schoolDocuments)
      .values({
        schoolId: f.S1.id,
        year: 2025,
        kind: 'concept',
        title: 'Концепция развития',
        status: 'approved',
        orderNumber: '15-од',
        orderDate: '2025-10-01',
        content: {
          ...EMPTY_CONTENT,
          goal: 'Повысить качество образования',
          responsible: [
            { key: 'r1', name: 'Иванова Мария Петровна', position: 'директор', role: 'руководитель' },
          ],
        },
      })
      .returning();
    if (!doc) throw new Error('no document');
    const go = (login: string) =>
      publishSchoolDocument(database.db, storage(), {
        actor: f.as(login),
        documentId: doc.id,
        input: { version: doc.version },
      });
    expect(await code(go('school1'))).toBe('FORBIDDEN');
    expect(await code(go('mun2'))).toBe('NOT_FOUND');
    await go('mun1');
    const [p] = await listPublications(database.db, {
      actor: f.as('mun1'),
      kind: 'school_document',
      includeWithdrawn: false,
    });
    expect(JSON.stringify(p)).not.toContain('Иванова');
    const [row] = await database.db.select().from(publications).where(eq(publications.objectId, doc.id));
    expect(JSON.stringify(row?.snapshot)).toContain('директор');
    expect(JSON.stringify(row?.snapshot)).not.toContain('Иванова');
    // The public DOCX (the one a visitor downloads) has the position and the role, not the name.
    const [docxRow] = await database.db
      .select()
      .from(files)
      .where(eq(files.id, row?.docxFileId ?? ''));
    const docxBytes = docxRow ? await storage().get(docxRow.storageKey) : null;
    const xml = strFromU8(
      unzipSync(new Uint8Array(docxBytes ?? Buffer.alloc(0)))['word/document.xml'] ?? new Uint8Array(),
    );
    expect(xml).toContain('руководитель');
    expect(xml).not.toContain('Иванова');
    const status = async () =>
      (await database.db.select().from(schoolDocuments).where(eq(schoolDocuments.id, doc.id)))[0]?.status;
    expect(await status()).toBe('published');
    const approvedNotices = async () =>
      (await noticesOf(database.db, f.as('school1').userId)).filter((n) => n.kind === 'document_approved')
        .length;
    const before = await approvedNotices();
    await withdrawPublication(database.db, {
      actor: f.as('region'),
      publicationId: p?.id ?? '',
      input: { reason: 'Опубликована не та редакция' },
    });
    expect(await status()).toBe('approved');
    // Back to «утверждено» is a withdrawal from the site, not an approval: nobody is told «утверждён».
    expect(await approvedNotices()).toBe(before);
  });
});
