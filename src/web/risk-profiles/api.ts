import { api, unwrap } from '../shared/api.js';
import type { components } from '../shared/api-schema.js';

// Queries and shapes of questionnaires and risk factors (docs/data-formats.md; routes/risk-instruments.ts).

type Schemas = components['schemas'];
export type InstrumentSummary = Schemas['RiskInstrumentSummary'];
export type InstrumentDetail = Schemas['RiskInstrument'];
export type RiskFactors = Schemas['RiskFactors'];

export const riskKeys = {
  instruments: ['risk-instruments'] as const,
  instrument: (id: string) => ['risk-instrument', id] as const,
  systemDraft: ['risk-instrument-system-draft'] as const,
  factors: (year: number) => ['risk-factors', year] as const,
};

export const riskFetchers = {
  instruments: () => unwrap(api.GET('/api/risk-instruments')),
  instrument: (id: string) => unwrap(api.GET('/api/risk-instruments/{id}', { params: { path: { id } } })),
  systemDraft: () => unwrap(api.GET('/api/risk-instruments/system-draft')),
  factors: (year: number) => unwrap(api.GET('/api/risk-factors', { params: { query: { year } } })),
};

export const STATUS_LABELS = { draft: 'черновик', frozen: 'заморожена' } as const;
export const CAMPAIGN_STATUS_LABELS = { draft: 'готовится', open: 'идёт', closed: 'завершена' } as const;
