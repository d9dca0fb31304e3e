import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { programMeasureLinks } from '../../db/schema/programs.js';
import { items, roadmaps, sections } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { recordEvent, recordEvents } from '../audit/record-event.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';
import { DEFAULT_RISK_FACTORS } from '../risk-profiles/default-factors.js';
import { itemTarget } from '../roadmaps/item-access.js';
import { resolveDeadline } from '../roadmaps/item-fields.js';
import { documentContentSchema } from './content.js';
import { type DocumentRow, documentTarget } from './document-access.js';

// Measures → the school's roadmap, done when the document is approved (approve-document.ts), in the
// approval's transaction. Which roadmap: the school's roadmap of the year being executed (approved),
// else its draft, else a new draft. Adding to an approved roadmap follows the roadmap rules as they are
// (its keeper may add measures to it; they come with their own approving order: the program's), and
// the items say where they came from. A measure already carried over (an earlier approved version) is
// not carried again; a measure removed in a new version keeps its item — the school decides about it.

export type TransferResult = { roadmapId: string; created: number; roadmapCreated: boolean };

async function schoolRoadmap(
  tx: Db,
  actor: Actor,
  doc: DocumentRow,
): Promise<
  { id: string; created: boolean } & Pick<typeof roadmaps.$inferSelect, 'periodKind' | 'periodYear'>
> {
  const found = await tx
    .select({
      id: roadmaps.id,
      status: roadmaps.status,
      periodKind: roadmaps.periodKind,
      periodYear: roadmaps.periodYear,
    })
    .from(roadmaps)
    .where(
      and(
        eq(roadmaps.orgUnitId, doc.schoolId),
        eq(roadmaps.periodYear, doc.year),
        inArray(roadmaps.status, ['approved', 'draft']),
        eq(roadmaps.executionImported, false),
      ),
    )
    .orderBy(asc(roadmaps.status), asc(roadmaps.createdAt));
  const pick = found.find((r) => r.status === 'approved') ?? found[0];
  if (pick) return { id: pick.id, created: false, periodKind: pick.periodKind, periodYear: pick.periodYear };
  const [created] = await tx
    .insert(roadmaps)
    .values({
      orgUnitId: doc.schoolId,
      title: `Дорожная карта школы на ${doc.year}/${doc.year + 1} учебный год`,
      kind: 'shnor_support',
      periodKind: 'school_year',
      periodYear: doc.year,
      createdBy: 'userId' in actor ? actor.userId : null,
    })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  await recordEvent(
    tx,
    actor,
    'roadmap.created',
    { entityType: 'roadmap', entityId: created.id, roadmapId: created.id, orgUnitId: doc.schoolId },
    { title: created.title },
  );
  return { id: created.id, created: true, periodKind: created.periodKind, periodYear: created.periodYear };
}

export async function transferMeasures(
  tx: Db,
  actor: Actor,
  doc: DocumentRow,
): Promise<TransferResult | null> {
  const content = documentContentSchema.parse(doc.content);
  const linked = await tx
    .select({ key: programMeasureLinks.measureKey })
    .from(programMeasureLinks)
    .where(eq(programMeasureLinks.documentId, doc.id));
  const done = new Set(linked.map((l) => l.key));
  const fresh = content.measures.filter((m) => !done.has(m.key));
  if (fresh.length === 0) return null;
  const roadmap = await schoolRoadmap(tx, actor, doc);
  const existing = await tx
    .select({ number: sections.number, items: count(items.id) })
    .from(sections)
    .leftJoin(items, eq(items.sectionId, sections.id))
    .where(eq(sections.roadmapId, roadmap.id))
    .groupBy(sections.id);
  const n = existing.length;
  // Numbered like the roadmap's own sections («5.», items «5.1»), when they are numbered; a new
  // roadmap's empty unnamed section does not count.
  const numbered = existing.filter((x) => x.items > 0 || x.number);
  const sectionNo =
    numbered.length > 0 && numbered.every((x) => x.number) ? String(numbered.length + 1) : null;
  const [section] = await tx
    .insert(sections)
    .values({ roadmapId: roadmap.id, position: n, number: sectionNo, title: doc.title })
    .returning();
  if (!section) throw new Error('insert returned nothing');
  await recordEvent(
    tx,
    actor,
    'section.created',
    { entityType: 'section', entityId: section.id, roadmapId: roadmap.id },
    { title: section.title ?? '', number: sectionNo },
  );
  const tasks = new Map(content.tasks.map((t) => [t.key, t.text]));
  // «из антирисковой программы …»: the roadmap's reader sees where the measure came from.
  const factor = DEFAULT_RISK_FACTORS.find((f) => f.code === doc.factorCode)?.name;
  const from =
    doc.kind === 'antirisk_program' && factor
      ? `Из антирисковой программы «${factor}»`
      : `Из документа «${doc.title}»`;
  const origin = `${from} (версия ${doc.versionNo}, приказ № ${doc.orderNumber ?? '—'} от ${formatRuDate(doc.orderDate) || '—'})`;
  const created = await tx
    .insert(items)
    .values(
      fresh.map((m, k) => ({
        roadmapId: roadmap.id,
        sectionId: section.id,
        position: k,
        number: sectionNo ? `${sectionNo}.${k + 1}` : String(k + 1),
        measure: m.measure,
        description: [origin, m.taskKey && tasks.get(m.taskKey) ? `Задача: ${tasks.get(m.taskKey)}` : '']
          .filter(Boolean)
          .join('\n'),
        responsibleText: m.responsible || null,
        participants: m.participants || null,
        indicator: m.expectedResult || null,
        ...resolveDeadline({ deadlineText: m.deadline || null }, null, roadmap),
      })),
    )
    .returning({ id: items.id, roadmapId: items.roadmapId, measure: items.measure, number: items.number });
  await tx.insert(programMeasureLinks).values(
    created.map((row, k) => ({
      documentId: doc.id,
      measureKey: fresh[k]?.key ?? '',
      itemId: row.id,
      versionNo: doc.versionNo,
    })),
  );
  await recordEvents(
    tx,
    actor,
    'item.created',
    created.map((row) => ({
      target: itemTarget(row),
      payload: { measure: row.measure, number: row.number },
    })),
  );
  const [rm] = await tx.select({ title: roadmaps.title }).from(roadmaps).where(eq(roadmaps.id, roadmap.id));
  await recordEvent(tx, actor, 'school_document.measures_transferred', documentTarget(doc), {
    roadmapId: roadmap.id,
    roadmapTitle: rm?.title ?? '',
    items: created.length,
    roadmapCreated: roadmap.created,
  });
  return { roadmapId: roadmap.id, created: created.length, roadmapCreated: roadmap.created };
}
