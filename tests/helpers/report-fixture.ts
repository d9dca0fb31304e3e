import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { identificationLists, identificationResults } from '../../src/db/schema/identification.js';
import { items } from '../../src/db/schema/roadmaps.js';
import { addCurator, approvedList, assign, roadmapOf } from './coverage-fixture.js';
import type { buildRegion } from './fixture.js';

// The data behind the report tests, every figure chosen so a finding can be checked by hand:
// ШНОР 2024: S1; ШНОР 2025: S1 (repeat, stagnation), S2 (mathematics 40 % «2»), S3.
// R 2024: S1 60 %, S2 85 %, S3 90 %; R 2025: S1 62 %, S2 70 %, S3 75 %; S3 also in the risk zone in 2025.
// S1 has a curator for 2025; M1's approved roadmap has one measure, overdue since 2025-10-01.

type Region = Awaited<ReturnType<typeof buildRegion>>;

const low = (subject: string, lowShare: number) => ({ assessment: 'ВПР', subject, grade: 5, lowShare });

export async function reportData(db: Db, f: Region) {
  await approvedList(db, f.R.id, 2024, 'shnor', [f.S1.id]);
  await approvedList(db, f.R.id, 2025, 'shnor', [f.S1.id, f.S2.id, f.S3.id]);
  const R: Record<number, [string, number, Partial<typeof identificationResults.$inferInsert>][]> = {
    2024: [
      [f.S1.id, 0.6, { lowProcedures: [low('Русский язык', 0.35)] }],
      [f.S2.id, 0.85, {}],
      [f.S3.id, 0.9, {}],
    ],
    2025: [
      [f.S1.id, 0.62, { stagnation: true, repeat: true }],
      [f.S2.id, 0.7, { lowProcedures: [low('Математика', 0.4), low('Русский язык', 0.2)] }],
      [f.S3.id, 0.75, { riskZone: true }],
    ],
  };
  for (const year of [2024, 2025]) {
    const [list] = await db
      .select({ runId: identificationLists.runId })
      .from(identificationLists)
      .where(and(eq(identificationLists.regionId, f.R.id), eq(identificationLists.year, year)));
    await db.insert(identificationResults).values(
      (R[year] ?? []).map(([schoolId, r, extra]) => ({
        runId: list?.runId ?? '',
        schoolId,
        resultIndex: r,
        shnor: true,
        shnsu: false,
        riskZone: false,
        resilient: false,
        stagnation: false,
        repeat: false,
        exit: false,
        objectivity: false,
        lowProcedures: [],
        reasons: [],
        ...extra,
      })),
    );
  }
  const curator = await addCurator(db, f, 'curator');
  await assign(db, curator, f.S1.id, 2025);
  const { itemId } = await roadmapOf(db, f.M1.id, 2025, 'approved');
  await db.update(items).set({ dueDate: '2025-10-01' }).where(eq(items.id, itemId));
}
