import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { indicatorDefinitions, indicatorTargets } from '../../src/db/schema/monitoring.js';
import { DEMO_OWN_INDICATOR } from '../../src/modules/demo/demo-indicators.js';
import type { Request, Target } from './requests.js';
import type { Samples } from './samples.js';
import { LOGINS, type Login } from './scope.js';

// Helper «indicators» (issue 13 §1): the demo's own indicator and a region-level target the matrix calls
// the keepers' endpoints on. Everybody of the demo works in its region, so everybody sees them; only the
// regional operator keeps them (a coordinator sets targets of single schools only, never a level's).

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;

export type IndicatorSamples = { ownId: string; targetId: string };

export async function indicatorSamples(db: Db): Promise<IndicatorSamples> {
  const [own] = await db
    .select({ id: indicatorDefinitions.id })
    .from(indicatorDefinitions)
    .where(eq(indicatorDefinitions.code, DEMO_OWN_INDICATOR));
  const [target] = await db
    .select({ id: indicatorTargets.id })
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.level, 'region'), isNull(indicatorTargets.orgUnitId)));
  return { ownId: own?.id ?? '', targetId: target?.id ?? '' };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

export function indicatorCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const of = (label: string, id: string): Case[] => [
    { label, params: { id }, target: { all: s, user }, sees: LOGINS, may: ['region'] },
  ];
  if (rule === 'indicator.keep') return of('ownIndicator', s.indicators.ownId);
  if (rule === 'target.keep') return of('regionTarget', s.indicators.targetId);
  return null;
}

/** The indicator the unit-read endpoints are called with (the path parameter `{code}`). */
const SAMPLE_INDICATOR = 'vpr_mark2';
export const INDICATOR_SAMPLE_CODE_PARAM = { code: SAMPLE_INDICATOR };

export const INDICATOR_REQUESTS: Record<string, (t: Target) => Request> = {
  'GET /api/indicators': (t) => ({ query: `unitId=${t.unit?.unitId}&year=2026` }),
  'GET /api/indicators/{code}': (t) => ({ query: `unitId=${t.unit?.unitId}&year=2026` }),
  'GET /api/indicators/{code}/data': (t) => ({ query: `schoolId=${t.unit?.unitId}&year=2026` }),
  'POST /api/indicator-definitions': (t) => ({
    body: {
      regionId: t.all.units.region.unitId,
      code: 'matrix_probe',
      title: 'Проверка доступа',
      block: 'mark2_share',
      params: { assessment: 'ВПР' },
      direction: 'lower_better',
      definition: 'Показатель для проверки доступа',
    },
  }),
  'PATCH /api/indicator-definitions/{id}': () => ({ body: { version: STALE, title: 'Проверка доступа' } }),
  'POST /api/indicator-targets': (t) => ({
    body: {
      regionId: t.all.units.region.unitId,
      indicatorCode: SAMPLE_INDICATOR,
      level: 'region',
      year: 2099,
      target: 0.1,
      warn: 0.2,
    },
  }),
  'PATCH /api/indicator-targets/{id}': () => ({ body: { version: STALE, target: 0.1, warn: 0.2 } }),
  'DELETE /api/indicator-targets/{id}': () => ({ query: `version=${STALE}` }),
};
