import type { z } from 'zod';
import type { ParticipantCategory } from '../../db/schema/values.js';
import type { participationView } from './event-views.js';

// The participation of an event, counted from its invitations and its attended participants (issue 12 §3):
// a unit took part when at least one person of it attended; the share is of the invited units.

export type InvitedUnit = {
  unitId: string;
  name: string;
  kind: string;
  /** the municipality the unit belongs to (itself for a municipality), for a region's event */
  municipalityId: string | null;
  municipality: string | null;
};
export type CountedParticipant = {
  orgUnitId: string | null;
  category: ParticipantCategory;
  attended: boolean;
};

export const sharePercent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

export function participation(
  invited: InvitedUnit[],
  participants: CountedParticipant[],
  target: number | null,
  byMunicipality: boolean,
  held: boolean,
): z.infer<typeof participationView> {
  const attended = participants.filter((p) => p.attended);
  const attendedUnits = new Set(attended.map((p) => p.orgUnitId));
  const tookPart = invited.filter((u) => attendedUnits.has(u.unitId));
  const share = sharePercent(tookPart.length, invited.length);
  const groups = new Map<string, { name: string; units: InvitedUnit[] }>();
  if (byMunicipality)
    for (const u of invited) {
      if (!u.municipalityId || !u.municipality) continue;
      const g = groups.get(u.municipalityId) ?? { name: u.municipality, units: [] };
      g.units.push(u);
      groups.set(u.municipalityId, g);
    }
  return {
    invited: invited.length,
    tookPart: tookPart.length,
    share,
    target,
    // Judged once there is something to judge: the event is held or its attendance is being recorded.
    belowTarget: (held || attended.length > 0) && target !== null && share !== null && share < target,
    persons: attended.length,
    teachers: attended.filter((p) => p.category === 'teacher').length,
    managers: attended.filter((p) => p.category === 'manager').length,
    byMunicipality: [...groups].map(([municipalityId, g]) => {
      const ids = new Set(g.units.map((u) => u.unitId));
      const took = g.units.filter((u) => attendedUnits.has(u.unitId)).length;
      return {
        municipalityId,
        name: g.name,
        invited: g.units.length,
        tookPart: took,
        share: sharePercent(took, g.units.length),
        persons: attended.filter((p) => p.orgUnitId && ids.has(p.orgUnitId)).length,
      };
    }),
  };
}
