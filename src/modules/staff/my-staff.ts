import { and, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { organisationOrders } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { staffMembers, teacherMentorships } from '../../db/schema/people.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canKeepStaff } from '../access/people-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { memberViews } from './member-rows.js';
import { mentee, mentor, pairViews } from './mentorship-rows.js';
import { mentorshipCard } from './mentorships.js';
import { STAFF_MSG } from './strings.js';
import type { myStaffView } from './views.js';

// «Мой маршрут» of a teacher: his own records (read-only) and the pairs where he is the mentee or the
// mentor — matched by his account (`staff_members.user_id`), never by name. And the file of a school's
// order on mentors, attached by the school's team.

export async function myStaff(db: Db, opts: { actor: Actor }): Promise<z.infer<typeof myStaffView>> {
  const records = await memberViews(db, eq(staffMembers.userId, opts.actor.userId));
  const pairs = await pairViews(
    db,
    opts.actor,
    or(eq(mentee.userId, opts.actor.userId), eq(mentor.userId, opts.actor.userId)),
  );
  const mentorships = [];
  for (const p of pairs.sort((a, b) => b.year - a.year)) {
    const [s] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, p.schoolId));
    mentorships.push(await mentorshipCard(db, opts.actor, p.id, s?.path ?? ''));
  }
  return { records, mentorships };
}

/** The school's order on mentors: its file is attached by the school's team. */
export async function attachMentorOrderFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; orderId: string; upload: Upload; maxBytes: number },
) {
  const [order] = await db
    .select({ o: organisationOrders, path: orgUnits.path, kind: orgUnits.kind })
    .from(organisationOrders)
    .innerJoin(orgUnits, eq(orgUnits.id, organisationOrders.orgUnitId))
    .where(eq(organisationOrders.id, opts.orderId));
  // Only a school's orders that name a mentoring pair are this module's; any other is absent here.
  const [pair] = order
    ? await db
        .select({ id: teacherMentorships.id, schoolId: teacherMentorships.schoolId })
        .from(teacherMentorships)
        .where(eq(teacherMentorships.orderId, order.o.id))
        .limit(1)
    : [];
  if (!order || !pair) throw notFound('Приказ');
  const [seen] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, order.o.orgUnitId), pathReadable(opts.actor, orgUnits.path)));
  if (!seen) throw notFound('Приказ');
  if (!canKeepStaff(opts.actor, order.path)) throw forbidden(STAFF_MSG.orderFileOnly);
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: opts.actor.userId,
    maxBytes: opts.maxBytes,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisationOrders)
      .set({ fileId: file.id, version: sql`${organisationOrders.version} + 1`, updatedAt: new Date() })
      .where(eq(organisationOrders.id, order.o.id))
      .returning();
    if (!row) throw notFound('Приказ');
    await recordEvent(
      tx,
      opts.actor,
      'teacher_mentorship.order_file_attached',
      { entityType: 'teacher_mentorship', entityId: pair.id, orgUnitId: pair.schoolId },
      { orderId: row.id, fileName: file.name },
    );
    return { id: row.id, number: row.number, date: row.date, fileName: file.name };
  });
}
