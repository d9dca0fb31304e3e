import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationLists, identificationResults, listDecisions } from '../../db/schema/identification.js';
import { kindColumn, type ListKind } from './list-kinds.js';
import { includedSchools } from './list-rule.js';

type ListRow = typeof identificationLists.$inferSelect;

// «The approved ШНОР of a year», for other modules (runs use it for past years). No access check:
// callers check their own. Runs ask for ШНОР lists: stagnation and repeats are counted over them.

/** The region's approved list of the year (of a kind: ШНОР unless told), if any. */
export async function approvedListOfYear(
  db: Db,
  regionId: string,
  year: number,
  kind: ListKind = 'shnor',
): Promise<ListRow | null> {
  const [row] = await db
    .select()
    .from(identificationLists)
    .where(
      and(
        eq(identificationLists.regionId, regionId),
        eq(identificationLists.year, year),
        eq(identificationLists.kind, kind),
        eq(identificationLists.status, 'approved'),
      ),
    )
    .orderBy(desc(identificationLists.approvedAt))
    .limit(1);
  return row ?? null;
}

/** The schools of a list by `includedSchools`: its run's flag of its kind with the operator's decisions. */
export async function includedSchoolsOfList(
  db: Db,
  list: Pick<ListRow, 'id' | 'runId' | 'kind'>,
): Promise<Set<string>> {
  // One after another: `db` may be a transaction, whose one connection takes one query at a time.
  const computed = await db
    .select({ id: identificationResults.schoolId })
    .from(identificationResults)
    .where(and(eq(identificationResults.runId, list.runId), eq(kindColumn(list.kind), true)));
  const decisions = await db
    .select({ schoolId: listDecisions.schoolId, decision: listDecisions.decision })
    .from(listDecisions)
    .where(eq(listDecisions.listId, list.id));
  return includedSchools(new Set(computed.map((r) => r.id)), decisions);
}
