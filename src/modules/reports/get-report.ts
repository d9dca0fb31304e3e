import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { jobs } from '../../db/schema/jobs.js';
import { analyticReports } from '../../db/schema/monitoring.js';
import { meetings } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { ReportStatus } from '../../db/schema/values.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canKeepUnitWork } from '../organisation/organise-access.js';
import { canAuthorReport, loadReport } from './report-access.js';
import { REPORT_STATUS_LABELS, REPORT_TEMPLATE_LABELS } from './report-labels.js';
import { reportContentSchema } from './report-model.js';
import type { reportDetailView, reportSummaryView } from './views.js';

// The list of reports the actor reads (his units' subtree) and one report with its job's progress,
// its content, the reviews recorded on it and what he may do.

type Summary = z.infer<typeof reportSummaryView>;
type Detail = z.infer<typeof reportDetailView>;

const decisionsCount = sql<number>`(select count(*)::int from meeting_decisions d join meetings m on m.id = d.meeting_id
  where m.report_id = analytic_reports.id)`;

function summaryOf(
  r: typeof analyticReports.$inferSelect,
  unit: { id: string; name: string; kind: string },
  decisions: number,
): Summary {
  return {
    id: r.id,
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    template: r.template,
    templateLabel: REPORT_TEMPLATE_LABELS[r.template],
    year: r.year,
    title: r.title,
    status: r.status,
    statusLabel: REPORT_STATUS_LABELS[r.status],
    createdAt: r.createdAt.toISOString(),
    issuedAt: r.issuedAt ? r.issuedAt.toISOString() : null,
    decisions,
  };
}

/**
 * A report whose job failed outside its handler (a worker that died on every attempt: the runner fails the
 * job, the handler's catch never ran) reads as failed, not as generating forever.
 */
const statusOf = (r: typeof analyticReports.$inferSelect, jobStatus: string | null | undefined) =>
  r.status === 'generating' && jobStatus === 'failed' ? ('failed' as const) : r.status;

export async function listReports(
  db: Db,
  opts: { actor: Actor; year?: number; status?: ReportStatus },
): Promise<Summary[]> {
  const rows = await db
    .select({
      report: analyticReports,
      unit: { id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind },
      decisions: decisionsCount,
      jobStatus: sql<string | null>`(select j.status from jobs j where j.id = ${analyticReports.jobId})`,
    })
    .from(analyticReports)
    .innerJoin(orgUnits, eq(orgUnits.id, analyticReports.orgUnitId))
    .where(
      and(
        pathReadable(opts.actor, orgUnits.path),
        opts.year ? eq(analyticReports.year, opts.year) : undefined,
        opts.status ? eq(analyticReports.status, opts.status) : undefined,
      ),
    )
    .orderBy(desc(analyticReports.createdAt))
    .limit(500);
  return rows.map((r) =>
    summaryOf({ ...r.report, status: statusOf(r.report, r.jobStatus) }, r.unit, Number(r.decisions)),
  );
}

export async function getReport(db: Db, opts: { actor: Actor; reportId: string }): Promise<Detail> {
  const loaded = await loadReport(db, opts.actor, opts.reportId);
  const { unit } = loaded;
  const [job] = loaded.report.jobId
    ? await db.select().from(jobs).where(eq(jobs.id, loaded.report.jobId))
    : [];
  const report = { ...loaded.report, status: statusOf(loaded.report, job?.status) };
  const reviews = await db
    .select({
      meetingId: meetings.id,
      date: meetings.date,
      title: meetings.title,
      protocolNumber: meetings.protocolNumber,
      decisions: sql<number>`(select count(*)::int from meeting_decisions d where d.meeting_id = meetings.id)`,
    })
    .from(meetings)
    .where(eq(meetings.reportId, report.id))
    .orderBy(meetings.date);
  const author = canAuthorReport(opts.actor, unit);
  const parsed = report.content ? reportContentSchema.safeParse(report.content) : null;
  return {
    ...summaryOf(
      report,
      unit,
      reviews.reduce((n, r) => n + Number(r.decisions), 0),
    ),
    version: report.version,
    content: parsed?.success ? parsed.data : null,
    job: job
      ? { id: job.id, status: job.status, progress: job.progress, message: job.message, error: job.error }
      : null,
    canEdit: author && report.status === 'draft',
    canIssue: author && report.status === 'draft',
    canRecordDecision: report.status === 'issued' && canKeepUnitWork(opts.actor, unit),
    reviews: reviews.map((r) => ({ ...r, decisions: Number(r.decisions) })),
  };
}
