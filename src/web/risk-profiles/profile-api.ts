import { type ApiData, api, unwrap } from '../shared/api.js';

// Query keys and fetchers of the risk-profile views (routes/risk-profiles.ts).

export type SchoolProfile = ApiData<'/api/risk-profiles/schools/{schoolId}', 'get'>;
export type HeatMap = ApiData<'/api/risk-profiles/campaigns/{id}/heat-map', 'get'>;
export type HeatFilter = {
  municipalityId?: string;
  list?: 'shnor' | 'shnsu' | 'riskZone';
  level?: HeatMap['rows'][number]['cells'][number]['level'];
  mode?: 'computed' | 'verified' | 'change';
};

export const profileKeys = {
  campaigns: ['risk-campaigns'] as const,
  school: (id: string, campaignId?: string | null) =>
    ['risk-school-profile', id, campaignId ?? null] as const,
  heatMap: (id: string, f: HeatFilter) => ['risk-heat-map', id, f] as const,
};

export const profileFetchers = {
  campaigns: () => unwrap(api.GET('/api/risk-profiles/campaigns')),
  school: (schoolId: string, campaignId?: string | null) =>
    unwrap(
      api.GET('/api/risk-profiles/schools/{schoolId}', {
        params: { path: { schoolId }, query: { campaignId: campaignId ?? undefined } },
      }),
    ),
  heatMap: (id: string, f: HeatFilter) =>
    unwrap(api.GET('/api/risk-profiles/campaigns/{id}/heat-map', { params: { path: { id }, query: f } })),
};
