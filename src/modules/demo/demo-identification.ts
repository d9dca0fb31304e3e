import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import {
  identificationLists,
  identificationOrders,
  identificationRuns,
} from '../../db/schema/identification.js';
import { jobHandlers } from '../../jobs/handlers.js';
import { drainJobs } from '../../jobs/runner.js';
import type { Actor } from '../access/actor.js';
import { demoDataYears, loadDemoAssessmentData } from '../assessment-data/demo-data.js';
import type { BulkLoader } from '../assessment-data/store.js';
import { approveListsByOrder } from '../identification/approve-order.js';
import { createOrReplaceDraftList } from '../identification/create-list.js';
import type { ListKind } from '../identification/list-kinds.js';
import { listMethodologies } from '../identification/methodologies.js';
import { parseMethodology } from '../identification/methodology.js';
import { startRun } from '../identification/run-identification.js';

// The lists the demo region approves each year by one order: Приложение 1 — ШНОР, Приложение 2 — зона риска.
const DEMO_KINDS: ListKind[] = ['shnor', 'riskZone'];
/** The planted effect of support on R, in units of R (+4,5 percentage points of pupils without «2»). */
export const DEMO_SUPPORT_EFFECT = 0.045;

/**
 * Five years of synthetic assessment data for the demo schools, a run of the current methodology
 * for each year (oldest first, so that approved lists feed stagnation and repeats), the ШНОР and
 * risk-zone lists of the past years approved by one order a year (two appendices), and drafts of both
 * for the last year, to be reviewed by the regional operator. The runs, lists and their history carry
 * the dates of the demo's own orders, not the day the demo was loaded.
 */
export async function loadDemoIdentification(
  db: Db,
  opts: { region: Actor; regionId: string; today: Date; log: (m: string) => void; bulk?: BulkLoader },
): Promise<void> {
  // Five years of data: ШНОР of a year needs the year before, so lists start with the second year.
  const dataYears = demoDataYears(opts.today, 5);
  const years = dataYears.slice(1);
  const current = (await listMethodologies(db, { actor: opts.region })).find((m) => m.status === 'current');
  if (!current) throw new Error('no current methodology');
  // A modest effect of support in the year after each approved list (issue 13 §6): the effect page then
  // shows the honest estimate near it and the naive before/after well above it.
  const planted = {
    effect: DEMO_SUPPORT_EFFECT,
    listYears: years.slice(0, -1),
    methodology: parseMethodology(current.document),
  };
  await loadDemoAssessmentData(
    db,
    { regionId: opts.regionId, years: dataYears, seed: 2026, planted },
    opts.bulk,
  );
  for (const [i, year] of years.entries()) {
    const { runId } = await startRun(db, { actor: opts.region, year, methodologyId: current.id });
    await drainJobs(db, jobHandlers(opts.bulk));
    const drafts = [];
    for (const kind of DEMO_KINDS)
      drafts.push(await createOrReplaceDraftList(db, { actor: opts.region, runId, kind }));
    if (i < years.length - 1) {
      const orderDate = `${year}-09-${10 + i}`;
      const order = await approveListsByOrder(db, {
        actor: opts.region,
        orderNumber: `${310 + i}-п`,
        orderDate,
        lists: drafts.map((d) => ({ listId: d.id, version: d.version })),
      });
      await backdate(db, {
        runId,
        orderId: order.id,
        listIds: drafts.map((d) => d.id),
        // The run a fortnight before the order, the drafts a week before, the approval on its day.
        runAt: atNoon(orderDate, -14),
        draftAt: atNoon(orderDate, -7),
        approvedAt: atNoon(orderDate, 0),
      });
    }
  }
  opts.log(
    `Данные оценочных процедур: ${dataYears.join(', ')}; списки ШНОР и зоны риска утверждены за ${years.slice(0, -1).join(', ')} (по приказу в год, два приложения), за ${years.at(-1)} — черновики`,
  );
}

/** Noon in Moscow of the day `days` after an ISO date. */
function atNoon(isoDate: string, days: number): Date {
  const d = new Date(`${isoDate}T09:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

/**
 * The demo creates a past year's run, lists and order today; their times, and the times of their
 * history events, are set to the days they would have happened (issue 10: «history shows today's date
 * for lists approved by 2023–2025 orders»).
 */
async function backdate(
  db: Db,
  x: { runId: string; orderId: string; listIds: string[]; runAt: Date; draftAt: Date; approvedAt: Date },
): Promise<void> {
  await db
    .update(identificationRuns)
    .set({ createdAt: x.runAt, finishedAt: x.runAt })
    .where(eq(identificationRuns.id, x.runId));
  await db
    .update(identificationLists)
    .set({ createdAt: x.draftAt, approvedAt: x.approvedAt })
    .where(inArray(identificationLists.id, x.listIds));
  await db
    .update(identificationOrders)
    .set({ createdAt: x.approvedAt })
    .where(eq(identificationOrders.id, x.orderId));
  await db
    .update(auditEvents)
    .set({ at: x.runAt })
    .where(and(eq(auditEvents.entityType, 'identification_run'), eq(auditEvents.entityId, x.runId)));
  await db
    .update(auditEvents)
    .set({
      at: sql`case when ${auditEvents.type} = 'identification_list.approved' then ${x.approvedAt.toISOString()}::timestamptz else ${x.draftAt.toISOString()}::timestamptz end`,
    })
    .where(and(eq(auditEvents.entityType, 'identification_list'), inArray(auditEvents.entityId, x.listIds)));
}
