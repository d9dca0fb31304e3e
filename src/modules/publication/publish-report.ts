import type { Db } from '../../db/client.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { loadReportToAuthor } from '../reports/report-access.js';
import { reportContentSchema } from '../reports/report-model.js';
import { assertSomethingNew } from './current.js';
import { type PublishReportInput, publishReportInput } from './input.js';
import { reportParts } from './report-snapshot.js';
import type { DocumentSnapshot } from './snapshot.js';
import { storePublication } from './store-publication.js';

export const REPORT_NOT_ISSUED = 'Опубликовать можно только выпущенную аналитическую справку';

/**
 * Access: the report's author side (reports/report-access.ts canAuthorReport): the regional operator,
 * the municipal coordinator for his municipality; a reader gets 403. Only an issued report; its issued
 * DOCX and PDF are published as they are (the same files, not a new rendering).
 */
export async function publishReport(
  db: Db,
  opts: { actor: Actor; reportId: string; input: PublishReportInput },
) {
  const input = parseInput(publishReportInput, opts.input);
  return db.transaction(async (tx) => {
    const { report, unit } = await loadReportToAuthor(tx, opts.actor, opts.reportId);
    if (input.version !== undefined && input.version !== report.version)
      throw conflict({ version: report.version });
    if (report.status !== 'issued' || !report.content) throw invalid(REPORT_NOT_ISSUED);
    const content = reportContentSchema.parse(report.content);
    const snapshot: DocumentSnapshot = {
      unitName: unit.name,
      kindLabel: 'Аналитическая справка',
      year: report.year,
      approvedOrder: null,
      parts: reportParts(content),
    };
    await assertSomethingNew(tx, 'analytic_report', report.id, snapshot, {});
    return storePublication(tx, opts.actor, {
      kind: 'analytic_report',
      objectId: report.id,
      orgUnitId: unit.id,
      title: report.title,
      snapshot,
      options: {},
      docx: report.docxFileId ? { fileId: report.docxFileId } : null,
      pdf: report.pdfFileId ? { fileId: report.pdfFileId } : null,
    });
  });
}
