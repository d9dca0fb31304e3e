import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { preparedRead } from '../../db/prepared-read.js';
import type { OrgKind } from '../../db/schema/orgs.js';
import type { ItemStatus, Level } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { managedUnitIds } from '../access/managed-units.js';
import { jsonBytes, ReadCache } from './read-cache.js';
import { itemViewColumns, overdue } from './read-sql.js';
import { ownerRules, roadmapVisiblePrepared, visibilityParams } from './roadmap-access.js';
import type { foundItemView } from './views.js';

export const ITEM_VIEWS = ['all', 'mine', 'overdue', 'upcoming', 'awaiting'] as const;
export type ItemViewName = (typeof ITEM_VIEWS)[number];

export type ItemFilter = {
  view: ItemViewName;
  roadmapId?: string;
  sectionId?: string;
  level?: Level;
  status?: ItemStatus;
  responsibleUnitId?: string;
  /** Due dates in [from, to], ISO dates; used by the calendar. */
  dueFrom?: string;
  dueTo?: string;
  days?: number;
};

export type FoundItem = z.infer<typeof foundItemView>;

const LIMIT = 2000;

// Every filter is a parameter (null: not applied) and the view a text parameter, so one SQL text
// serves every call and is prepared once (docs/decisions/0011-cheap-reads.md).
const p = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;
const MATCH = sql`${roadmapVisiblePrepared('u', 'r')} and r.status <> 'archived'
  and (${p('roadmapId', 'uuid')} is null or i.roadmap_id = ${p('roadmapId', 'uuid')})
  and (${p('sectionId', 'uuid')} is null or i.section_id = ${p('sectionId', 'uuid')})
  and (${p('level', 'text')} is null or i.level = ${p('level', 'text')})
  and (${p('status', 'text')} is null or i.status = ${p('status', 'text')})
  and (${p('dueFrom', 'date')} is null or i.due_date >= ${p('dueFrom', 'date')})
  and (${p('dueTo', 'date')} is null or i.due_date <= ${p('dueTo', 'date')})
  and (${p('responsible', 'uuid')} is null or exists (select 1 from roadmap_item_responsibles ir
    where ir.item_id = i.id and ir.org_unit_id = ${p('responsible', 'uuid')}))
  and (${p('view', 'text')} <> 'overdue' or ${sql.raw(overdue('i', 'r.status'))})
  and (${p('view', 'text')} <> 'upcoming' or (r.status = 'approved'
    and i.status in ('planned','in_progress','postponed')
    and i.due_date between current_date and current_date + ${p('days', 'int')}))
  and (${p('view', 'text')} <> 'mine' or r.org_unit_id = any(${p('units', 'uuid[]')}) or exists (
    select 1 from roadmap_item_responsibles ir
    where ir.item_id = i.id and ir.org_unit_id = any(${p('units', 'uuid[]')})))
  and (${p('view', 'text')} <> 'awaiting' or (i.status = 'done' and i.confirmation = 'pending'))`;

const FROM = sql.raw(`roadmap_items i join roadmaps r on r.id = i.roadmap_id
  join org_units u on u.id = r.org_unit_id`);

/** A FoundItem of the item row `i` in roadmap `r` of unit `u`, as JSON. */
const FOUND_ITEM = sql.raw(`(select row_to_json(x) from (select ${itemViewColumns('i', 'r.status')},
    coalesce((select json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime, 'kind', e.kind)
        order by e.added_at, f.name)
      from roadmap_item_evidence e join files f on f.id = e.file_id where e.item_id = i.id), '[]') as "evidence",
    json_build_object('id', r.id, 'title', r.title, 'unitName', coalesce(u.short_name, u.name),
      'orgUnitId', u.id) as "roadmap") x)`);

/** How many match, and the first `limit` of them decorated, in one statement. */
const readPage = preparedRead(
  'find_items',
  { total: sql<number>`total`, body: sql<string>`body` },
  sql`(with m as materialized (select i.id, i.due_date, i.position from ${FROM} where ${MATCH}),
    page as (select id, row_number() over (order by due_date, position, id) as o from m
      order by o limit ${p('limit', 'int')})
    select (select count(*)::int from m) as total,
      coalesce((select json_agg(${FOUND_ITEM} order by page.o) from page
        join roadmap_items i on i.id = page.id join roadmaps r on r.id = i.roadmap_id
        join org_units u on u.id = r.org_unit_id), '[]')::text as body) q`,
);

/** «Ждут подтверждения»: the candidates with what the confirmation rule needs to know of their owner. */
const readAwaiting = preparedRead(
  'find_items_awaiting',
  {
    id: sql<string>`item_id`,
    unitId: sql<string>`unit_id`,
    kind: sql<OrgKind>`unit_kind`,
    parentId: sql<string | null>`parent_id`,
    path: sql<string>`path`,
    parentKind: sql<string | null>`parent_kind`,
  },
  sql`(select i.id as item_id, u.id as unit_id, u.kind as unit_kind, u.parent_id, u.path, pu.kind as parent_kind
    from ${FROM} left join org_units pu on pu.id = u.parent_id
    where ${MATCH} order by i.due_date, i.position, i.id limit ${p('limit', 'int')}) q`,
);

const readByIds = preparedRead(
  'found_items_by_ids',
  { body: sql<string>`body` },
  sql`(select coalesce(json_agg(${FOUND_ITEM} order by ids.o), '[]')::text as body
    from unnest(${p('ids', 'uuid[]')}) with ordinality ids(id, o)
    join roadmap_items i on i.id = ids.id join ${sql.raw(`roadmaps r on r.id = i.roadmap_id
    join org_units u on u.id = r.org_unit_id`)}) q`,
);

export type ItemPage = { total: number; items: FoundItem[] };

/**
 * Items across every roadmap the actor may see, narrowed to one of the working views: how many
 * there are and the first `limit` (in due date order). Access: the visibility rule is in the query.
 */
export async function searchItems(
  db: Db,
  opts: { actor: Actor; filter: ItemFilter; limit: number },
): Promise<ItemPage> {
  const { actor, filter: f } = opts;
  const units = f.view === 'mine' ? await managedUnitIds(db, actor) : [];
  if (f.view === 'mine' && units.length === 0) return { total: 0, items: [] };
  const params = {
    ...visibilityParams(actor),
    view: f.view,
    roadmapId: f.roadmapId ?? null,
    sectionId: f.sectionId ?? null,
    level: f.level ?? null,
    status: f.status ?? null,
    dueFrom: f.dueFrom ?? null,
    dueTo: f.dueTo ?? null,
    responsible: f.responsibleUnitId ?? null,
    days: f.days ?? 30,
    units,
  };
  if (f.view !== 'awaiting') {
    const [row] = await readPage(db, { ...params, limit: opts.limit });
    return { total: row?.total ?? 0, items: JSON.parse(row?.body ?? '[]') as FoundItem[] };
  }
  // «Ждут подтверждения» are those this actor confirms, decided by the same rule as confirmItem;
  // only the shown ones are decorated.
  const rows = await readAwaiting(db, { ...params, limit: LIMIT });
  const kept = rows.filter((r) => ownerRules(actor, { ...r, id: r.unitId }, r.parentKind).canConfirm);
  const ids = kept.slice(0, opts.limit).map((r) => r.id);
  if (ids.length === 0) return { total: kept.length, items: [] };
  const [page] = await readByIds(db, { ids });
  return { total: kept.length, items: JSON.parse(page?.body ?? '[]') as FoundItem[] };
}

const found = new ReadCache<FoundItem[]>(jsonBytes);

/** The list of `GET /api/items`: at most 2000 items (kept in memory while unchanged, read-cache.ts). */
export function findItems(db: Db, opts: { actor: Actor; filter: ItemFilter }): Promise<FoundItem[]> {
  return found.get(db, JSON.stringify([opts.actor, opts.filter]), async () => {
    return (await searchItems(db, { ...opts, limit: LIMIT })).items;
  });
}
