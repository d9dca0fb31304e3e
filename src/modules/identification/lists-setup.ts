import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { identificationResults, identificationRuns, methodologies } from '../../db/schema/identification.js';
import { AppError } from '../../lib/errors.js';
import { approveList } from './approve-list.js';
import { createOrReplaceDraftList } from './create-list.js';
import { removeDecision, setDecision } from './list-decisions.js';

// The setting of the list tests (lists-drafts, lists-approval, lists-views .db.test.ts), which were one
// chain in one file: a region with runs of 2024 and 2025, then the list of 2025 drafted and decided on,
// then both lists approved. Each file starts from the stage the chain had reached before its first test;
// the stages are built by the same calls, in the same order, as the tests before them make.

export type ResultPatch = Partial<typeof identificationResults.$inferInsert>;

export const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return { code: 'OK', message: '' };
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
};
export const code = async (p: Promise<unknown>) => (await failure(p)).code;

export const documentXml = async (buf: Buffer) =>
  (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';

export const shnor = (reason: string): ResultPatch => ({
  shnor: true,
  reasons: [`ШНОР: ${reason}`, 'ШНСУ: низкий ИСБШ.'],
  lowProcedures: [{ assessment: 'ВПР', subject: 'математика', grade: 5, lowShare: 0.34 }],
});

/**
 * - `runs`: the region and its runs (2024; 2025 twice) — before the drafts' tests;
 * - `draft`: the draft of 2025 at version 8 (S3 excluded, S2 included) — before the approvals' tests;
 * - `approved`: the lists of 2024 and 2025 approved — before the views' and exports' tests.
 */
export type ListsStage = 'runs' | 'draft' | 'approved';

export type ListsSetting = {
  database: Database;
  f: Awaited<ReturnType<typeof buildRegion>>;
  methodologyId: string;
  makeRun: (year: number, results: [string, ResultPatch][], status?: 'done' | 'running') => Promise<string>;
  run24: string;
  run25a: string;
  run25b: string;
  /** Set from the stage `draft` on. */
  list25: string;
  /** Set from the stage `approved` on. */
  list24: string;
};

export async function setUpLists(kind: 'pglite' | 'postgres', stage: ListsStage): Promise<ListsSetting> {
  const database = await freshDatabase(kind);
  const db = database.db;
  const f = await buildRegion(db);
  // The region got its default methodology when it was created.
  const [m] = await db.select().from(methodologies).where(eq(methodologies.regionId, f.R.id));
  const methodologyId = m?.id ?? '';
  const makeRun: ListsSetting['makeRun'] = async (year, results, status = 'done') => {
    const [run] = await db
      .insert(identificationRuns)
      .values({
        regionId: f.R.id,
        methodologyId,
        year,
        status,
        finishedAt: status === 'done' ? new Date() : null,
      })
      .returning();
    if (!run) throw new Error('no run');
    if (results.length)
      await db.insert(identificationResults).values(
        results.map(([schoolId, p]) => ({
          runId: run.id,
          schoolId,
          isbsh: null,
          cluster: null,
          resultIndex: null,
          shnor: false,
          shnsu: false,
          riskZone: false,
          resilient: false,
          stagnation: false,
          repeat: false,
          exit: false,
          objectivity: false,
          lowProcedures: [],
          reasons: [],
          ...p,
        })),
      );
    return run.id;
  };
  const s: ListsSetting = {
    database,
    f,
    methodologyId,
    makeRun,
    run24: await makeRun(2024, [
      [f.S1.id, { ...shnor('2024, S1'), cluster: 1, resultIndex: 0.6, isbsh: -1 }],
      [f.S2.id, { riskZone: true, cluster: 2, resultIndex: 0.8, isbsh: 0.5 }],
      [f.S3.id, { ...shnor('2024, S3'), cluster: 1, resultIndex: 0.7, isbsh: -0.5 }],
    ]),
    run25a: await makeRun(2025, [
      [f.S1.id, { ...shnor('2025, S1'), stagnation: true, cluster: 1, resultIndex: 0.5, isbsh: -1.2 }],
      [f.S2.id, { riskZone: true, reasons: ['Зона риска: 2025.'], cluster: 2, resultIndex: 0.9, isbsh: 0.4 }],
      [f.S3.id, { ...shnor('2025, S3'), cluster: 1, resultIndex: 0.7, isbsh: -0.9 }],
    ]),
    run25b: await makeRun(2025, [
      [f.S1.id, { ...shnor('2025b, S1') }],
      [f.S3.id, { ...shnor('2025b, S3') }],
    ]),
    list25: '',
    list24: '',
  };
  if (stage === 'runs') return s;

  // What the drafts' tests do (lists-drafts.db.test.ts), the refusals left out.
  const region = f.as('region');
  await makeRun(2025, [], 'running');
  s.list25 = (await createOrReplaceDraftList(db, { actor: region, runId: s.run25a })).id;
  const listId = s.list25;
  const exclude = 'Результаты признаны необъективными по итогам перепроверки';
  const include = 'По заявлению муниципалитета';
  await setDecision(db, {
    actor: region,
    listId,
    schoolId: f.S3.id,
    decision: 'exclude',
    reason: exclude,
    version: 1,
  });
  await setDecision(db, {
    actor: region,
    listId,
    schoolId: f.S2.id,
    decision: 'include',
    reason: include,
    version: 2,
  });
  await removeDecision(db, { actor: region, listId, schoolId: f.S2.id, version: 3 });
  await setDecision(db, {
    actor: region,
    listId,
    schoolId: f.S2.id,
    decision: 'include',
    reason: include,
    version: 4,
  });
  await createOrReplaceDraftList(db, { actor: region, runId: s.run25b, version: 5 });
  await createOrReplaceDraftList(db, { actor: region, runId: s.run25a });
  await setDecision(db, {
    actor: region,
    listId,
    schoolId: f.S2.id,
    decision: 'include',
    reason: include,
    version: 7,
  });
  if (stage === 'draft') return s;

  // What the approvals' tests do (lists-approval.db.test.ts).
  s.list24 = (await createOrReplaceDraftList(db, { actor: region, runId: s.run24 })).id;
  await approveList(db, {
    actor: region,
    listId: s.list24,
    orderNumber: '12-од',
    orderDate: '2024-03-01',
    version: 1,
  });
  await makeRun(2024, [[f.S1.id, shnor('again')]]);
  await approveList(db, { actor: region, listId, orderNumber: '7-од', orderDate: '2025-02-14', version: 8 });
  return s;
}
