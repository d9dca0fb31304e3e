import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type ApiData, api, unwrap } from '../shared/api.js';
import type { paths } from '../shared/api-schema.js';

// Queries of the analytic reports and the registry of управленческие решения (issue 13 §5).

export type ReportSummary = ApiData<'/api/reports', 'get'>[number];
export type ReportDetail = ApiData<'/api/reports/{id}', 'get'>;
export type ReportContent = NonNullable<ReportDetail['content']>;
export type ReportBlock = ReportContent['blocks'][number];
export type ReviewDecision = ApiData<'/api/review-decisions', 'get'>[number];
/** The registry's filters, as the API declares them. */
export type ReviewDecisionsFilter = NonNullable<paths['/api/review-decisions']['get']['parameters']['query']>;

export const useReports = () =>
  useQuery({ queryKey: ['reports'], queryFn: () => unwrap(api.GET('/api/reports')) });

export const useTemplates = () =>
  useQuery({ queryKey: ['report-templates'], queryFn: () => unwrap(api.GET('/api/report-templates')) });

/** A report; polled every second while its job runs, so the page shows the progress. */
export const useReport = (id: string) =>
  useQuery({
    queryKey: ['report', id],
    queryFn: () => unwrap(api.GET('/api/reports/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data?.status === 'generating' ? 1000 : false),
  });

export const useReviewDecisions = (query: ReviewDecisionsFilter) =>
  useQuery({
    queryKey: ['review-decisions', query],
    queryFn: () => unwrap(api.GET('/api/review-decisions', { params: { query } })),
  });

export function useInvalidateReports() {
  const qc = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        ['reports', 'report', 'review-decisions', 'meeting-decisions'].map((k) =>
          qc.invalidateQueries({ queryKey: [k] }),
        ),
      ),
    [qc],
  );
}
