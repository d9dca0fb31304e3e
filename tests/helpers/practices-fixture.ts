import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type { ListKind } from '../../src/db/schema/identification.js';
import {
  identificationLists,
  identificationResults,
  identificationRuns,
  methodologies,
} from '../../src/db/schema/identification.js';

// Identification runs with clusters and approved lists for the bank's «похожие школы» and resilient
// authors: a run of the year with one result row per school (its cluster and flags) and the approved
// lists of the given kinds over it — the lists' members come from the run's flags (includedSchoolsOfList).

export type ResultRow = { schoolId: string; cluster: number; shnor?: boolean; resilient?: boolean };

export async function runWithLists(
  db: Db,
  regionId: string,
  year: number,
  rows: ResultRow[],
  kinds: ListKind[],
) {
  const [m] = await db.select().from(methodologies).where(eq(methodologies.regionId, regionId));
  const [run] = await db
    .insert(identificationRuns)
    .values({ regionId, methodologyId: m?.id ?? '', year, status: 'done', finishedAt: new Date() })
    .returning();
  const runId = run?.id ?? '';
  await db.insert(identificationResults).values(
    rows.map((r) => ({
      runId,
      schoolId: r.schoolId,
      cluster: r.cluster,
      shnor: r.shnor ?? false,
      shnsu: false,
      riskZone: false,
      resilient: r.resilient ?? false,
      stagnation: false,
      repeat: false,
      exit: false,
      objectivity: false,
      lowProcedures: [],
      reasons: [],
    })),
  );
  for (const kind of kinds)
    await db.insert(identificationLists).values({
      regionId,
      year,
      kind,
      runId,
      status: 'approved',
      orderNumber: `${year}-п`,
      orderDate: `${year}-09-15`,
    });
  return runId;
}
