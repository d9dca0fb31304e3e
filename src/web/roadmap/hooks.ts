import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import type { Me, OrgUnit } from '../shared/types.js';
import { notifyError, notifyOk } from '../shared/ui.js';

export const roadmapKey = (id: string) => ['roadmap', id] as const;

export function useRoadmap(id: string) {
  return useQuery({
    queryKey: roadmapKey(id),
    queryFn: () => unwrap(api.GET('/api/roadmaps/{id}', { params: { path: { id } } })),
  });
}

export function useOrgUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/org-units')),
    staleTime: 5 * 60_000,
  });
}

/** Everything a change of a roadmap may show up in. */
export function useInvalidate(roadmapId?: string) {
  const qc = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        roadmapId ? qc.invalidateQueries({ queryKey: roadmapKey(roadmapId) }) : undefined,
        qc.invalidateQueries({ queryKey: ['roadmaps'] }),
        qc.invalidateQueries({ queryKey: ['dashboard'] }),
        qc.invalidateQueries({ queryKey: ['items'] }),
        qc.invalidateQueries({ queryKey: ['item'] }),
      ]),
    [qc, roadmapId],
  );
}

/**
 * Runs one change: shows the server's message on failure (unless the caller shows it in place:
 * `quiet`), refreshes every view after it either way (a conflict means the data on screen are
 * stale). Returns whether it succeeded.
 */
export function useAction(roadmapId?: string) {
  const invalidate = useInvalidate(roadmapId);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (fn: () => Promise<unknown>, ok?: string, quiet = false): Promise<boolean> => {
      setBusy(true);
      try {
        await fn();
        if (ok) notifyOk(ok);
        return true;
      } catch (e) {
        if (!quiet) notifyError(e);
        return false;
      } finally {
        setBusy(false);
        await invalidate();
      }
    },
    [invalidate],
  );
  return { run, busy };
}

/** The same rule as the server's canManageUnit: units whose roadmaps the user keeps. */
export function keptUnits(me: Me, units: OrgUnit[]): OrgUnit[] {
  return units.filter((u) => {
    const governing = u.kind === 'institution' && u.parentId ? u.parentId : u.id;
    return me.assignments.some((a) => {
      if (a.role === 'regional_operator')
        return (u.kind === 'region' || u.kind === 'institution') && a.orgUnitId === governing;
      if (a.role === 'municipal_coordinator') {
        return (u.kind === 'municipality' || u.kind === 'institution') && a.orgUnitId === governing;
      }
      if (a.role === 'school_team') return u.kind === 'school' && a.orgUnitId === u.id;
      if (a.role === 'regional_center') return a.orgUnitId === u.id;
      return false;
    });
  });
}

export const unitLabel = (u: Pick<OrgUnit, 'name' | 'shortName'>) => u.shortName ?? u.name;

/**
 * The unit a picker starts with: the only one offered, or the user's own when he has exactly one
 * among the offered (a regional operator is offered the region and its institutions).
 */
export function presetUnit(me: Me, optionIds: string[]): string | undefined {
  if (optionIds.length === 1) return optionIds[0];
  const own = new Set(me.assignments.map((a) => a.orgUnitId));
  const mine = optionIds.filter((id) => own.has(id));
  return mine.length === 1 ? mine[0] : undefined;
}
