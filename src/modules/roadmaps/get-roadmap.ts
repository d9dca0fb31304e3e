import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedRead } from '../../db/prepared-read.js';
import type { OrgKind } from '../../db/schema/orgs.js';
import type { PeriodKind } from '../../db/schema/roadmaps.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { ReadCache } from './read-cache.js';
import { sectionsJson, summaryColumns } from './read-sql.js';
import { ownerRules, roadmapVisiblePrepared, visibilityParams } from './roadmap-access.js';
import { periodLabel, type RoadmapDetail } from './types.js';

// The whole card (summary, progress, sections, decorated items) is one statement: the access check is
// its WHERE, the database writes the JSON, and md5 of that JSON is the content part of the ETag.
// Only what depends on the actor (permissions) and the Russian period label are added here.
const CARD = sql`(select x.body, md5(x.body) as tag, x.unit_id, x.unit_kind, x.parent_id, x.path,
    x.parent_kind, x.period_kind, x.period_year
  from (
    select (select row_to_json(c)::text from (
        select ${sql.raw(summaryColumns('r', 'u'))}, ${sql.raw(sectionsJson('r'))} as "sections") c) as body,
      u.id as unit_id, u.kind as unit_kind, u.parent_id, u.path, pu.kind as parent_kind,
      r.period_kind, r.period_year
    from roadmaps r join org_units u on u.id = r.org_unit_id left join org_units pu on pu.id = u.parent_id
    where r.id = ${sql.placeholder('id')}::uuid and ${roadmapVisiblePrepared('u', 'r')}) x) card`;

const owner = {
  tag: sql<string>`tag`,
  id: sql<string>`unit_id`,
  kind: sql<OrgKind>`unit_kind`,
  parentId: sql<string | null>`parent_id`,
  path: sql<string>`path`,
  parentKind: sql<string | null>`parent_kind`,
  periodKind: sql<PeriodKind>`period_kind`,
  periodYear: sql<number>`period_year`,
};

const readCard = preparedRead('roadmap_card', { body: sql<string>`body`, ...owner }, CARD);
type CardRow = Awaited<ReturnType<typeof readCard>>[number];
const cards = new ReadCache<CardRow | undefined>((row) => row?.body.length ?? 0);

/** The card row for this actor: from memory while nothing it shows has changed (read-cache.ts). */
function cardRow(db: Db, opts: { actor: Actor; roadmapId: string }): Promise<CardRow | undefined> {
  const params = { id: opts.roadmapId, ...visibilityParams(opts.actor) };
  // The statement's parameters are the whole key: actors with the same paths get the same statement.
  const key = JSON.stringify([params.id, params.readable, params.own]);
  return cards.get(db, key, async () => (await readCard(db, params))[0]);
}

export type RoadmapCard = { json: string; etag: string };

type OwnerRow = {
  tag: string;
  id: string;
  kind: OrgKind;
  parentId: string | null;
  path: string;
  parentKind: string | null;
};

/** The weak ETag of a card: its content as the database wrote it, and this actor's permissions. */
function etagOf(actor: Actor, row: OwnerRow) {
  const { canManage, canConfirm } = ownerRules(actor, row, row.parentKind);
  return { etag: `W/"${row.tag}-${canManage ? 'm' : ''}${canConfirm ? 'c' : ''}"`, canManage, canConfirm };
}

/** The card as the JSON text the API sends, with its ETag. Access: whoever may see the roadmap. */
export async function readRoadmapCard(
  db: Db,
  opts: { actor: Actor; roadmapId: string },
): Promise<RoadmapCard> {
  const row = await cardRow(db, opts);
  if (!row) throw notFound('Дорожная карта');
  const { etag, canManage, canConfirm } = etagOf(opts.actor, row);
  const tail = JSON.stringify({
    periodLabel: periodLabel(row.periodKind, row.periodYear),
    permissions: { canManage, canConfirm },
  });
  return { json: `${row.body.slice(0, -1)},${tail.slice(1)}`, etag };
}

/** Only the ETag of the card (for a conditional request). Same access. */
export async function roadmapCardTag(db: Db, opts: { actor: Actor; roadmapId: string }): Promise<string> {
  const row = await cardRow(db, opts);
  if (!row) throw notFound('Дорожная карта');
  return etagOf(opts.actor, row).etag;
}

/** Access: whoever may see the roadmap (see roadmapVisible). */
export async function getRoadmap(db: Db, opts: { actor: Actor; roadmapId: string }): Promise<RoadmapDetail> {
  return JSON.parse((await readRoadmapCard(db, opts)).json) as RoadmapDetail;
}
