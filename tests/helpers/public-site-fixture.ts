import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { files } from '../../src/db/schema/files.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import { schoolDocuments } from '../../src/db/schema/programs.js';
import { publications } from '../../src/db/schema/publication.js';
import { items, roadmaps, sections } from '../../src/db/schema/roadmaps.js';
import type { FileStorage } from '../../src/modules/files/storage.js';
import { recordPublication } from '../../src/modules/publication/record-publication.js';
import type { RoadmapSnapshot } from '../../src/modules/publication/snapshot.js';

// Publications over the demo for the public site's tests (the «publish» helper's operations are not on
// this branch): through the foundation's recordPublication — the region's approved roadmap with its
// execution and files, a municipality's roadmap in two versions, a school's program, the region's list
// (counts only), and a school roadmap published and then withdrawn. Everything else of the demo stays
// unpublished (drafts, other approved roadmaps, documents): the tests look for it on the public pages.

async function roadmapSnapshot(db: Db, roadmapId: string, unitName: string): Promise<RoadmapSnapshot> {
  const [r] = await db.select().from(roadmaps).where(eq(roadmaps.id, roadmapId));
  if (!r) throw new Error('no roadmap');
  const secs = await db
    .select()
    .from(sections)
    .where(eq(sections.roadmapId, roadmapId))
    .orderBy(asc(sections.position));
  const its = await db
    .select()
    .from(items)
    .where(eq(items.roadmapId, roadmapId))
    .orderBy(asc(items.position));
  return {
    unitName,
    periodLabel: `${r.periodYear} год`,
    levelLabel: 'региональный',
    approvedOrder: r.orderNumber && r.orderDate ? { number: r.orderNumber, date: r.orderDate } : null,
    approvedAt: r.orderDate,
    sections: secs.map((s) => ({
      title: s.title ?? '',
      items: its
        .filter((i) => i.sectionId === s.id)
        .map((i) => ({
          itemId: i.id,
          number: i.number ?? '',
          title: i.measure,
          deadline: i.deadlineText ?? '',
          executors: i.responsibleText ?? '',
          indicator: i.indicator ?? '',
          result: i.targetValue === null ? '' : `${i.targetValue} ${i.targetUnit ?? ''}`.trim(),
        })),
    })),
  };
}

async function storeFile(db: Db, storage: FileStorage, name: string, mime: string, data: Buffer) {
  const sha256 = createHash('sha256').update(data).digest('hex');
  await storage.put(sha256, data);
  const [f] = await db
    .insert(files)
    .values({ storageKey: sha256, name, mime, size: data.length, sha256 })
    .returning();
  if (!f) throw new Error('no file');
  return f;
}

export type PublicFixture = Awaited<ReturnType<typeof publishDemoSample>>;

export async function publishDemoSample(db: Db, storage: FileStorage) {
  const [region] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'region'), eq(orgUnits.isDemo, true)))
    .orderBy(asc(orgUnits.name));
  if (!region) throw new Error('no region');
  const approved = await db
    .select({
      id: roadmaps.id,
      title: roadmaps.title,
      orgUnitId: roadmaps.orgUnitId,
      kind: orgUnits.kind,
      name: orgUnits.name,
    })
    .from(roadmaps)
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .where(eq(roadmaps.status, 'approved'))
    .orderBy(asc(roadmaps.title));
  const regional = approved.find((r) => r.orgUnitId === region.id);
  const municipal = approved.find((r) => r.kind === 'municipality');
  const school = approved.find((r) => r.kind === 'school');
  if (!regional || !municipal || !school) throw new Error('the demo lacks approved roadmaps');

  const docx = Buffer.from('PK\u0003\u0004 demo docx bytes of the public-site test');
  const pdf = Buffer.from('%PDF-1.4 demo pdf bytes of the public-site test');
  const docxFile = await storeFile(
    db,
    storage,
    'roadmap.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    docx,
  );
  const pdfFile = await storeFile(db, storage, 'roadmap.pdf', 'application/pdf', pdf);
  const by = null;

  const regionalPub = await recordPublication(db, {
    kind: 'roadmap',
    objectId: regional.id,
    orgUnitId: region.id,
    title: regional.title,
    snapshot: await roadmapSnapshot(db, regional.id, region.name),
    options: { showExecution: true },
    docxFileId: docxFile.id,
    pdfFileId: pdfFile.id,
    by,
  });
  const municipalSnap = await roadmapSnapshot(db, municipal.id, municipal.name);
  await recordPublication(db, {
    kind: 'roadmap',
    objectId: municipal.id,
    orgUnitId: municipal.orgUnitId,
    title: `${municipal.title} (первая редакция)`,
    snapshot: municipalSnap,
    by,
  });
  const municipalPub = await recordPublication(db, {
    kind: 'roadmap',
    objectId: municipal.id,
    orgUnitId: municipal.orgUnitId,
    title: municipal.title,
    snapshot: municipalSnap,
    by,
  });

  const [doc] = await db.select().from(schoolDocuments).orderBy(asc(schoolDocuments.title)).limit(1);
  const [docSchool] = doc ? await db.select().from(orgUnits).where(eq(orgUnits.id, doc.schoolId)) : [];
  const documentPub =
    doc && docSchool
      ? await recordPublication(db, {
          kind: 'school_document',
          objectId: doc.id,
          orgUnitId: doc.schoolId,
          title: doc.title,
          snapshot: {
            unitName: docSchool.name,
            kindLabel: 'Антирисковая программа',
            year: doc.year,
            approvedOrder: null,
            parts: [
              {
                heading: 'Цель',
                blocks: [
                  { kind: 'paragraph', text: 'Снижение доли обучающихся с рисками учебной неуспешности.' },
                ],
              },
              {
                heading: 'Показатели',
                blocks: [
                  {
                    kind: 'table',
                    header: ['Показатель', 'База', 'Цель'],
                    rows: [['Доля «2» по ВПР', '18 %', '10 %']],
                  },
                ],
              },
            ],
          },
          by,
        })
      : null;

  const munis = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, region.id), eq(orgUnits.kind, 'municipality')))
    .orderBy(asc(orgUnits.name));
  const counts = munis.map((m, i) => ({ unitId: m.id, name: m.name, count: (i % 3) + 1 }));
  const listId = '00000000-0000-4000-8000-0000000000a1';
  const listPub = await recordPublication(db, {
    kind: 'identification_list',
    objectId: listId,
    orgUnitId: region.id,
    title: 'Список ШНОР (демо)',
    snapshot: {
      unitName: region.name,
      listLabel: 'ШНОР',
      year: 2026,
      approvedOrder: { number: '15-од', date: '2026-03-01' },
      total: counts.reduce((a, c) => a + c.count, 0),
      municipalities: counts,
      schools: null,
    },
    by,
  });

  const withdrawnTitle = `${school.title} — снятая публикация`;
  const withdrawn = await recordPublication(db, {
    kind: 'roadmap',
    objectId: school.id,
    orgUnitId: school.orgUnitId,
    title: withdrawnTitle,
    snapshot: await roadmapSnapshot(db, school.id, school.name),
    by,
  });
  await db
    .update(publications)
    .set({ withdrawnAt: sql`now()`, withdrawnReason: 'тест' })
    .where(eq(publications.id, withdrawn.id));

  const published = [regional.id, municipal.id, ...(doc ? [doc.id] : [])];
  const unpublishedRoadmaps = await db
    .select({ title: roadmaps.title })
    .from(roadmaps)
    .where(
      published.length
        ? sql`${roadmaps.id} not in (${sql.join(
            published.map((p) => sql`${p}::uuid`),
            sql`, `,
          )})`
        : sql`true`,
    );
  const unpublishedDocs = await db
    .select({ title: schoolDocuments.title })
    .from(schoolDocuments)
    .where(doc ? ne(schoolDocuments.id, doc.id) : sql`true`);
  const drafts = await db
    .select({ id: roadmaps.id })
    .from(roadmaps)
    .where(inArray(roadmaps.status, ['draft']));
  return {
    region,
    regionalPub,
    municipalPub,
    documentPub,
    listPub,
    withdrawn: { ...withdrawn, title: withdrawnTitle },
    docx,
    pdf,
    draftCount: drafts.length,
    unpublishedTitles: [...unpublishedRoadmaps, ...unpublishedDocs].map((r) => r.title),
  };
}
