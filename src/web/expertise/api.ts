import { type ApiData, api, unwrap } from '../shared/api.js';

// Query keys, fetchers and types of the expertise API.

export type Overview = ApiData<'/api/expertise/overview', 'get'>;
export type ReviewSummary = ApiData<'/api/expertise/reviews', 'get'>[number];
export type ReviewDetail = ApiData<'/api/expertise/reviews/{id}', 'get'>;
export type Sample = ApiData<'/api/expertise/samples', 'get'>[number];
export type Summary = ApiData<'/api/expertise/summary', 'get'>;
export type CriteriaSet = ApiData<'/api/expertise/criteria-sets', 'get'>[number];

export const keys = {
  all: ['expertise'] as const,
  overview: (year?: number | null) => ['expertise', 'overview', year ?? null] as const,
  mine: ['expertise', 'mine'] as const,
  aboutMine: ['expertise', 'visible'] as const,
  review: (id: string) => ['expertise', 'review', id] as const,
  samples: (year?: number | null) => ['expertise', 'samples', year ?? null] as const,
  summary: (year?: number | null) => ['expertise', 'summary', year ?? null] as const,
  criteria: ['expertise', 'criteria'] as const,
};

export const fetchers = {
  overview: (year?: number | null) =>
    unwrap(api.GET('/api/expertise/overview', { params: { query: { year: year ?? undefined } } })),
  mine: () => unwrap(api.GET('/api/expertise/reviews', { params: { query: { mine: 'true' } } })),
  visible: () => unwrap(api.GET('/api/expertise/reviews')),
  review: (id: string) => unwrap(api.GET('/api/expertise/reviews/{id}', { params: { path: { id } } })),
  samples: (year?: number | null) =>
    unwrap(api.GET('/api/expertise/samples', { params: { query: { year: year ?? undefined } } })),
  summary: (year?: number | null) =>
    unwrap(api.GET('/api/expertise/summary', { params: { query: { year: year ?? undefined } } })),
  criteria: () => unwrap(api.GET('/api/expertise/criteria-sets')),
};
