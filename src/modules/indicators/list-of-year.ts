import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationLists } from '../../db/schema/identification.js';

// The ШНОР list of a year for the indicators: the approved one, else the draft the region is reviewing
// (the figure then says it is the draft's). Its schools follow THE rule of a list (identification
// `includedSchools`): an approved list's frozen entries; a draft's run flag with the operator's decisions.

export type YearList = {
  id: string;
  runId: string;
  year: number;
  approved: boolean;
  orderNumber: string | null;
};

export async function shnorListOfYear(db: Db, regionId: string, year: number): Promise<YearList | null> {
  const rows = await db
    .select({
      id: identificationLists.id,
      runId: identificationLists.runId,
      year: identificationLists.year,
      status: identificationLists.status,
      orderNumber: identificationLists.orderNumber,
    })
    .from(identificationLists)
    .where(
      and(
        eq(identificationLists.regionId, regionId),
        eq(identificationLists.year, year),
        eq(identificationLists.kind, 'shnor'),
      ),
    )
    .orderBy(desc(identificationLists.status));
  // 'draft' sorts after 'approved' descending: the approved list comes first when both exist.
  const row = rows.find((r) => r.status === 'approved') ?? rows[0];
  return row
    ? {
        id: row.id,
        runId: row.runId,
        year: row.year,
        approved: row.status === 'approved',
        orderNumber: row.orderNumber,
      }
    : null;
}

/** SQL of the list's school ids (one column `school_id`). */
export function listSchoolsSql(list: YearList): SQL {
  if (list.approved)
    return sql`select school_id from identification_list_schools where list_id = ${list.id}::uuid`;
  return sql`(select school_id from identification_results where run_id = ${list.runId}::uuid and shnor
    union select school_id from list_decisions where list_id = ${list.id}::uuid and decision = 'include')
    except select school_id from list_decisions where list_id = ${list.id}::uuid and decision = 'exclude'`;
}

/** «список ШНОР 2025 г. (утверждён, приказ № 312-п)» / «черновик списка ШНОР 2026 г. (не утверждён)». */
export function listText(list: YearList): string {
  if (!list.approved) return `черновик списка ШНОР ${list.year} г. (ещё не утверждён)`;
  return `список ШНОР ${list.year} г. (утверждён${list.orderNumber ? `, приказ № ${list.orderNumber}` : ''})`;
}
