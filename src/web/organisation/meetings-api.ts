import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type ApiData, api, unwrap } from '../shared/api.js';

// Queries of bodies, meetings and decisions (helper «meetings») shared by the tab, the meeting page
// and the «Мои задачи» block.

export type BodySummary = ApiData<'/api/working-bodies', 'get'>[number];
export type BodyDetail = ApiData<'/api/working-bodies/{id}', 'get'>;
export type Meeting = ApiData<'/api/meetings/{id}', 'get'>;
export type Decision = Meeting['decisions'][number];
export type DecisionTask = ApiData<'/api/meeting-decisions', 'get'>[number];

export const useBodies = (unitId: string | null) =>
  useQuery({
    queryKey: ['working-bodies', unitId],
    queryFn: () =>
      unwrap(api.GET('/api/working-bodies', { params: { query: { unitId: unitId ?? undefined } } })),
  });

export const useBody = (id: string | null) =>
  useQuery({
    queryKey: ['working-body', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/working-bodies/{id}', { params: { path: { id: id ?? '' } } })),
  });

export const useMeeting = (id: string) =>
  useQuery({
    queryKey: ['meeting', id],
    queryFn: () => unwrap(api.GET('/api/meetings/{id}', { params: { path: { id } } })),
  });

export const useDecisionTasks = (view: 'mine' | 'overdue') =>
  useQuery({
    queryKey: ['meeting-decisions', view],
    queryFn: () => unwrap(api.GET('/api/meeting-decisions', { params: { query: { view } } })),
  });

/** Everything a change of a body, a meeting or a decision may show up in. */
export function useInvalidateMeetings() {
  const qc = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        ['working-bodies', 'working-body', 'meeting', 'meeting-decisions'].map((k) =>
          qc.invalidateQueries({ queryKey: [k] }),
        ),
      ),
    [qc],
  );
}
