import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { queryRows } from '../../../db/rows.js';
import { coordinatorsOf, curatorsOf, keepersOf, regionOperatorsOf } from '../recipients.js';
import { commentTail, withUnit } from './lookups.js';
import type { EventRule } from './types.js';

// A roadmap's measure: marked done → its confirmers; confirmed or returned → the keepers of its unit.

type ItemFacts = {
  id: string;
  roadmap_id: string;
  version: number;
  measure: string;
  number: string | null;
  roadmap_title: string;
  unit_id: string;
  unit_kind: string;
  unit_name: string;
  governing_id: string;
  governing_kind: string;
};

async function itemFacts(tx: Db, itemId: string): Promise<ItemFacts | undefined> {
  // An institution's roadmap is governed by its parent (access/roadmap-rules.ts governingIdOf).
  const [row] = await queryRows<ItemFacts>(
    tx,
    sql`
    select i.id, i.roadmap_id, i.version, i.measure, i.number, r.title as roadmap_title,
      u.id as unit_id, u.kind as unit_kind, u.name as unit_name,
      coalesce(case when u.kind = 'institution' then p.id end, u.id) as governing_id,
      coalesce(case when u.kind = 'institution' then p.kind end, u.kind) as governing_kind
    from roadmap_items i join roadmaps r on r.id = i.roadmap_id join org_units u on u.id = r.org_unit_id
      left join org_units p on p.id = u.parent_id
    where i.id = ${itemId}`,
  );
  return row;
}

/** Who confirms a unit's measures (access/roadmap-rules.ts canConfirmUnit), as recipients. */
async function confirmersOf(tx: Db, f: ItemFacts): Promise<string[]> {
  if (f.governing_kind === 'school')
    return [...(await curatorsOf(tx, f.governing_id)), ...(await coordinatorsOf(tx, f.governing_id))];
  return regionOperatorsOf(tx, f.governing_id);
}

const measureName = (f: ItemFacts) => `${f.number ? `${f.number}. ` : ''}«${f.measure}» (${f.roadmap_title})`;
const itemLink = (f: ItemFacts) => `/roadmaps/${f.roadmap_id}?item=${f.id}`;
const itemObject = (f: ItemFacts) => ({
  link: itemLink(f),
  objectType: 'item',
  objectId: f.id,
  orgUnitId: f.unit_id,
});

export const itemStatusChanged: EventRule<'item.status_changed'> = async (tx, { target, payload }) => {
  if (payload.to !== 'done') return [];
  const f = await itemFacts(tx, target.entityId);
  if (!f) return [];
  return [
    {
      userIds: await confirmersOf(tx, f),
      kind: 'awaiting_confirmation',
      title: 'Мероприятие ждёт подтверждения',
      body: withUnit(f.unit_name, `${measureName(f)} отмечено выполненным.${commentTail(payload.comment)}`),
      ...itemObject(f),
      // The item's version names this «выполнено»: marked done again after a return, it is a new fact.
      dedupeKey: `awaiting:item:${f.id}:v${f.version}`,
    },
  ];
};

export const itemConfirmed: EventRule<'item.confirmed'> = async (tx, { target, payload }) => {
  const f = await itemFacts(tx, target.entityId);
  if (!f) return [];
  const returned = payload.decision === 'returned';
  return [
    {
      userIds: await keepersOf(tx, f.unit_id),
      kind: returned ? 'returned' : 'confirmed',
      title: returned ? 'Мероприятие возвращено на доработку' : 'Исполнение мероприятия подтверждено',
      body: withUnit(
        f.unit_name,
        `${measureName(f)} ${returned ? 'возвращено на доработку' : 'подтверждено'}.${commentTail(payload.comment)}`,
      ),
      ...itemObject(f),
      dedupeKey: `${payload.decision}:item:${f.id}:v${f.version}`,
    },
  ];
};
