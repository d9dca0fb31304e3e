import type { Db } from '../../src/db/client.js';
import { analyticReports } from '../../src/db/schema/monitoring.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { type Login, UNIT_READERS } from './scope.js';

// Helper «reports»: the demo's analytic reports the matrix calls endpoints on, and who sees and may act
// on each — written out by hand from src/modules/reports/report-access.ts.

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;

export type ReportSamples = {
  /** the region's issued «Итоги выявления ШНОР» (with one review) */
  issuedId: string;
  /** the region's draft «Исполнение дорожных карт» */
  draftId: string;
};

export async function reportSamples(db: Db): Promise<ReportSamples> {
  const rows = await db
    .select({ id: analyticReports.id, status: analyticReports.status })
    .from(analyticReports);
  const issued = rows.find((r) => r.status === 'issued');
  const draft = rows.find((r) => r.status === 'draft');
  if (!issued || !draft) throw new Error('no demo reports');
  return { issuedId: issued.id, draftId: draft.id };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

export function reportCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const target = (extra: Partial<Target> = {}): Target => ({ all: s, user, ...extra });
  switch (rule) {
    case 'report.generate':
      return [
        {
          label: 'ownMunicipality',
          params: {},
          target: target({ unit: s.units.ownMunicipality }),
          sees: UNIT_READERS.ownMunicipality,
          may: ['region', 'municipality'],
        },
        {
          label: 'region',
          params: {},
          target: target({ unit: s.units.region }),
          sees: UNIT_READERS.region,
          may: ['region'],
        },
      ];
    case 'report.read':
      return [
        {
          label: 'issued',
          params: { id: s.reports.issuedId },
          target: target(),
          sees: UNIT_READERS.region,
          may: UNIT_READERS.region,
        },
      ];
    case 'report.author':
      return [
        {
          label: 'draft',
          params: { id: s.reports.draftId },
          target: target(),
          sees: UNIT_READERS.region,
          may: ['region'],
        },
      ];
    default:
      return null;
  }
}

/** What the matrix sends to the reports' endpoints: stale versions, so no draft changes or is issued. */
export const REPORT_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'POST /api/reports': (t) => ({
    body: { unitId: t.unit?.unitId, template: 'roadmap_execution', year: 2026 },
  }),
  'PATCH /api/reports/{id}': () => ({
    body: { version: STALE, findings: [{ id: 'f1', text: 'Проверка доступа' }] },
  }),
  'POST /api/reports/{id}/issue': () => ({ body: { version: STALE } }),
  'GET /api/reports/{id}/file': () => ({ query: 'format=docx' }),
  'GET /api/reports': () => ({ query: 'year=2025' }),
};
