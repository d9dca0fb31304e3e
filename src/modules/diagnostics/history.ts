import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';

// The history of a diagnostic in Russian lines: created, changed, results imported (with the file, how
// many were written, replaced, chosen at review and skipped). The imports of every school are shown to
// the owner's side only: a school reading the region's diagnostic does not see other schools' files.

export const historyLineView = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  text: z.string(),
});
type HistoryLine = z.infer<typeof historyLineView>;

const FIELD_NAMES: Record<string, string> = {
  name: 'название',
  conductedOn: 'дата проведения',
  year: 'учебный год',
  organiser: 'организатор',
  blocks: 'блоки',
  previousId: 'предыдущая диагностика',
};

function lineOf(type: string, p: Record<string, unknown>): string {
  switch (type) {
    case 'diagnostic.created':
      return `Диагностика создана: ${String(p.title)}`;
    case 'diagnostic.updated':
      return `Изменено: ${((p.changes as { field: string }[] | undefined) ?? []).map((c) => FIELD_NAMES[c.field] ?? c.field).join(', ')}`;
    case 'diagnostic.results_imported':
      return `Загружены результаты «${String(p.fileName)}»: записано ${String(p.written)}, заменено прежних ${String(p.replaced)}, выбрано при проверке ${String(p.reviewed)}, пропущено ${String(p.skipped)}`;
    default:
      return type;
  }
}

export async function diagnosticHistory(db: Db, id: string, withImports: boolean): Promise<HistoryLine[]> {
  const types = [
    'diagnostic.created',
    'diagnostic.updated',
    ...(withImports ? ['diagnostic.results_imported'] : []),
  ];
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'deficit_diagnostic'),
        eq(auditEvents.entityId, id),
        inArray(auditEvents.type, types),
      ),
    )
    .orderBy(asc(auditEvents.id));
  return rows.map((e) => ({
    at: e.at.toISOString(),
    actorName: e.actorName,
    text: lineOf(e.type, e.payload as Record<string, unknown>),
  }));
}
