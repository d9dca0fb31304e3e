import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { reportData } from '../../../tests/helpers/report-fixture.js';
import type { Database } from '../../db/client.js';
import { jobs } from '../../db/schema/jobs.js';
import { jobHandlers } from '../../jobs/handlers.js';
import { drainJobs } from '../../jobs/runner.js';
import { AppError } from '../../lib/errors.js';
import { localStorage } from '../files/storage.js';
import { createMeeting } from '../organisation/create-meeting.js';
import { listDecisionTasks } from '../organisation/decisions.js';
import { exportProtocolDocx } from '../organisation/protocol-docx.js';
import { generateReport } from './generate-report.js';
import { getReport, listReports } from './get-report.js';
import { issueReport, readReportFile } from './issue-report.js';
import type { ReportContent } from './report-model.js';
import { listReviewDecisions } from './review-decisions.js';
import { updateReport } from './update-report.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

const findings = (c: ReportContent | null) =>
  (c?.blocks ?? []).flatMap((b) => (b.type === 'findings' ? b.items.map((i) => i.text) : []));
const recs = (c: ReportContent | null) =>
  (c?.blocks ?? []).flatMap((b) => (b.type === 'recommendations' ? b.items : []));

describe.each(DB_KINDS)('analytic reports on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const storage = localStorage(mkdtempSync(join(tmpdir(), 'opora-reports-')));
  const today = '2026-03-01';
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    await reportData(database.db, f);
  });
  afterAll(() => database.close());

  const generate = async (
    login: string,
    unitId: string,
    template: 'identification' | 'shnor_dynamics' | 'roadmap_execution',
  ) => {
    const { reportId, jobId } = await generateReport(database.db, {
      actor: f.as(login),
      input: { unitId, template, year: 2025 },
    });
    await drainJobs(database.db, jobHandlers());
    const [job] = await database.db.select().from(jobs).where(eq(jobs.id, jobId));
    return { reportId, job };
  };

  it('generates «Итоги выявления ШНОР» with the right numbers and rules', async () => {
    const { reportId, job } = await generate('region', f.R.id, 'identification');
    expect([job?.status, job?.progress]).toEqual(['done', 1]);
    const r = await getReport(database.db, { actor: f.as('region'), reportId });
    expect(r.status).toBe('draft');
    const texts = findings(r.content);
    expect(texts[0]).toBe(
      'Утверждённый список ШНОР 2025 года: 3 школы (100 % от числа школ с результатами).',
    );
    expect(texts).toContain('Больше всего ШНОР — Первый район: 2 школы.');
    expect(texts).toContain(
      'Вернулись в список после выхода из него (повторное попадание): 1 школа; в списке несколько лет подряд (стагнация): 1 школа.',
    );
    expect(texts).toContain('В зоне риска снижения результатов по расчёту — 1 школа.');
    const rules = recs(r.content).map((x) => [x.rule, x.unitName]);
    expect(rules).toEqual([
      ['subject_low', 'Первый район'],
      ['stagnation', 'Первый район'],
      ['overdue', 'Первый район'],
      ['low_coverage', 'Второй район'],
      ['low_coverage', 'Первый район'],
    ]);
    expect(recs(r.content)[0]?.reason).toContain('«Математика»');
    expect(recs(r.content)[0]?.reason).toContain('40 %');
  });

  it('generates «Динамика результатов ШНОР» and «Исполнение дорожных карт» with their figures', async () => {
    const dyn = await generate('region', f.R.id, 'shnor_dynamics');
    const d = await getReport(database.db, { actor: f.as('region'), reportId: dyn.reportId });
    // 2025 list: S1, S2, S3 — mean R 2024 (60+85+90)/3 = 78,3 %, 2025 (62+70+75)/3 = 69 %.
    const table = d.content?.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows).toEqual([
      ['2024', '78,3 %', '21,7 %', '78,3 %'],
      ['2025', '69 %', '31 %', '69 %'],
    ]);
    // The 2024 list (S1) a year later: R 60 % → 62 %, all schools 78,3 % → 69 %.
    const { reportId } = await generateReport(database.db, {
      actor: f.as('region'),
      input: { unitId: f.R.id, template: 'shnor_dynamics', year: 2024 },
    });
    await drainJobs(database.db, jobHandlers());
    const later = await getReport(database.db, { actor: f.as('region'), reportId });
    expect(findings(later.content)).toEqual([
      'Средний R школ списка 2024 года: 60 % в 2024 году и 62 % в 2025 году (+2 п. п.).',
      'Результаты выросли у 1 школы из 1.',
      'По всем школам средний R изменился с 78,3 % до 69 % (−9,3 п. п.). Рост ШНОР нельзя целиком считать ' +
        'эффектом поддержки: школы попали в список из-за необычно низких результатов, которые и без поддержки ' +
        'склонны расти (возврат к среднему); честная оценка — справка «Эффект поддержки».',
    ]);
    const rm = await generate('mun1', f.M1.id, 'roadmap_execution');
    const m = await getReport(database.db, { actor: f.as('mun1'), reportId: rm.reportId });
    expect(findings(m.content)).toEqual([
      'Выполнено 0 мероприятий из 1 (0 %), из них подтверждено —.',
      'Просрочено 1 мероприятие (100 %).',
      'Наибольшая доля просроченных — Первый район: 100 %.',
    ]);
  });

  it('shows a report whose job the runner gave up on as failed, not as generating forever', async () => {
    const { reportId, jobId } = await generateReport(database.db, {
      actor: f.as('region'),
      input: { unitId: f.R.id, template: 'identification', year: 2025 },
    });
    // What requeueStaleJobs does after the third dead worker: the job fails, the handler never ran.
    await database.db.update(jobs).set({ status: 'failed', error: 'worker died' }).where(eq(jobs.id, jobId));
    expect((await getReport(database.db, { actor: f.as('region'), reportId })).status).toBe('failed');
    const listed = await listReports(database.db, { actor: f.as('region') });
    expect(listed.find((r) => r.id === reportId)?.status).toBe('failed');
  });

  it('keeps a municipality out of the region’s and another municipality’s reports', async () => {
    expect(
      await code(
        generateReport(database.db, {
          actor: f.as('mun1'),
          input: { unitId: f.M2.id, template: 'identification', year: 2025 },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        generateReport(database.db, {
          actor: f.as('school1'),
          input: { unitId: f.S1.id, template: 'identification', year: 2025 },
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        generateReport(database.db, {
          actor: f.as('expert'),
          input: { unitId: f.R.id, template: 'identification', year: 2025 },
        }),
      ),
    ).toBe('FORBIDDEN');
    const [regional] = await listReports(database.db, { actor: f.as('region') });
    expect(await code(getReport(database.db, { actor: f.as('mun2'), reportId: regional?.id ?? '' }))).toBe(
      'NOT_FOUND',
    );
    const mine = await listReports(database.db, { actor: f.as('mun2') });
    expect(mine).toEqual([]);
    expect((await listReports(database.db, { actor: f.as('mun1') })).map((r) => r.template)).toEqual([
      'roadmap_execution',
    ]);
  });

  it('edits a draft with a version, issues it once, and records a decision that becomes a task', async () => {
    const { reportId } = await generate('region', f.R.id, 'identification');
    const r = await getReport(database.db, { actor: f.as('region'), reportId });
    const [first, ...rest] = recs(r.content);
    const input = {
      version: r.version,
      findings: [{ id: 'f1', text: 'Исправленный вывод: 3 школы.' }],
      recommendations: [
        { id: first?.id, unitId: first?.unitId ?? null, text: 'Поправленная рекомендация' },
        ...rest.slice(0, 1).map((x) => ({ id: x.id, unitId: x.unitId, text: x.text })),
        { unitId: f.M2.id, text: 'Добавленная вручную' },
      ],
    };
    expect(await code(updateReport(database.db, { actor: f.as('mun1'), reportId, input }))).toBe('NOT_FOUND');
    expect(await code(updateReport(database.db, { actor: f.as('expert'), reportId, input }))).toBe(
      'FORBIDDEN',
    );
    await updateReport(database.db, { actor: f.as('region'), reportId, input });
    expect(await code(updateReport(database.db, { actor: f.as('region'), reportId, input }))).toBe(
      'CONFLICT',
    );
    const edited = await getReport(database.db, { actor: f.as('region'), reportId });
    expect(findings(edited.content)[0]).toBe('Исправленный вывод: 3 школы.');
    expect(recs(edited.content).map((x) => [x.text, x.rule, x.unitName])).toEqual([
      ['Поправленная рекомендация', 'subject_low', 'Первый район'],
      [rest[0]?.text, 'stagnation', 'Первый район'],
      ['Добавленная вручную', 'manual', 'Второй район'],
    ]);
    expect(
      await code(
        createMeeting(database.db, {
          actor: f.as('region'),
          input: { kind: 'review', reportId, date: '2026-02-01', title: 'Рассмотрение' },
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        issueReport(database.db, storage, { actor: f.as('region'), reportId, input: { version: 1 }, today }),
      ),
    ).toBe('CONFLICT');
    await issueReport(database.db, storage, {
      actor: f.as('region'),
      reportId,
      input: { version: edited.version },
      today,
    });
    expect(
      await code(
        updateReport(database.db, {
          actor: f.as('region'),
          reportId,
          input: { ...input, version: edited.version + 1 },
        }),
      ),
    ).toBe('INVALID_INPUT');
    const docx = await readReportFile(database.db, storage, {
      actor: f.as('region'),
      reportId,
      format: 'docx',
    });
    expect(docx.data.subarray(0, 2).toString()).toBe('PK');
    const pdf = await readReportFile(database.db, storage, {
      actor: f.as('region'),
      reportId,
      format: 'pdf',
    });
    expect(pdf.data.subarray(0, 4).toString()).toBe('%PDF');

    const meetingId = await createMeeting(database.db, {
      actor: f.as('region'),
      input: {
        kind: 'review',
        reportId,
        date: '2026-02-10',
        title: 'Рассмотрение итогов выявления ШНОР',
        protocolNumber: '7',
        participants: [
          { fullName: 'Иванов И. И.', position: 'Министр образования', isMember: false, attended: true },
        ],
        decisions: [{ text: 'Провести проверку Школы 1', responsibleUnitId: f.M1.id, dueDate: '2026-02-20' }],
      },
    });
    const protocol = await exportProtocolDocx(database.db, { actor: f.as('region'), meetingId, today });
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(protocol.data))['word/document.xml']);
    expect(xml).toContain('Протокол рассмотрения результатов мониторинга и анализа № 7');
    expect(xml).toContain('Провести проверку Школы 1');
    const tasks = await listDecisionTasks(database.db, { actor: f.as('mun1'), view: 'mine', today });
    expect(tasks.map((t) => t.text)).toEqual(['Провести проверку Школы 1']);
    const registry = await listReviewDecisions(database.db, { actor: f.as('mun1'), query: {}, today });
    expect(registry.map((d) => [d.text, d.overdue, d.report?.id, d.meeting.protocolNumber])).toEqual([
      ['Провести проверку Школы 1', true, reportId, '7'],
    ]);
    expect(await listReviewDecisions(database.db, { actor: f.as('mun2'), query: {}, today })).toEqual([]);
    expect(
      await listReviewDecisions(database.db, { actor: f.as('region'), query: { overdue: 'false' }, today }),
    ).toEqual([]);
    expect((await getReport(database.db, { actor: f.as('region'), reportId })).decisions).toBe(1);
    expect(
      await code(
        createMeeting(database.db, {
          actor: f.as('mun1'),
          input: { kind: 'review', reportId, date: '2026-02-01', title: 'Чужое' },
        }),
      ),
    ).toBe('NOT_FOUND');
  });
});
