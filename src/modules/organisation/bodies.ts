import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bodyMembers, meetings, organisationOrders, workingBodies } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { assertUnitsNearOwner } from '../access/unit-scope.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { assertKeepsUnit, loadBody, readableUnit } from './body-access.js';
import {
  type CreateBodyInput,
  createBodyInput,
  type MemberInput,
  type UpdateBodyInput,
  updateBodyInput,
} from './body-input.js';
import { bodySchedule } from './body-schedule.js';
import { BODY_KIND_LABELS, MEETING_MSG } from './meeting-labels.js';
import type { BodyDetail, BodySummary } from './meeting-views.js';
import { insertOrder } from './orders.js';
import { canKeepUnitWork } from './organise-access.js';

// Working bodies of a unit (issue 12 §1): created with their order and members, edited with a version
// check, listed with the periods they met or missed (bodySchedule is the one rule).

function checkMembers(members: MemberInput[]) {
  if (members.filter((m) => m.isChair).length > 1)
    throw invalid(MEETING_MSG.oneChair, [{ field: 'members', message: MEETING_MSG.oneChair }]);
}

function checkRange(from: string, to: string | null | undefined) {
  if (to && to < from)
    throw invalid(MEETING_MSG.activeRange, [{ field: 'activeTo', message: MEETING_MSG.activeRange }]);
}

async function writeMembers(tx: Db, bodyId: string, members: MemberInput[]) {
  await tx.delete(bodyMembers).where(eq(bodyMembers.bodyId, bodyId));
  if (members.length === 0) return;
  await tx.insert(bodyMembers).values(
    members.map((m) => ({
      bodyId,
      fullName: m.fullName,
      position: m.position ?? null,
      orgUnitId: m.orgUnitId ?? null,
      userId: m.userId ?? null,
      isChair: m.isChair,
    })),
  );
}

export async function createBody(
  db: Db,
  opts: { actor: Actor; input: CreateBodyInput; today: string },
): Promise<string> {
  const input = parseInput(createBodyInput, opts.input);
  const unit = await readableUnit(db, opts.actor, input.orgUnitId);
  assertKeepsUnit(opts.actor, unit);
  checkRange(input.activeFrom, input.activeTo);
  checkMembers(input.members);
  await assertUnitsNearOwner(
    db,
    unit.path,
    input.members.flatMap((m) => (m.orgUnitId ? [m.orgUnitId] : [])),
    'members',
  );
  return db.transaction(async (tx) => {
    const orderId = input.order
      ? await insertOrder(tx, {
          actor: opts.actor,
          orgUnitId: unit.id,
          title: `О создании: ${BODY_KIND_LABELS[input.kind]} «${input.name}»`,
          order: input.order,
          today: opts.today,
        })
      : null;
    const [row] = await tx
      .insert(workingBodies)
      .values({
        orgUnitId: unit.id,
        kind: input.kind,
        name: input.name,
        periodicity: input.periodicity ?? null,
        activeFrom: input.activeFrom,
        activeTo: input.activeTo ?? null,
        orderId,
      })
      .returning({ id: workingBodies.id });
    if (!row) throw new Error('body not inserted');
    await writeMembers(tx, row.id, input.members);
    await recordEvent(
      tx,
      opts.actor,
      'working_body.created',
      { entityType: 'working_body', entityId: row.id, orgUnitId: unit.id },
      { name: input.name, kind: input.kind, members: input.members.length },
    );
    return row.id;
  });
}

export async function updateBody(
  db: Db,
  opts: { actor: Actor; bodyId: string; input: UpdateBodyInput },
): Promise<void> {
  const input = parseInput(updateBodyInput, opts.input);
  const { body, unit } = await loadBody(db, opts.actor, opts.bodyId);
  assertKeepsUnit(opts.actor, unit);
  checkRange(
    input.activeFrom ?? body.activeFrom,
    input.activeTo === undefined ? body.activeTo : input.activeTo,
  );
  if (input.members) {
    checkMembers(input.members);
    await assertUnitsNearOwner(
      db,
      unit.path,
      input.members.flatMap((m) => (m.orgUnitId ? [m.orgUnitId] : [])),
      'members',
    );
  }
  const { version, members, ...fields } = input;
  const changes = diff(body, fields, ['name', 'periodicity', 'activeFrom', 'activeTo']);
  if (members) changes.push({ field: 'members', old: null, new: members.length });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(workingBodies)
      .set({ ...fields, version: sql`${workingBodies.version} + 1`, updatedAt: new Date() })
      .where(and(eq(workingBodies.id, body.id), eq(workingBodies.version, version)))
      .returning({ id: workingBodies.id });
    if (!row) throw conflict({ version: body.version });
    if (members) await writeMembers(tx, body.id, members);
    await recordEvent(
      tx,
      opts.actor,
      'working_body.updated',
      { entityType: 'working_body', entityId: body.id, orgUnitId: unit.id },
      { changes },
    );
  });
}

/** Bodies of the units the actor sees (or of one of them), each with its schedule's figures. */
export async function listBodies(
  db: Db,
  opts: { actor: Actor; unitId?: string; today: string },
): Promise<BodySummary[]> {
  const rows = await db
    .select({
      body: workingBodies,
      unit: { id: orgUnits.id, kind: orgUnits.kind, parentId: orgUnits.parentId, path: orgUnits.path },
      unitName: orgUnits.name,
      order: { id: organisationOrders.id, number: organisationOrders.number, date: organisationOrders.date },
    })
    .from(workingBodies)
    .innerJoin(orgUnits, eq(orgUnits.id, workingBodies.orgUnitId))
    .leftJoin(organisationOrders, eq(organisationOrders.id, workingBodies.orderId))
    .where(
      and(
        pathReadable(opts.actor, orgUnits.path),
        opts.unitId ? eq(workingBodies.orgUnitId, opts.unitId) : undefined,
      ),
    );
  const ids = rows.map((r) => r.body.id);
  const dates = ids.length
    ? await db
        .select({ bodyId: meetings.bodyId, date: meetings.date })
        .from(meetings)
        .where(inArray(meetings.bodyId, ids))
    : [];
  return rows
    .map((r) => {
      const mine = dates.filter((d) => d.bodyId === r.body.id).map((d) => d.date);
      return summaryOf(opts.actor, r, mine, opts.today);
    })
    .sort(byRussian((b) => `${b.unitName} ${b.name}`));
}

type BodyRow = {
  body: typeof workingBodies.$inferSelect;
  unit: {
    id: string;
    kind: 'region' | 'municipality' | 'school' | 'institution';
    parentId: string | null;
    path: string;
  };
  unitName: string;
  order: { id: string; number: string; date: string } | null;
};

function summaryOf(actor: Actor, r: BodyRow, dates: string[], today: string): BodySummary {
  const b = r.body;
  const schedule = b.periodicity
    ? bodySchedule({
        periodicity: b.periodicity,
        activeFrom: b.activeFrom,
        activeTo: b.activeTo,
        today,
        meetingDates: dates,
      })
    : [];
  return {
    id: b.id,
    orgUnitId: b.orgUnitId,
    unitName: r.unitName,
    kind: b.kind,
    name: b.name,
    periodicity: b.periodicity,
    activeFrom: b.activeFrom,
    activeTo: b.activeTo,
    order: r.order,
    meetings: dates.length,
    lastMeeting: dates.length ? ([...dates].sort().at(-1) ?? null) : null,
    missed: schedule.filter((p) => p.missed).length,
    canKeep: canKeepUnitWork(actor, r.unit),
    version: b.version,
  };
}

export async function getBody(
  db: Db,
  opts: { actor: Actor; bodyId: string; today: string },
): Promise<BodyDetail> {
  const { body, unit } = await loadBody(db, opts.actor, opts.bodyId);
  const [order] = body.orderId
    ? await db
        .select({
          id: organisationOrders.id,
          number: organisationOrders.number,
          date: organisationOrders.date,
        })
        .from(organisationOrders)
        .where(eq(organisationOrders.id, body.orderId))
    : [];
  const members = await db
    .select({
      id: bodyMembers.id,
      fullName: bodyMembers.fullName,
      position: bodyMembers.position,
      orgUnitId: bodyMembers.orgUnitId,
      unitName: orgUnits.name,
      userId: bodyMembers.userId,
      isChair: bodyMembers.isChair,
    })
    .from(bodyMembers)
    .leftJoin(orgUnits, eq(orgUnits.id, bodyMembers.orgUnitId))
    .where(eq(bodyMembers.bodyId, body.id))
    .orderBy(sql`${bodyMembers.isChair} desc`);
  members.sort(
    (a, b) => Number(b.isChair) - Number(a.isChair) || byRussian<typeof a>((m) => m.fullName)(a, b),
  );
  const list = await db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      date: meetings.date,
      title: meetings.title,
      protocolNumber: meetings.protocolNumber,
      decisions: sql<number>`(select count(*)::int from meeting_decisions d where d.meeting_id = meetings.id)`,
      openDecisions: sql<number>`(select count(*)::int from meeting_decisions d where d.meeting_id = meetings.id and d.status = 'open')`,
    })
    .from(meetings)
    .where(eq(meetings.bodyId, body.id))
    .orderBy(asc(meetings.date));
  const dates = list.map((m) => m.date);
  const summary = summaryOf(
    opts.actor,
    { body, unit, unitName: unit.name, order: order ?? null },
    dates,
    opts.today,
  );
  const schedule = body.periodicity
    ? bodySchedule({
        periodicity: body.periodicity,
        activeFrom: body.activeFrom,
        activeTo: body.activeTo,
        today: opts.today,
        meetingDates: dates,
      })
    : [];
  return { ...summary, members, schedule, meetingList: list.reverse() };
}
