import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assessmentTableTemplates } from '../../db/schema/assessment-tables.js';
import { AppError, conflict, invalid } from '../../lib/errors.js';
import type { Actor, AnyActor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { dataRegions } from './data-years.js';
import { tableRegion } from './import-assessment-table.js';
import { type TableMapping, tableMapping } from './tables/mapping.js';

// Saved mappings of assessment tables, a list per region (issue 16 §1). The region's staff read them (the
// dialog shows which one applied); the region's operator saves and deletes them. Saving by a name that
// exists overwrites that template when the user saw its current version (409 otherwise).

export const tableTemplateView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    signature: z.string(),
    mapping: tableMapping,
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AssessmentTableTemplate' });
export type TableTemplateView = z.infer<typeof tableTemplateView>;

export const saveTableTemplateInput = z
  .object({
    name: z.string().trim().min(1, 'Введите название шаблона').max(200),
    signature: z.string().min(1).max(4000),
    mapping: tableMapping,
    /** The version of the template of that name the user saw; absent for a new name. */
    version: z.number().int().nullable().optional(),
  })
  .meta({ id: 'AssessmentTableTemplateSave' });
export type SaveTableTemplateInput = z.infer<typeof saveTableTemplateInput>;

const GONE = 'Такого шаблона сопоставления уже нет: обновите список шаблонов';

type Row = typeof assessmentTableTemplates.$inferSelect;
const view = (r: Row): TableTemplateView => ({
  id: r.id,
  name: r.name,
  signature: r.signature,
  mapping: tableMapping.parse(r.mapping),
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listTableTemplates(db: Db, opts: { actor: Actor }): Promise<TableTemplateView[]> {
  const regions = dataRegions(opts.actor);
  const rows = await db
    .select()
    .from(assessmentTableTemplates)
    .where(regions ? inArray(assessmentTableTemplates.regionId, regions) : undefined)
    .orderBy(asc(assessmentTableTemplates.name));
  return rows.map(view);
}

/** The region's template made for files of this shape, if any. */
export async function templateForSignature(
  db: Db,
  regionId: string,
  signature: string,
): Promise<TableTemplateView | null> {
  const [row] = await db
    .select()
    .from(assessmentTableTemplates)
    .where(
      and(eq(assessmentTableTemplates.regionId, regionId), eq(assessmentTableTemplates.signature, signature)),
    )
    .orderBy(desc(assessmentTableTemplates.updatedAt))
    .limit(1);
  return row ? view(row) : null;
}

const userOf = (actor: AnyActor) => ('userId' in actor ? actor.userId : null);

export async function saveTableTemplate(
  db: Db,
  opts: { actor: AnyActor; regionId?: string; input: SaveTableTemplateInput },
): Promise<TableTemplateView> {
  const { actor, input } = opts;
  const regionId = await tableRegion(db, actor, [], opts.regionId);
  const mapping: TableMapping = tableMapping.parse(input.mapping);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(assessmentTableTemplates)
      .where(
        and(eq(assessmentTableTemplates.regionId, regionId), eq(assessmentTableTemplates.name, input.name)),
      )
      .for('update');
    let row: Row | undefined;
    if (existing) {
      if (input.version == null) {
        throw invalid(`Шаблон «${input.name}» уже есть: выберите другое название или замените его`);
      }
      if (existing.version !== input.version) throw conflict(view(existing));
      [row] = await tx
        .update(assessmentTableTemplates)
        .set({
          signature: input.signature,
          mapping,
          version: existing.version + 1,
          updatedBy: userOf(actor),
          updatedAt: new Date(),
        })
        .where(eq(assessmentTableTemplates.id, existing.id))
        .returning();
    } else {
      // The user replaces a template he saw: it was deleted meanwhile.
      if (input.version != null) throw new AppError('CONFLICT', GONE);
      [row] = await tx
        .insert(assessmentTableTemplates)
        .values({
          regionId,
          name: input.name,
          signature: input.signature,
          mapping,
          createdBy: userOf(actor),
          updatedBy: userOf(actor),
        })
        .returning();
    }
    if (!row) throw new Error('template not written');
    await recordEvent(
      tx as unknown as Db,
      actor,
      'assessment_table_template.saved',
      { entityType: 'assessment_table_template', entityId: row.id, orgUnitId: regionId },
      { name: row.name, created: !existing },
    );
    return view(row);
  });
}

/**
 * Deletes the region's template of that name at the version the user saw. A name the region has no
 * template of (deleted meanwhile) is a stale view of the list: 409, like a stale version.
 */
export async function deleteTableTemplate(
  db: Db,
  opts: { actor: AnyActor; regionId?: string; name: string; version: number },
): Promise<void> {
  const { actor } = opts;
  const regionId = await tableRegion(db, actor, [], opts.regionId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(assessmentTableTemplates)
      .where(
        and(eq(assessmentTableTemplates.regionId, regionId), eq(assessmentTableTemplates.name, opts.name)),
      )
      .for('update');
    if (!row) throw new AppError('CONFLICT', GONE);
    if (row.version !== opts.version) throw conflict(view(row));
    await tx.delete(assessmentTableTemplates).where(eq(assessmentTableTemplates.id, row.id));
    await recordEvent(
      tx as unknown as Db,
      actor,
      'assessment_table_template.deleted',
      { entityType: 'assessment_table_template', entityId: row.id, orgUnitId: row.regionId },
      { name: row.name },
    );
  });
}
