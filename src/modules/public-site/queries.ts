import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { PublicationKind } from '../../db/schema/values.js';

// The only reads of the public site (issue 15 §1): the `publications` table, names and places of
// org_units, and — for a roadmap published with its execution — the status and done date of the
// snapshot's own items. Never a live draft, never a user, never a pupil. A publication is «current»
// while neither superseded nor withdrawn. Names are sorted in JS: PostgreSQL 15 has no "unicode" collation.

export type PublicUnit = { id: string; name: string; kind: string; parentId: string | null; path: string };

export type PublicationRow = {
  id: string;
  orgUnitId: string;
  kind: PublicationKind;
  objectId: string;
  version: number;
  title: string;
  snapshot: unknown;
  options: { showExecution?: boolean; schoolNames?: boolean };
  docxFileId: string | null;
  pdfFileId: string | null;
  publishedAt: string;
  supersededAt: string | null;
  withdrawnAt: string | null;
};

const COLUMNS = sql`p.id, p.org_unit_id as "orgUnitId", p.kind, p.object_id as "objectId", p.version, p.title,
  p.snapshot, p.options, p.docx_file_id as "docxFileId", p.pdf_file_id as "pdfFileId",
  to_json(p.published_at)#>>'{}' as "publishedAt", to_json(p.superseded_at)#>>'{}' as "supersededAt",
  to_json(p.withdrawn_at)#>>'{}' as "withdrawnAt"`;
const CURRENT = sql`p.superseded_at is null and p.withdrawn_at is null`;

export async function unitById(db: Db, id: string): Promise<PublicUnit | null> {
  const [u] = await queryRows<PublicUnit>(
    db,
    sql`select id, name, kind, parent_id as "parentId", path from org_units where id = ${id}`,
  );
  return u ?? null;
}

/** The unit and its ancestors, region first (the path lists them). */
export async function breadcrumbs(db: Db, unit: PublicUnit): Promise<PublicUnit[]> {
  const ids = unit.path.split('/').filter(Boolean);
  const rows = await queryRows<PublicUnit>(
    db,
    sql`select id, name, kind, parent_id as "parentId", path from org_units
        where id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
  );
  return ids.flatMap((i) => rows.filter((r) => r.id === i));
}

/**
 * Units under `parentId` (regions when null) whose subtree has at least one current publication, with
 * the number of them: the links of a public page go only where there is something to read.
 */
export async function unitsWithPublications(
  db: Db,
  parentId: string | null,
): Promise<(PublicUnit & { count: number })[]> {
  const where = parentId === null ? sql`c.kind = 'region'` : sql`c.parent_id = ${parentId}`;
  return queryRows<PublicUnit & { count: number }>(
    db,
    sql`select c.id, c.name, c.kind, c.parent_id as "parentId", c.path, count(p.id)::int as count
        from org_units c
        join org_units d on d.path like c.path || '%'
        join publications p on p.org_unit_id = d.id and ${CURRENT}
        where ${where}
        group by c.id, c.name, c.kind, c.parent_id, c.path`,
  ).then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name, 'ru')));
}

/** The unit's own current publications, newest first within a kind. */
export async function currentPublicationsOf(db: Db, unitId: string): Promise<PublicationRow[]> {
  return queryRows(
    db,
    sql`select ${COLUMNS} from publications p where p.org_unit_id = ${unitId} and ${CURRENT}
        order by p.kind, p.published_at desc, p.title`,
  );
}

/** Current publications of the unit and of every unit below it (open data). */
export async function currentPublicationsUnder(
  db: Db,
  unitPath: string,
  kind: PublicationKind,
): Promise<(PublicationRow & { unitName: string })[]> {
  return queryRows(
    db,
    sql`select ${COLUMNS}, u.name as "unitName" from publications p join org_units u on u.id = p.org_unit_id
        where u.path like ${`${unitPath}%`} and p.kind = ${kind} and ${CURRENT}
        order by u.name, p.title`,
  );
}

/** Every version of an object's publication, newest first. */
export async function versionsOf(db: Db, objectId: string): Promise<PublicationRow[]> {
  return queryRows(
    db,
    sql`select ${COLUMNS} from publications p where p.object_id = ${objectId} order by p.version desc`,
  );
}

export type LiveStatus = { itemId: string; status: string; doneAt: string | null };

/**
 * The live execution of a published roadmap's measures: only status and done date of the items the
 * snapshot names — nothing else of the live row reaches the public page.
 */
export async function liveStatuses(db: Db, itemIds: string[]): Promise<Map<string, LiveStatus>> {
  const ids = itemIds.filter((i) => /^[0-9a-f-]{36}$/.test(i));
  if (ids.length === 0) return new Map();
  const rows = await queryRows<LiveStatus>(
    db,
    sql`select id as "itemId", status,
          case when status = 'done' then coalesce(confirmed_at, updated_at)::date::text end as "doneAt"
        from roadmap_items where id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
  );
  return new Map(rows.map((r) => [r.itemId, r]));
}

/** Every current publication with its unit, for the sitemap. */
export async function sitemapEntries(
  db: Db,
): Promise<{ objectId: string; orgUnitId: string; publishedAt: string }[]> {
  return queryRows(
    db,
    sql`select p.object_id as "objectId", p.org_unit_id as "orgUnitId", to_json(p.published_at)#>>'{}' as "publishedAt"
        from publications p where ${CURRENT} order by p.published_at`,
  );
}

/** Units that have something published in their subtree (sitemap). */
export async function unitsInSitemap(db: Db): Promise<{ id: string }[]> {
  return queryRows(
    db,
    sql`select distinct c.id from org_units c
        join org_units d on d.path like c.path || '%'
        join publications p on p.org_unit_id = d.id and ${CURRENT}`,
  );
}

/** A publication's stored file: name, type and storage key (the public download). */
export async function publicationFile(
  db: Db,
  fileId: string,
): Promise<{ storageKey: string; mime: string; sha256: string } | null> {
  const [f] = await queryRows<{ storageKey: string; mime: string; sha256: string }>(
    db,
    sql`select storage_key as "storageKey", mime, sha256 from files where id = ${fileId}`,
  );
  return f ?? null;
}
