import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { loadActor } from '../auth/load-actor.js';
import { databaseStorage } from '../files/storage.js';
import { listBodies } from '../organisation/bodies.js';
import { listDecisionTasks } from '../organisation/decisions.js';
import { listSchoolMeetings } from '../organisation/list-school-meetings.js';
import { bodiesWithMissedMeetings } from '../organisation/missed-meetings.js';
import { loadDemo } from './load-demo.js';

// The demo's bodies and meetings stay true whatever day it is loaded on: the working group has missed
// exactly one month, the demo school has an overdue decision and one still in time, the curator has
// visited its school, the region's council meets quarterly.

describe.each(['2026-12-06', '2027-03-02'])('the demo loaded on %s', (today) => {
  it('has the promised bodies, a missed month, an overdue decision for the school and a visit', async () => {
    const database = await openPglite(null);
    try {
      await loadDemo(database.db, { storage: databaseStorage, today: new Date(`${today}T09:00:00Z`) });
      const actor = async (login: string) => {
        const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.login, login));
        const a = u ? await loadActor(database.db, u.id) : null;
        if (!a) throw new Error(`no ${login}`);
        return a;
      };
      const [municipality, school, region] = [
        await actor('municipality'),
        await actor('school'),
        await actor('region'),
      ];
      const bodies = await listBodies(database.db, { actor: region, today });
      expect(bodies.map((b) => [b.kind, b.periodicity]).sort()).toEqual([
        ['coordination_council', 'quarterly'],
        ['working_group', 'monthly'],
      ]);
      const missed = await bodiesWithMissedMeetings(database.db, { actor: municipality, today });
      expect(missed.map((b) => b.missed.length)).toEqual([1]);
      const tasks = await listDecisionTasks(database.db, { actor: school, view: 'mine', today });
      expect(tasks.filter((d) => d.overdue)).toHaveLength(1);
      expect(tasks.filter((d) => !d.overdue).length).toBeGreaterThan(0);
      const visits = await listSchoolMeetings(database.db, { actor: school });
      expect(visits.map((v) => v.kind)).toEqual(['curator_visit']);
    } finally {
      await database.close();
    }
  }, 180_000);
});
