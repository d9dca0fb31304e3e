import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { SCHOOL_DOCUMENT_KINDS } from '../../db/schema/values.js';
import { forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canManageUnit } from '../access/roadmap-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { DEFAULT_RISK_FACTORS } from '../risk-profiles/default-factors.js';
import { EMPTY_CONTENT } from './content.js';
import { documentTarget, schoolRights } from './document-access.js';
import { prefillContent } from './prefill.js';
import { documentTitle, MSG } from './strings.js';
import { fillYear } from './templates/build.js';
import { effectiveTemplate } from './templates-ops.js';

export const createDocumentInput = z.object({
  schoolId: z.uuid({ message: 'Неверный идентификатор школы' }),
  year: z
    .number({ message: 'Укажите учебный год' })
    .int('Год — целое число')
    .min(2000, 'Год не раньше 2000')
    .max(2100, 'Год не позже 2100'),
  kind: z.enum(SCHOOL_DOCUMENT_KINDS, {
    message: 'Вид документа: concept, midterm_program или antirisk_program',
  }),
  factorCode: z.string().trim().max(20, 'Код фактора — не длиннее 20 символов').nullable().optional(),
  /** start from the template (default) or from an empty document */
  fromTemplate: z.boolean().optional(),
});
export type CreateDocumentInput = z.input<typeof createDocumentInput>;

/**
 * Access: the school's management team. A school has one document of a kind a year (one антирисковая
 * программа per factor). It starts as a draft from the region's template, pre-filled from the school's data.
 */
export async function createDocument(db: Db, opts: { actor: Actor; input: CreateDocumentInput }) {
  const { actor } = opts;
  const input = parseInput(createDocumentInput, opts.input);
  const [unit] = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      path: orgUnits.path,
      parentId: orgUnits.parentId,
      kind: orgUnits.kind,
    })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.schoolId), pathReadable(actor, orgUnits.path)));
  if (!unit) throw notFound('Организация');
  const rights = schoolRights(actor, unit);
  if (unit.kind !== 'school') {
    // Whoever keeps this unit's roadmaps is told why, the others only that they may not.
    if (canManageUnit(actor, unit))
      throw invalid(MSG.notSchool, [{ field: 'schoolId', message: MSG.notSchool }]);
    throw forbidden(MSG.keepOnly);
  }
  if (!rights.canKeep) throw forbidden(MSG.keepOnly);
  const factorCode = input.factorCode || null;
  let factorName: string | null = null;
  if (input.kind === 'antirisk_program') {
    if (!factorCode)
      throw invalid(MSG.factorRequired, [{ field: 'factorCode', message: MSG.factorRequired }]);
    factorName = DEFAULT_RISK_FACTORS.find((f) => f.code === factorCode)?.name ?? null;
    if (!factorName) throw invalid(MSG.factorUnknown, [{ field: 'factorCode', message: MSG.factorUnknown }]);
  } else if (factorCode) {
    throw invalid(MSG.factorForbidden, [{ field: 'factorCode', message: MSG.factorForbidden }]);
  }
  const regionId = unit.path.split('/')[1] ?? '';
  const template =
    input.fromTemplate === false
      ? EMPTY_CONTENT
      : await effectiveTemplate(db, regionId, input.kind, factorCode);
  const content = await prefillContent(db, {
    actor,
    schoolId: unit.id,
    year: input.year,
    kind: input.kind,
    factorCode,
    content: fillYear(template ?? EMPTY_CONTENT, input.year),
  });
  return db.transaction(async (tx) => {
    // One document of a kind (and factor) a year: checked under a lock of the school's row, so two
    // clicks cannot make two.
    await tx.execute(sql`select 1 from org_units where id = ${unit.id} for update`);
    const [dup] = await tx
      .select({ id: schoolDocuments.id })
      .from(schoolDocuments)
      .where(
        and(
          eq(schoolDocuments.schoolId, unit.id),
          eq(schoolDocuments.year, input.year),
          eq(schoolDocuments.kind, input.kind),
          factorCode ? eq(schoolDocuments.factorCode, factorCode) : sql`true`,
        ),
      );
    if (dup) throw invalid(MSG.duplicate, [{ field: 'kind', message: MSG.duplicate }]);
    const [doc] = await tx
      .insert(schoolDocuments)
      .values({
        schoolId: unit.id,
        year: input.year,
        kind: input.kind,
        factorCode,
        title: documentTitle(input.kind, factorName),
        content,
        createdBy: actor.userId,
      })
      .returning();
    if (!doc) throw new Error('insert returned nothing');
    await recordEvent(tx, actor, 'school_document.created', documentTarget(doc), {
      title: doc.title,
      kind: doc.kind,
      factorCode,
      year: doc.year,
    });
    return doc;
  });
}
