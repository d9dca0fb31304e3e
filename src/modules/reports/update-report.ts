import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { analyticReports } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { loadReportToAuthor } from './report-access.js';
import { type UpdateReportInput, updateReportInput } from './report-input.js';
import { REPORT_MSG, REPORT_TEXT } from './report-labels.js';
import { type ReportContent, reportContentSchema } from './report-model.js';

// A draft's findings and recommendations are edited before it is issued: texts of findings; the
// recommendations as a whole list (changed, removed, added by hand — `rule: 'manual'`). A recommendation
// is addressed to a unit inside the report's scope (or to the whole scope). Version-checked; audited.

type Recs = Extract<ReportContent['blocks'][number], { type: 'recommendations' }>['items'];

export async function updateReport(
  db: Db,
  opts: { actor: Actor; reportId: string; input: UpdateReportInput },
): Promise<void> {
  const input = parseInput(updateReportInput, opts.input);
  const { report, unit } = await loadReportToAuthor(db, opts.actor, opts.reportId);
  if (report.status !== 'draft' || !report.content) throw invalid(REPORT_MSG.notDraft);
  const content = reportContentSchema.parse(report.content);
  let added = 0;
  let removed = 0;
  if (input.findings) {
    const texts = new Map(input.findings.map((f) => [f.id, f.text]));
    for (const b of content.blocks)
      if (b.type === 'findings')
        for (const f of b.items) {
          const t = texts.get(f.id);
          if (t !== undefined) f.text = t;
        }
  }
  if (input.recommendations) {
    const block = content.blocks.find((b) => b.type === 'recommendations');
    if (!block) throw invalid('В этой справке нет рекомендаций');
    const before = new Map(block.items.map((r) => [r.id, r]));
    const names = await unitNames(
      db,
      unit.path,
      input.recommendations.flatMap((r) => (r.unitId ? [r.unitId] : [])),
    );
    let next = block.items.reduce((m, r) => Math.max(m, Number(r.id.replace(/\D/g, '')) || 0), 0);
    const items: Recs = input.recommendations.map((r) => {
      const old = r.id ? before.get(r.id) : undefined;
      const unitName = r.unitId ? names.get(r.unitId) : REPORT_TEXT.wholeScope;
      if (unitName === undefined)
        throw invalid('Адресат рекомендации — организация в границах справки', [
          { field: 'recommendations', message: 'Организация вне границ справки' },
        ]);
      if (old) return { ...old, unitId: r.unitId, unitName, text: r.text };
      added++;
      return { id: `r${++next}`, unitId: r.unitId, unitName, text: r.text, rule: 'manual', reason: '' };
    });
    removed = block.items.length - (items.length - added);
    block.items = items;
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(analyticReports)
      .set({ content, version: sql`${analyticReports.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(analyticReports.id, report.id),
          eq(analyticReports.version, input.version),
          eq(analyticReports.status, 'draft'),
        ),
      )
      .returning({ id: analyticReports.id });
    if (!row) throw conflict({ version: report.version });
    await recordEvent(
      tx,
      opts.actor,
      'analytic_report.updated',
      { entityType: 'analytic_report', entityId: report.id, orgUnitId: unit.id },
      {
        findings: input.findings?.length ?? 0,
        recommendations: input.recommendations?.length ?? 0,
        added,
        removed,
      },
    );
  });
}

/** Names of the given units that lie inside the scope's subtree. */
async function unitNames(db: Db, scopePath: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(
      and(
        sql`${orgUnits.id} in (${sql.join(
          [...new Set(ids)].map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
        sql`${orgUnits.path} like ${`${scopePath}%`}`,
      ),
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}
