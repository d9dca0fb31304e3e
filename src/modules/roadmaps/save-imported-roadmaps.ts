import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { items, type Level, roadmaps, sections } from '../../db/schema/roadmaps.js';
import { forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canManageUnit } from '../access/roadmap-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { type SaveImportInput, saveImportInput } from './import-schemas.js';
import { resolveDeadline } from './item-fields.js';
import { IMPORTED_EXECUTION_COMMENT, periodEnded, periodNotEndedMessage } from './past-period.js';

const LEVEL: Record<string, Level> = {
  региональный: 'regional',
  муниципальный: 'municipal',
  институциональный: 'school',
};

/**
 * Access: whoever keeps the unit's roadmaps. Saves imported roadmaps as drafts in one transaction:
 * all of them land, or none. Rows are inserted in bulk, so a 300-row document saves at once.
 * A roadmap of a period that has ended may be saved as an archived record instead (`archive`): its
 * items are marked done «по данным документа», so it reads as the record of past work it is, never
 * as 21 overdue measures; the overdue rule (read-sql.ts) leaves archived roadmaps out anyway.
 */
export async function saveImportedRoadmaps(
  db: Db,
  opts: { actor: Actor; input: SaveImportInput; isDemo?: boolean },
) {
  const { actor } = opts;
  const input = parseInput(saveImportInput, opts.input);
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.orgUnitId), pathReadable(actor, orgUnits.path)));
  if (!unit) throw notFound('Организация');
  if (!canManageUnit(actor, unit))
    throw forbidden('Загружать дорожные карты этой организации вам не разрешено');
  input.roadmaps.forEach((r, i) => {
    if (r.archive && !periodEnded(r))
      throw invalid(periodNotEndedMessage(r), [
        { field: `roadmaps.${i}.archive`, message: periodNotEndedMessage(r) },
      ]);
  });

  return db.transaction(async (tx) => {
    const created: { id: string; title: string; items: number; archived: boolean }[] = [];
    for (const r of input.roadmaps) {
      const roadmapId = randomUUID();
      const period = { periodKind: r.periodKind, periodYear: r.periodYear };
      await tx.insert(roadmaps).values({
        id: roadmapId,
        orgUnitId: unit.id,
        title: r.title,
        kind: r.kind,
        ...period,
        approvalBody: r.approval?.body ?? null,
        orderNumber: r.approval?.orderNumber ?? null,
        orderDate: r.approval?.date ?? null,
        isDemo: opts.isDemo ?? false,
        ...(r.archive && { status: 'archived' as const, executionImported: true }),
        createdBy: actor.userId,
      });
      const execution = r.archive
        ? { status: 'done' as const, statusComment: IMPORTED_EXECUTION_COMMENT }
        : {};
      const sectionRows: (typeof sections.$inferInsert)[] = [];
      const itemRows: (typeof items.$inferInsert)[] = [];
      r.sections.forEach((s, sIndex) => {
        const sectionId = randomUUID();
        sectionRows.push({ id: sectionId, roadmapId, position: sIndex, number: s.number, title: s.title });
        let position = 0;
        const add = (
          it: (typeof s.items)[number] | (typeof s.items)[number]['subItems'][number],
          parentItemId: string | null,
        ) => {
          const id = randomUUID();
          const d = it.deadline;
          itemRows.push({
            id,
            roadmapId,
            sectionId,
            parentItemId,
            position: position++,
            number: it.number,
            level: it.level ? (LEVEL[it.level] ?? null) : null,
            measure: it.measure,
            description: it.description,
            responsibleText: it.responsible,
            indicator: it.indicator,
            ...execution,
            // With no structured period given, the wording is read here, as for a typed item.
            ...resolveDeadline(
              d?.from || d?.to || d?.recurrence
                ? {
                    deadlineText: d.text ?? null,
                    periodFrom: d.from ?? null,
                    periodTo: d.to ?? null,
                    recurrence: d.recurrence ?? null,
                  }
                : { deadlineText: d?.text ?? null },
              null,
              period,
            ),
          });
          return id;
        };
        for (const it of s.items) {
          const parent = add(it, null);
          for (const sub of it.subItems) add(sub, parent);
        }
      });
      if (sectionRows.length) await tx.insert(sections).values(sectionRows);
      for (let i = 0; i < itemRows.length; i += 500)
        await tx.insert(items).values(itemRows.slice(i, i + 500));
      await recordEvent(
        tx,
        actor,
        'roadmap.imported',
        { entityType: 'roadmap', entityId: roadmapId, roadmapId, orgUnitId: unit.id },
        {
          title: r.title,
          fileName: input.fileName,
          sections: sectionRows.length,
          items: itemRows.length,
          ...(r.archive && { archived: true }),
        },
      );
      created.push({ id: roadmapId, title: r.title, items: itemRows.length, archived: r.archive });
    }
    return created;
  });
}
