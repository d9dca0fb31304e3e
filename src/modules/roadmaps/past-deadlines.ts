import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items } from '../../db/schema/roadmaps.js';
import { invalid } from '../../lib/errors.js';
import { plural } from '../../lib/plural.js';
import { pastDue } from './read-sql.js';

// Approving a roadmap whose deadlines have passed makes its open measures overdue at once (a 2022/23
// roadmap approved in 2026: all 21). The approval is refused until the user acknowledges how many;
// the alternative offered is to keep it as an archived record. The rule itself is read-sql.ts's.

/** Open items of the roadmap already past their deadline. */
export async function countPastDue(db: Db, roadmapId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(items)
    .where(and(eq(items.roadmapId, roadmapId), sql.raw(pastDue('roadmap_items'))));
  return row?.n ?? 0;
}

/** The field the approval form shows the warning on and answers with `acknowledgePastDeadlines: true`. */
export const PAST_DEADLINES_FIELD = 'acknowledgePastDeadlines';

/** «21 мероприятие со сроком в прошлом сразу станет просроченным», «5 мероприятий … станут просроченными». */
export function pastDeadlinesMessage(n: number): string {
  const items = plural(n, ['мероприятие', 'мероприятия', 'мероприятий']);
  const become = plural(n, ['станет просроченным', 'станут просроченными', 'станут просроченными']);
  return `${n} ${items} со сроком в прошлом сразу ${become}. Утвердить всё равно?`;
}

export const pastDeadlinesWarning = (n: number) =>
  invalid(pastDeadlinesMessage(n), [{ field: PAST_DEADLINES_FIELD, message: pastDeadlinesMessage(n) }]);
