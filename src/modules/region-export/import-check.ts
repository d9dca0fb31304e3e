import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { regionPath } from '../access/region-level.js';
import { ArchiveError, type Manifest } from './archive.js';
import { isReferenced, REGION_RULES, type TableRule } from './rules.js';
import { selectRegion, tempName } from './select.js';

// An archive is data from outside: its checksums prove only that nobody changed it after it was written,
// not who wrote it. Before the import commits, the imported rows are selected again by the export's own
// rules (rules.ts) in this database: every imported row must be a row of the archive's region, and the
// region must take in nothing that was here before (a role at another region's unit, a row pointing to an
// existing unit or user). The one exception: a stub (a person of another region, id and name only) whose
// id is here is that person — rows may name him as their author, but never give him a role, a sign-in link
// or settings (import-region.ts refuses those). Anything else refuses the whole import.

/** The region of the manifest is a root: its path is `/<its id>/`, and the archive holds it as a region. */
export function checkManifestRegion(manifest: Manifest, orgUnitLines: string[]): void {
  const region = manifest.region;
  if (region.path !== regionPath(region.id))
    throw new ArchiveError(
      `Путь региона в описании архива (${region.path.slice(0, 100)}) не соответствует его идентификатору: импорт отклонён`,
    );
  const root = orgUnitLines
    .map((l) => JSON.parse(l) as { id?: unknown; kind?: unknown; path?: unknown; parent_id?: unknown })
    .find((u) => u.id === region.id);
  if (root?.kind !== 'region' || root.path !== region.path || root.parent_id != null)
    throw new ArchiveError('В архиве нет самого региона, описанного в manifest.json: импорт отклонён');
}

/**
 * After the rows are inserted (inside the import's transaction): the region selected by the rules must be
 * exactly the imported rows — by id where the table has one, by count otherwise.
 */
export async function refuseRowsOutsideRegion(
  tx: Db,
  manifest: Manifest,
  imported: Map<string, string[]>,
): Promise<void> {
  const selection = await selectRegion(tx, manifest.region.path);
  const rules = REGION_RULES as Record<string, TableRule>;
  const problems: string[] = [];
  for (const t of selection.tables) {
    const rule = rules[t.table];
    // The procedures' dictionary is shared by the installation and merged by its natural key.
    if (!rule || (isReferenced(rule) && rule.naturalKey)) continue;
    const rows = imported.get(t.table) ?? [];
    if (t.rows !== rows.length) {
      problems.push(`${t.table}: ${rows.length} в архиве, ${t.rows} по правилам выгрузки`);
      continue;
    }
    if (t.omit.includes('id') || rows.length === 0) continue;
    const ids = rows.map((l) => (JSON.parse(l) as { id?: unknown }).id);
    if (ids.some((id) => id === undefined)) continue;
    const [outside] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from json_array_elements_text(${JSON.stringify(ids)}::json) x(id)
          where x.id not in (select s.id::text from ${sql.raw(`"${tempName(t.table)}"`)} s)`,
    );
    if (outside && Number(outside.n) > 0)
      problems.push(`${t.table}: ${outside.n} записей не относятся к региону`);
  }
  if (problems.length)
    throw new ArchiveError(
      `Архив содержит записи вне региона «${manifest.region.name}» или ссылки на записи этой установки, импорт отклонён: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` и ещё ${problems.length - 5}` : ''}`,
    );
}
