import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { readableUnit } from '../organisation/body-access.js';
import { listRoadmaps } from '../roadmaps/list-roadmaps.js';
import { roadmapSummaryView, unitRefView } from '../roadmaps/views.js';
import { readRollUp } from './dashboard-sql.js';
import type { UnitRollUp } from './get-dashboard.js';
import { unitRollUpView } from './views.js';

// The drill-down of the start page's roll-up (issue 13 §1): a region's row opens the municipality's own
// roll-up by school, a school's row opens its roadmaps. Same statement as the start page (readRollUp);
// access: the unit must be visible to the actor, and everything below a visible unit is visible.

export const unitRollUpPageView = z
  .object({
    unit: unitRefView,
    /** the unit above, when the actor sees it: the way back up */
    parent: unitRefView.nullable(),
    level: z.enum(['municipality', 'school']).nullable(),
    units: z.array(unitRollUpView),
    /** a school's own roadmaps (empty above the school) */
    roadmaps: z.array(roadmapSummaryView),
  })
  .meta({ id: 'UnitRollUp' });
export type UnitRollUpPage = z.infer<typeof unitRollUpPageView>;

const BELOW = { region: 'municipality', municipality: 'school' } as const;

export async function getUnitRollUp(db: Db, opts: { actor: Actor; unitId: string }): Promise<UnitRollUpPage> {
  const unit = await readableUnit(db, opts.actor, opts.unitId);
  const parent = unit.parentId ? await readableUnit(db, opts.actor, unit.parentId).catch(() => null) : null;
  const ref = (u: { id: string; name: string; kind: string }) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
  });
  const level = unit.kind === 'region' || unit.kind === 'municipality' ? BELOW[unit.kind] : null;
  if (!level) {
    const roadmaps = await listRoadmaps(db, { actor: opts.actor, filter: { orgUnitId: unit.id } });
    return { unit: ref(unit), parent: parent && ref(parent), level: null, units: [], roadmaps };
  }
  const [row] = await readRollUp(db, { kind: level, prefix: `${unit.path}%` });
  const units = (JSON.parse(row?.body ?? '[]') as UnitRollUp[]).sort(byRussian((u) => u.unit.name));
  return { unit: ref(unit), parent: parent && ref(parent), level, units, roadmaps: [] };
}
