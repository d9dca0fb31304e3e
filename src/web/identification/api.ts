import { api, untyped } from '../shared/api.js';
import type { ListDetail, ListSummary, MethodologyVersion, RunView, SchoolCard, YearData } from './types.js';

// Query keys and fetchers of the identification API (docs/identification-api.md).

export const keys = {
  years: ['assessment-years'] as const,
  methodologies: ['methodologies'] as const,
  runs: (year?: number | null) => ['identification-runs', year ?? null] as const,
  run: (id: string) => ['identification-run', id] as const,
  lists: (year?: number | null) => ['identification-lists', year ?? null] as const,
  list: (id: string) => ['identification-list', id] as const,
  school: (id: string) => ['identification-school', id] as const,
};

export const fetchers = {
  years: () => untyped<YearData[]>()(api.GET('/api/assessment-data/years')),
  methodologies: () => untyped<MethodologyVersion[]>()(api.GET('/api/methodologies')),
  runs: (year?: number | null) =>
    untyped<RunView[]>()(
      api.GET('/api/identification/runs', { params: { query: { year: year ?? undefined } } }),
    ),
  run: (id: string) =>
    untyped<RunView>()(api.GET('/api/identification/runs/{id}', { params: { path: { id } } })),
  lists: (year?: number | null) =>
    untyped<ListSummary[]>()(
      api.GET('/api/identification/lists', { params: { query: { year: year ?? undefined } } }),
    ),
  list: (id: string) =>
    untyped<ListDetail>()(api.GET('/api/identification/lists/{id}', { params: { path: { id } } })),
  school: (id: string) =>
    untyped<SchoolCard>()(
      api.GET('/api/identification/schools/{schoolId}', { params: { path: { schoolId: id } } }),
    ),
};
