import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { monitoringResponses, monitorings } from '../../src/db/schema/monitoring.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { type Login, REGION_LEVEL } from './scope.js';

// Helper «monitoring» (issue 13 §2): the demo's monitorings the matrix calls endpoints on, and who sees and
// may act on each — written out by hand from the rules (src/modules/monitoring/monitoring-access.ts).

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;

export type MonitoringSamples = {
  /** the region's open «Мониторинг ресурсных дефицитов ШНОР»: the demo school takes part */
  formId: string;
  /** the region's September roadmap-execution monitoring over the municipalities (computed) */
  computedId: string;
  /** whether school2 is among the ШНОР of the form monitoring (the list in force decides) */
  school2Takes: boolean;
};

export async function monitoringSamples(db: Db, school2Id: string): Promise<MonitoringSamples> {
  const rows = await db
    .select({ id: monitorings.id, kind: monitorings.kind, template: monitorings.template })
    .from(monitorings);
  // The resource deficits form (the demo also holds the educational needs campaign of helper «courses»).
  const form = rows.find((r) => r.kind === 'form' && r.template === 'resource_deficits');
  const computed = rows.find((r) => r.kind === 'roadmap_execution');
  if (!form || !computed) throw new Error('no demo monitorings');
  const [s2] = await db
    .select({ id: monitoringResponses.id })
    .from(monitoringResponses)
    .where(and(eq(monitoringResponses.monitoringId, form.id), eq(monitoringResponses.orgUnitId, school2Id)));
  return { formId: form.id, computedId: computed.id, school2Takes: Boolean(s2) };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

export function monitoringCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const m = s.monitorings;
  const target = (): Target => ({ all: s, user });
  // The form monitoring: the region's side whole; the municipality, the curator and the school through
  // the demo school's form; school2 through its own form when it takes part.
  const formSees: Login[] = [
    ...REGION_LEVEL,
    'municipality',
    'curator',
    'school',
    ...(m.school2Takes ? (['school2'] as const) : []),
  ];
  // The computed one over the municipalities: the municipality through its own row only.
  const computedSees: Login[] = [...REGION_LEVEL, 'municipality'];
  const school = s.units.school.unitId;
  const municipality = s.units.ownMunicipality.unitId;
  switch (rule) {
    case 'monitoring.read':
    case 'monitoring.keep':
      return [
        {
          label: 'formMonitoring',
          params: { id: m.formId },
          target: target(),
          sees: formSees,
          may: rule === 'monitoring.read' ? formSees : ['region'],
        },
        {
          label: 'computedMonitoring',
          params: { id: m.computedId },
          target: target(),
          sees: computedSees,
          may: rule === 'monitoring.read' ? computedSees : ['region'],
        },
      ];
    case 'monitoring-response.read':
    case 'monitoring-response.fill':
    case 'monitoring-response.review': {
      const schoolSees: Login[] = [...REGION_LEVEL, 'municipality', 'curator', 'school'];
      const may =
        rule === 'monitoring-response.read'
          ? { school: schoolSees, municipality: computedSees }
          : rule === 'monitoring-response.fill'
            ? { school: ['school'] as Login[], municipality: ['municipality'] as Login[] }
            : { school: ['region', 'municipality'] as Login[], municipality: ['region'] as Login[] };
      return [
        {
          label: 'schoolForm',
          params: { id: m.formId, unitId: school },
          target: target(),
          sees: schoolSees,
          may: may.school,
        },
        {
          label: 'municipalityRow',
          params: { id: m.computedId, unitId: municipality },
          target: target(),
          sees: computedSees,
          may: may.municipality,
        },
      ];
    }
    default:
      return null;
  }
}

/** What the matrix sends to the monitorings' write endpoints: stale versions, so nothing changes but a draft. */
export const MONITORING_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'POST /api/monitorings': (t) => ({
    body: {
      ownerUnitId: t.unit?.unitId,
      kind: 'form',
      title: 'Проверка доступа',
      year: 2026,
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      // The demo school lies below both the region and its municipality.
      participants: { mode: 'units', unitIds: [t.all.units.school.unitId] },
    },
  }),
  'PATCH /api/monitorings/{id}': () => ({ body: { version: STALE, title: 'Проверка доступа' } }),
  'POST /api/monitorings/{id}/open': () => ({ body: { version: STALE } }),
  'POST /api/monitorings/{id}/close': () => ({ body: { version: STALE } }),
  'PUT /api/monitorings/{id}/units/{unitId}': () => ({ body: { version: STALE, answers: {} } }),
  'POST /api/monitorings/{id}/units/{unitId}/submit': () => ({ body: { version: STALE, answers: {} } }),
  'POST /api/monitorings/{id}/units/{unitId}/review': () => ({
    body: { version: STALE, decision: 'return', comment: 'Проверка доступа' },
  }),
};
