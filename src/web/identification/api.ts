import { api, unwrap } from '../shared/api.js';

// Query keys and fetchers of the identification API (docs/identification-api.md).

export const keys = {
  years: ['assessment-years'] as const,
  /** The school names remembered from confirmations (school-names.tsx); a table load may add some. */
  schoolNames: ['assessment-school-names'] as const,
  methodologies: ['methodologies'] as const,
  runs: (year?: number | null) => ['identification-runs', year ?? null] as const,
  run: (id: string) => ['identification-run', id] as const,
  lists: (year?: number | null) => ['identification-lists', year ?? null] as const,
  list: (id: string) => ['identification-list', id] as const,
  school: (id: string) => ['identification-school', id] as const,
};

export const fetchers = {
  years: () => unwrap(api.GET('/api/assessment-data/years')),
  methodologies: () => unwrap(api.GET('/api/methodologies')),
  runs: (year?: number | null) =>
    unwrap(api.GET('/api/identification/runs', { params: { query: { year: year ?? undefined } } })),
  run: (id: string) => unwrap(api.GET('/api/identification/runs/{id}', { params: { path: { id } } })),
  lists: (year?: number | null) =>
    unwrap(api.GET('/api/identification/lists', { params: { query: { year: year ?? undefined } } })),
  list: (id: string) => unwrap(api.GET('/api/identification/lists/{id}', { params: { path: { id } } })),
  school: (id: string) =>
    unwrap(api.GET('/api/identification/schools/{schoolId}', { params: { path: { schoolId: id } } })),
};
