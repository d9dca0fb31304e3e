import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';
import type { FoundItem, RoadmapSummary, TaskView, UnitRollUp } from '../shared/types.js';

/** GET /api/dashboard (src/modules/dashboard/get-dashboard.ts). */
export type Dashboard = {
  ownRoadmaps: RoadmapSummary[];
  otherRoadmaps: RoadmapSummary[];
  overdue: { total: number; items: FoundItem[] };
  upcoming: { total: number; items: FoundItem[] };
  awaiting: { total: number; items: FoundItem[] };
  tasks: { total: number; done: number; overdue: number; items: TaskView[] };
  rollUp: { level: 'municipality' | 'school'; units: UnitRollUp[] } | null;
};

export function useDashboard() {
  return useQuery({
    queryKey: ['dashboard'],
    queryFn: () => unwrap(api.GET('/api/dashboard')),
    staleTime: 30_000,
  });
}
