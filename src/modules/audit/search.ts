import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { users } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import { invalid } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { auditScope, requireAuditRegions, userInRegions } from './audit-scope.js';
import { EVENT_GROUP_KEYS, EVENT_TYPES, type EventGroup, GROUP_TYPES } from './event-groups.js';
import { type AuditRow, presentEvent } from './present.js';
import type { AuditEventView, AuditFilterQuery, AuditListQuery } from './views.js';

// The audit log's search (issue 17 §7): filters by user, object, event types and groups, and a period
// of Moscow days; newest first with keyset pagination over (at, id) — the indexes on at, (actor_id, at)
// and (type, at) serve it. The reader's scope (audit-scope.ts) is a condition inside the same query.

/** Moscow has been UTC+3 all year since 2014: a day's bounds need no time-zone database. */
const MOSCOW_OFFSET_MS = 3 * 3600_000;

/** The instant a Moscow day starts. */
export function moscowDayStart(day: string): Date {
  const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
  const midnight = new Date(Date.UTC(y, m - 1, d));
  // 2026-02-30 rolls over to March: not a date.
  if (midnight.getUTCFullYear() !== y || midnight.getUTCMonth() !== m - 1 || midnight.getUTCDate() !== d)
    throw invalid(`Нет такой даты: ${day}`, [{ field: 'from', message: `Нет такой даты: ${day}` }]);
  return new Date(midnight.getTime() - MOSCOW_OFFSET_MS);
}

const split = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The types the filter asks for (its types and its groups' types); null — every type. */
export function typesOf(q: AuditFilterQuery): string[] | null {
  const types = split(q.types);
  const groups = split(q.groups);
  const unknownType = types.find((t) => !(EVENT_TYPES as string[]).includes(t));
  if (unknownType)
    throw invalid(`Неизвестный вид события: ${unknownType}`, [
      { field: 'types', message: 'Неизвестный вид события' },
    ]);
  const unknownGroup = groups.find((g) => !(EVENT_GROUP_KEYS as readonly string[]).includes(g));
  if (unknownGroup)
    throw invalid(`Неизвестная группа событий: ${unknownGroup}`, [
      { field: 'groups', message: 'Неизвестная группа событий' },
    ]);
  if (types.length === 0 && groups.length === 0) return null;
  return [...new Set([...types, ...groups.flatMap((g) => GROUP_TYPES[g as EventGroup])])];
}

/** Every condition of the filter, the scope first. */
export function filterConditions(regions: string[], q: AuditFilterQuery): SQL[] {
  const e = auditEvents;
  const out: SQL[] = [auditScope(regions)];
  if (q.actorId) out.push(eq(e.actorId, q.actorId));
  if (q.entityType) out.push(eq(e.entityType, q.entityType));
  if (q.entityId)
    out.push(
      sql`(${e.entityId} = ${q.entityId} or ${e.roadmapId}::text = ${q.entityId} or ${e.itemId}::text = ${q.entityId})`,
    );
  const words = q.object?.trim();
  if (words) {
    // The object's name as the payload carries it (a title, a measure, a login), or a roadmap's title.
    const like = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    out.push(sql`(${e.payload}::text ilike ${like} or exists (select 1 from roadmaps sr
      where sr.id = ${e.roadmapId} and sr.title ilike ${like}))`);
  }
  const types = typesOf(q);
  if (types) out.push(inArray(e.type, types));
  if (q.from) out.push(sql`${e.at} >= ${moscowDayStart(q.from).toISOString()}::timestamptz`);
  if (q.to) {
    const end = new Date(moscowDayStart(q.to).getTime() + 24 * 3600_000);
    out.push(sql`${e.at} < ${end.toISOString()}::timestamptz`);
  }
  if (q.from && q.to && q.from > q.to)
    throw invalid('Начало периода позже его конца', [
      { field: 'from', message: 'Начало периода позже его конца' },
    ]);
  return out;
}

/** One page of events, newest first, from `cursor` (exclusive); the cursor keeps microseconds. */
export async function auditPage(
  db: Db,
  regions: string[],
  q: AuditFilterQuery,
  page: { cursor?: string; limit: number },
): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const e = auditEvents;
  const where = filterConditions(regions, q);
  if (page.cursor) {
    const [at, id] = page.cursor.split('_');
    where.push(sql`(${e.at}, ${e.id}) < (${at}::timestamp at time zone 'UTC', ${Number(id)})`);
  }
  const rows = await db
    .select({
      id: e.id,
      at: e.at,
      cursorAt: sql<string>`to_char(${e.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
      actorId: e.actorId,
      actorName: e.actorName,
      type: e.type,
      entityType: e.entityType,
      entityId: e.entityId,
      roadmapId: e.roadmapId,
      orgUnitId: e.orgUnitId,
      payload: e.payload,
      unitName: orgUnits.name,
      roadmapTitle: roadmaps.title,
      userName: users.fullName,
    })
    .from(e)
    .leftJoin(orgUnits, eq(orgUnits.id, e.orgUnitId))
    .leftJoin(roadmaps, eq(roadmaps.id, e.roadmapId))
    .leftJoin(users, and(eq(e.entityType, 'user'), sql`${users.id}::text = ${e.entityId}`))
    .where(and(...where))
    .orderBy(desc(e.at), desc(e.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return { rows: shown, nextCursor: more && last ? `${last.cursorAt}_${last.id}` : null };
}

export async function searchAuditEvents(
  db: Db,
  opts: { actor: Actor; query: AuditListQuery },
): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const regions = requireAuditRegions(opts.actor);
  const { cursor, limit, ...filter } = opts.query;
  const page = await auditPage(db, regions, filter, { cursor, limit: limit ?? 50 });
  return { events: page.rows.map(presentEvent), nextCursor: page.nextCursor };
}

/** The user picker of the filter: people who hold a role in the reader's regions, by name or login. */
export async function auditUsers(db: Db, opts: { actor: Actor; q?: string }) {
  const regions = requireAuditRegions(opts.actor);
  const words = opts.q?.trim();
  const like = words ? `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, login: users.login })
    .from(users)
    .where(
      and(
        userInRegions(sql`${users.id}`, regions),
        like ? sql`(${users.fullName} ilike ${like} or ${users.login} ilike ${like})` : undefined,
      ),
    )
    .orderBy(users.fullName)
    .limit(20);
  // Russian order in the application: the embedded database has no ICU collation (lib/sort.ts).
  return rows.sort(byRussian((u) => u.fullName));
}
