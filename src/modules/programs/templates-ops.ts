import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { programTemplates } from '../../db/schema/programs.js';
import { SCHOOL_DOCUMENT_KINDS, type SchoolDocumentKind } from '../../db/schema/values.js';
import { conflict, forbidden, invalid, parseInput } from '../../lib/errors.js';
import { recordVersion } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import { regionLevelRegions } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { DEFAULT_RISK_FACTORS } from '../risk-profiles/default-factors.js';
import { type DocumentContent, documentContentSchema } from './content.js';
import { MSG } from './strings.js';
import { systemTemplate } from './templates/index.js';
import type { templateView } from './views.js';

// Templates as the region's reference data: the system's template unless the region edited it.
// Reading them and writing them: one file, the two are one small concern.

type TemplateView = z.infer<typeof templateView>;
const KEYS: { kind: SchoolDocumentKind; factorCode: string }[] = [
  { kind: 'concept', factorCode: '' },
  { kind: 'midterm_program', factorCode: '' },
  ...DEFAULT_RISK_FACTORS.map((f) => ({ kind: 'antirisk_program' as const, factorCode: f.code })),
];
const factorName = (code: string) => DEFAULT_RISK_FACTORS.find((f) => f.code === code)?.name ?? null;

/** The region of a user's work: the root of his first assignment (admin: none — the system's templates). */
export function regionOfActor(actor: Actor): string | null {
  const a = actor.assignments.find((x) => x.role !== 'admin');
  return a?.unitPath.split('/')[1] ?? null;
}

/** The template a new document starts from: the region's edited one, or the system's. */
export async function effectiveTemplate(
  db: Db,
  regionId: string,
  kind: SchoolDocumentKind,
  factorCode: string | null,
): Promise<DocumentContent | null> {
  const [row] = await db
    .select({ content: programTemplates.content })
    .from(programTemplates)
    .where(
      and(
        eq(programTemplates.regionId, regionId),
        eq(programTemplates.kind, kind),
        eq(programTemplates.factorCode, factorCode ?? ''),
      ),
    );
  return row ? documentContentSchema.parse(row.content) : systemTemplate(kind, factorCode);
}

/** Access: anyone signed in; the templates of his region. */
export async function listTemplates(db: Db, opts: { actor: Actor }): Promise<TemplateView[]> {
  const regionId = regionOfActor(opts.actor);
  const rows = regionId
    ? await db.select().from(programTemplates).where(eq(programTemplates.regionId, regionId))
    : [];
  return KEYS.map(({ kind, factorCode }) => {
    const row = rows.find((r) => r.kind === kind && r.factorCode === factorCode);
    const content = row ? documentContentSchema.parse(row.content) : systemTemplate(kind, factorCode);
    if (!content) throw new Error(`no system template ${kind} ${factorCode}`);
    return {
      kind,
      factorCode,
      factorName: factorName(factorCode),
      edited: !!row,
      version: row?.version ?? 0,
      content,
    };
  });
}

export const updateTemplateInput = z.object({
  kind: z.enum(SCHOOL_DOCUMENT_KINDS, {
    message: 'Вид документа: concept, midterm_program или antirisk_program',
  }),
  factorCode: z.string().trim().max(20, 'Код фактора — не длиннее 20 символов'),
  content: documentContentSchema,
  /** 0 when the region has not edited this template yet */
  version: recordVersion('Нужна версия шаблона').or(z.literal(0)),
});
export type UpdateTemplateInput = z.input<typeof updateTemplateInput>;

/** Access: the regional operator of his region. A stale version is a 409. */
export async function updateTemplate(
  db: Db,
  opts: { actor: Actor; input: UpdateTemplateInput },
): Promise<TemplateView> {
  const [regionId] = regionLevelRegions(opts.actor, ['regional_operator']);
  if (!regionId) throw forbidden('Шаблоны программ правит региональный оператор');
  const input = parseInput(updateTemplateInput, opts.input);
  const factorCode = input.kind === 'antirisk_program' ? input.factorCode : '';
  if (input.kind === 'antirisk_program' && !factorName(factorCode))
    throw invalid(MSG.factorUnknown, [{ field: 'factorCode', message: MSG.factorUnknown }]);
  return db.transaction(async (tx) => {
    const where = and(
      eq(programTemplates.regionId, regionId),
      eq(programTemplates.kind, input.kind),
      eq(programTemplates.factorCode, factorCode),
    );
    const [before] = await tx.select().from(programTemplates).where(where);
    if ((before?.version ?? 0) !== input.version) throw conflict({ version: before?.version ?? 0 });
    const [row] = before
      ? await tx
          .update(programTemplates)
          .set({
            content: input.content,
            updatedBy: opts.actor.userId,
            version: sql`${programTemplates.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(where, eq(programTemplates.version, input.version)))
          .returning()
      : await tx
          .insert(programTemplates)
          .values({
            regionId,
            kind: input.kind,
            factorCode,
            content: input.content,
            updatedBy: opts.actor.userId,
          })
          .onConflictDoNothing()
          .returning();
    if (!row) throw conflict();
    await recordEvent(
      tx,
      opts.actor,
      'program_template.updated',
      { entityType: 'program_template', entityId: row.id, orgUnitId: regionId },
      { kind: input.kind, factorCode },
    );
    return {
      kind: input.kind,
      factorCode,
      factorName: factorName(factorCode),
      edited: true,
      version: row.version,
      content: input.content,
    };
  });
}
