import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { analyticReports } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { enqueueJob, type JobHandler } from '../../jobs/runner.js';
import { forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { loadActor } from '../auth/load-actor.js';
import { canAuthorReport } from './report-access.js';
import { scopeUnit } from './report-data.js';
import { type GenerateReportInput, generateReportInput } from './report-input.js';
import { REPORT_MSG, REPORT_TEMPLATE_LABELS } from './report-labels.js';
import { reportContentSchema } from './report-model.js';
import { REPORT_TEMPLATE_BUILDERS } from './templates.js';

// Generation is a background job (kind `report.generate`): the request writes the report «формируется»
// and queues the job; the handler reads the data as its author (his access), builds the blocks by the
// template and leaves a draft — or «ошибка» with the reason, which the page shows.

export const REPORT_JOB = 'report.generate';
const jobParams = z.object({ reportId: z.uuid() });

export async function generateReport(
  db: Db,
  opts: { actor: Actor; input: GenerateReportInput },
): Promise<{ reportId: string; jobId: string }> {
  const input = parseInput(generateReportInput, opts.input);
  const [unit] = await db
    .select({ id: orgUnits.id, kind: orgUnits.kind, path: orgUnits.path, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.unitId), pathReadable(opts.actor, orgUnits.path)));
  if (!unit) throw notFound('Организация');
  if (unit.kind !== 'region' && unit.kind !== 'municipality')
    throw invalid(REPORT_MSG.scopeKind, [{ field: 'unitId', message: REPORT_MSG.scopeKind }]);
  if (!canAuthorReport(opts.actor, unit)) throw forbidden(REPORT_MSG.notGenerator);
  if (!REPORT_TEMPLATE_BUILDERS[input.template])
    throw invalid(REPORT_MSG.templateLater, [{ field: 'template', message: REPORT_MSG.templateLater }]);
  const title = `${REPORT_TEMPLATE_LABELS[input.template]}, ${input.year} — ${unit.name}`;
  return db.transaction(async (tx) => {
    const [report] = await tx
      .insert(analyticReports)
      .values({
        orgUnitId: unit.id,
        template: input.template,
        year: input.year,
        title,
        status: 'generating',
        createdBy: opts.actor.userId,
      })
      .returning({ id: analyticReports.id });
    if (!report) throw new Error('insert returned nothing');
    const job = await enqueueJob(tx, {
      kind: REPORT_JOB,
      params: { reportId: report.id },
      createdBy: opts.actor.userId,
    });
    await tx.update(analyticReports).set({ jobId: job.id }).where(eq(analyticReports.id, report.id));
    await recordEvent(
      tx,
      opts.actor,
      'analytic_report.generation_started',
      { entityType: 'analytic_report', entityId: report.id, orgUnitId: unit.id },
      { template: input.template, year: input.year, title },
    );
    return { reportId: report.id, jobId: job.id };
  });
}

export const reportJob: JobHandler = async ({ db, job, progress }) => {
  const parsed = jobParams.safeParse(job.params);
  if (!parsed.success) throw new Error('Неверные параметры задания справки');
  const { reportId } = parsed.data;
  const [report] = await db.select().from(analyticReports).where(eq(analyticReports.id, reportId));
  if (!report) throw new Error('Справка не найдена');
  if (report.status !== 'generating') return { reportId }; // a retried job never overwrites edits
  try {
    const actor = report.createdBy ? await loadActor(db, report.createdBy) : null;
    if (!actor) throw new Error('Автор справки больше не работает в системе');
    const scope = await scopeUnit(db, report.orgUnitId);
    const build = REPORT_TEMPLATE_BUILDERS[report.template];
    if (!scope || !build) throw new Error(REPORT_MSG.templateLater);
    await progress(0.05, 'Чтение данных…');
    const built = reportContentSchema.safeParse(
      await build(db, { actor, scope, year: report.year, progress }),
    );
    // A template that outgrows the limits of a report is our fault, said in Russian, not Zod's English.
    if (!built.success)
      throw new Error(REPORT_MSG.contentInvalid(built.error.issues[0]?.path.join('.') ?? ''));
    const content = built.data;
    await progress(0.95, 'Сохранение черновика…');
    await db
      .update(analyticReports)
      .set({ content, title: content.title, status: 'draft', updatedAt: new Date() })
      .where(eq(analyticReports.id, reportId));
    return { reportId };
  } catch (e) {
    await db
      .update(analyticReports)
      .set({ status: 'failed', updatedAt: new Date() })
      .where(eq(analyticReports.id, reportId));
    throw e;
  }
};
