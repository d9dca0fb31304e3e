import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { analyticReports } from '../../db/schema/monitoring.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { reportDocx } from './render-docx.js';
import { reportPdf } from './render-pdf.js';
import { loadReport, loadReportToAuthor } from './report-access.js';
import { issueReportInput } from './report-input.js';
import { REPORT_MSG, ruDate } from './report-labels.js';
import { reportContentSchema } from './report-model.js';

// «Выпустить»: the draft is rendered once to DOCX and PDF (the same walk), both stored as files, and
// the report becomes «выпущена» — no more edits; downloads serve the stored files, so what was issued
// is what everyone reads later, whatever the data become.

const MAX_BYTES = 50 * 1024 * 1024;

export async function issueReport(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; reportId: string; input: { version: number }; today: string },
): Promise<void> {
  const input = parseInput(issueReportInput, opts.input);
  const { report, unit } = await loadReportToAuthor(db, opts.actor, opts.reportId);
  if (report.status !== 'draft' || !report.content) throw invalid(REPORT_MSG.notDraft);
  if (report.version !== input.version) throw conflict({ version: report.version });
  const content = reportContentSchema.parse(report.content);
  const meta = { issuedOn: ruDate(opts.today), unitName: unit.name };
  const docx = await reportDocx(content, meta);
  const pdf = await reportPdf(content, meta);
  const base = `Справка ${report.year} ${report.template}`;
  const docxFile = await saveFile(db, storage, {
    upload: { name: `${base}.docx`, data: docx },
    userId: opts.actor.userId,
    maxBytes: MAX_BYTES,
  });
  const pdfFile = await saveFile(db, storage, {
    upload: { name: `${base}.pdf`, data: pdf },
    userId: opts.actor.userId,
    maxBytes: MAX_BYTES,
  });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(analyticReports)
      .set({
        status: 'issued',
        docxFileId: docxFile.id,
        pdfFileId: pdfFile.id,
        issuedAt: new Date(),
        issuedBy: opts.actor.userId,
        version: sql`${analyticReports.version} + 1`,
        updatedAt: new Date(),
      })
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
      'analytic_report.issued',
      { entityType: 'analytic_report', entityId: report.id, orgUnitId: unit.id },
      { title: report.title, docxFileId: docxFile.id, pdfFileId: pdfFile.id },
    );
  });
}

/** The issued file of a report, for whoever reads the report. */
export async function readReportFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; reportId: string; format: 'docx' | 'pdf' },
) {
  const { report } = await loadReport(db, opts.actor, opts.reportId);
  if (report.status !== 'issued') throw forbidden(REPORT_MSG.notIssued);
  const fileId = opts.format === 'docx' ? report.docxFileId : report.pdfFileId;
  if (!fileId) throw notFound('Файл');
  const [file] = await db.select().from(files).where(eq(files.id, fileId));
  const data = file ? await storage.get(file.storageKey) : null;
  if (!file || !data) throw notFound('Файл');
  return { file, data };
}
