import type { Db } from '../../db/client.js';
import { jobHandlers } from '../../jobs/handlers.js';
import { drainJobs } from '../../jobs/runner.js';
import type { Actor } from '../access/actor.js';
import { demoDataYears, loadDemoAssessmentData } from '../assessment-data/demo-data.js';
import type { BulkLoader } from '../assessment-data/store.js';
import { approveList } from '../identification/approve-list.js';
import { createOrReplaceDraftList } from '../identification/create-list.js';
import { listMethodologies } from '../identification/methodologies.js';
import { startRun } from '../identification/run-identification.js';

/**
 * Five years of synthetic assessment data for the demo schools, a run of the current methodology
 * for each year (oldest first, so that approved lists feed stagnation and repeats), approved lists
 * for the past years and a draft list for the last one, to be reviewed by the regional operator.
 */
export async function loadDemoIdentification(
  db: Db,
  opts: { region: Actor; regionId: string; today: Date; log: (m: string) => void; bulk?: BulkLoader },
): Promise<void> {
  // Five years of data: ШНОР of a year needs the year before, so lists start with the second year.
  const dataYears = demoDataYears(opts.today, 5);
  const years = dataYears.slice(1);
  await loadDemoAssessmentData(db, { regionId: opts.regionId, years: dataYears, seed: 2026 }, opts.bulk);
  const current = (await listMethodologies(db, { actor: opts.region })).find((m) => m.status === 'current');
  if (!current) throw new Error('no current methodology');
  for (const [i, year] of years.entries()) {
    const { runId } = await startRun(db, { actor: opts.region, year, methodologyId: current.id });
    await drainJobs(db, jobHandlers(opts.bulk));
    const list = await createOrReplaceDraftList(db, { actor: opts.region, runId });
    if (i < years.length - 1) {
      await approveList(db, {
        actor: opts.region,
        listId: list.id,
        orderNumber: `${310 + i}-п`,
        orderDate: `${year}-09-${10 + i}`,
        version: list.version,
      });
    }
  }
  opts.log(
    `Данные оценочных процедур: ${dataYears.join(', ')}; списки ШНОР утверждены за ${years.slice(0, -1).join(', ')}, за ${years.at(-1)} — черновик`,
  );
}
