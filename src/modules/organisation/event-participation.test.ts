import { describe, expect, it } from 'vitest';
import { type InvitedUnit, participation } from './event-participation.js';

const unit = (id: string, m: string): InvitedUnit => ({
  unitId: id,
  name: `Школа ${id}`,
  kind: 'school',
  municipalityId: `00000000-0000-4000-8000-00000000000${m}`,
  municipality: `Район ${m}`,
});
const invited = [unit('a', '1'), unit('b', '1'), unit('c', '2'), unit('d', '2'), unit('e', '2')];

describe('participation of an event', () => {
  it('counts units with an attended person against the invited, by municipality', () => {
    const p = participation(
      invited,
      [
        { orgUnitId: 'a', category: 'teacher', attended: true },
        { orgUnitId: 'a', category: 'manager', attended: true },
        { orgUnitId: 'c', category: 'teacher', attended: true },
        { orgUnitId: 'd', category: 'teacher', attended: false },
        { orgUnitId: 'x', category: 'other', attended: true },
      ],
      60,
      true,
      true,
    );
    expect(p).toMatchObject({
      invited: 5,
      tookPart: 2,
      share: 40,
      belowTarget: true,
      persons: 4,
      teachers: 2,
      managers: 1,
    });
    expect(p.byMunicipality).toEqual([
      {
        municipalityId: invited[0]?.municipalityId,
        name: 'Район 1',
        invited: 2,
        tookPart: 1,
        share: 50,
        persons: 2,
      },
      {
        municipalityId: invited[2]?.municipalityId,
        name: 'Район 2',
        invited: 3,
        tookPart: 1,
        share: 33.3,
        persons: 1,
      },
    ]);
  });

  it('does not call an upcoming event without attendance below its target', () => {
    const p = participation(
      invited,
      [{ orgUnitId: 'a', category: 'teacher', attended: false }],
      60,
      false,
      false,
    );
    expect(p).toMatchObject({ tookPart: 0, share: 0, belowTarget: false, byMunicipality: [] });
    expect(participation([], [], 60, false, true)).toMatchObject({ share: null, belowTarget: false });
  });
});
