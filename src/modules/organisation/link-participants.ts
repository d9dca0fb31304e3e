import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Gives the event's unlinked participants their account: a user with a role on the participant's unit
 * whose full name is the same (case and outer spaces aside). A teacher registered by his school's team
 * or by an imported list then finds the event in «Мои мероприятия», and coverage counts him once as
 * his account. Names that match two accounts of one unit are left unlinked: a guess is worse than none.
 */
export async function linkParticipantAccounts(tx: Db, eventId: string): Promise<void> {
  await tx.execute(sql`
    update event_participants p set user_id = m.user_id
    from (
      select p2.id, min(u.id::text)::uuid as user_id
      from event_participants p2
      join role_assignments ra on ra.org_unit_id = p2.org_unit_id
      join users u on u.id = ra.user_id and lower(btrim(u.full_name)) = lower(btrim(p2.full_name))
      where p2.event_id = ${eventId} and p2.user_id is null
      group by p2.id
      having count(distinct u.id) = 1
    ) m
    where p.id = m.id`);
}
