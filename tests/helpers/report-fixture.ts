import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { identificationLists, identificationResults } from '../../src/db/schema/identification.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import { items } from '../../src/db/schema/roadmaps.js';
import { importAssessmentData } from '../../src/modules/assessment-data/import-assessment-data.js';
import { addCurator, approvedList, assign, roadmapOf } from './coverage-fixture.js';
import { RESULTS_HEADER, zipOfPackage } from './data-package.js';
import type { buildRegion } from './fixture.js';

// The data behind the report tests, every figure chosen so a finding can be checked by hand:
// ШНОР 2024: S1; ШНОР 2025: S1 (repeat, stagnation), S2 (mathematics 40 % «2»), S3.
// R 2024: S1 60 %, S2 85 %, S3 90 %; R 2025: S1 62 %, S2 70 %, S3 75 %; S3 also in the risk zone in 2025.
// The same R comes from the assessment data (one procedure of 100 participants per school and year, «2»
// = 100 − R), which the reports' R of the analysis pages reads, and from the runs' stored results, which
// the identification report reads. S1 has a curator for 2025; M1's approved roadmap of 2025 has one
// counted measure, overdue since 2025-10-01.

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
  const codes = [f.S1.id, f.S2.id, f.S3.id];
  for (const [i, id] of codes.entries())
    await db
      .update(orgUnits)
      .set({ code: `C${i + 1}` })
      .where(eq(orgUnits.id, id));
  const results = Object.entries(R).flatMap(([year, rows]) =>
    rows.map(([id, r]) => {
      const mark2 = Math.round((1 - r) * 100);
      return `C${codes.indexOf(id) + 1},${year},ВПР,математика,5,100,${mark2},${70 - mark2},20,10\n`;
    }),
  );
  await importAssessmentData(db, {
    actor: f.as('region'),
    fileName: 'report-fixture.zip',
    dryRun: false,
    data: zipOfPackage({
      schools: `school_id,name,municipality_id,municipality_name\n${codes.map((_, i) => `C${i + 1},Школа ${i + 1},M,Район\n`).join('')}`,
      results: RESULTS_HEADER + results.join(''),
      context: 'school_id,year,ovz_share\nC1,2024,0.1\n',
    }),
  });
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
  // Not measures of school year 2025 (itemsOfSchoolYear): a cancelled one and one of a 2023 roadmap, both
  // past their dates — a report of 2025 counts neither.
  const cancelled = await roadmapOf(db, f.M1.id, 2025, 'approved');
  await db
    .update(items)
    .set({ dueDate: '2025-10-01', status: 'cancelled' })
    .where(eq(items.id, cancelled.itemId));
  const old = await roadmapOf(db, f.M1.id, 2023, 'approved');
  await db.update(items).set({ dueDate: '2023-10-01' }).where(eq(items.id, old.itemId));
}
