import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { itemResponsibles, type items, type roadmaps } from '../../db/schema/roadmaps.js';
import { invalid } from '../../lib/errors.js';
import { assertUnitsNearOwner } from '../access/unit-scope.js';
import { dueDateOf, parseDeadline } from './deadline.js';
import type { UpdateItemInput } from './schemas.js';

type ItemRow = typeof items.$inferSelect;
type Period = Pick<typeof roadmaps.$inferSelect, 'periodKind' | 'periodYear'>;

/**
 * Fills the structured period from the deadline wording unless the user gave it explicitly,
 * and derives the due date that «просрочено» is computed from.
 */
export function resolveDeadline(
  input: Pick<UpdateItemInput, 'deadlineText' | 'periodFrom' | 'periodTo' | 'recurrence' | 'dueDate'>,
  before: Pick<ItemRow, 'deadlineText' | 'periodFrom' | 'periodTo' | 'recurrence' | 'dueDate'> | null,
  period: Period,
): Partial<ItemRow> {
  const textChanged =
    input.deadlineText !== undefined && input.deadlineText !== (before?.deadlineText ?? null);
  const structuredGiven =
    input.periodFrom !== undefined ||
    input.periodTo !== undefined ||
    input.recurrence !== undefined ||
    input.dueDate !== undefined;
  // A new item always gets a due date (the end of the period when no deadline is written).
  if (before && !textChanged && !structuredGiven) return {};
  const parsed = textChanged ? parseDeadline(input.deadlineText ?? null, period) : null;
  const from =
    input.periodFrom !== undefined
      ? (input.periodFrom ?? null)
      : parsed
        ? parsed.from
        : (before?.periodFrom ?? null);
  const to =
    input.periodTo !== undefined ? (input.periodTo ?? null) : parsed ? parsed.to : (before?.periodTo ?? null);
  const recurrence =
    input.recurrence !== undefined
      ? (input.recurrence ?? null)
      : parsed
        ? parsed.recurrence
        : (before?.recurrence ?? null);
  const date = input.dueDate !== undefined ? (input.dueDate ?? null) : parsed ? parsed.date : null;
  if (from && to && from > to)
    throw invalid('Начало срока позже его окончания', [{ field: 'periodFrom', message: 'Позже окончания' }]);
  return {
    ...(input.deadlineText !== undefined && { deadlineText: input.deadlineText ?? null }),
    periodFrom: from,
    periodTo: to,
    recurrence,
    dueDate: dueDateOf({ from, to, date, recurrence, understood: true }, period),
  };
}

/** Responsible units of an item of the roadmap owned by the unit at `ownerPath` (see unitNearOwner). */
export async function setResponsibles(
  db: Db,
  ownerPath: string,
  lists: { itemId: string; unitIds: string[] }[],
  /** Just-created items have no responsibles to remove. */
  opts: { isNew?: boolean } = {},
): Promise<void> {
  const rows = lists.flatMap(({ itemId, unitIds }) =>
    [...new Set(unitIds)].map((orgUnitId) => ({ itemId, orgUnitId })),
  );
  await assertUnitsNearOwner(db, ownerPath, [...new Set(rows.map((r) => r.orgUnitId))], 'responsibleUnitIds');
  if (!opts.isNew) {
    await db.delete(itemResponsibles).where(
      inArray(
        itemResponsibles.itemId,
        lists.map((l) => l.itemId),
      ),
    );
  }
  if (rows.length) await db.insert(itemResponsibles).values(rows);
}

export async function responsibleIds(db: Db, itemId: string): Promise<string[]> {
  const rows = await db
    .select({ id: itemResponsibles.orgUnitId })
    .from(itemResponsibles)
    .where(eq(itemResponsibles.itemId, itemId));
  return rows.map((r) => r.id).sort();
}

export const EDITABLE_ITEM_FIELDS = [
  'number',
  'level',
  'measure',
  'description',
  'responsibleText',
  'participants',
  'indicator',
  'targetComparator',
  'targetValue',
  'targetUnit',
  'actualValue',
  'evidenceKind',
  'targetCoverage',
  'proofWaiver',
] as const;
