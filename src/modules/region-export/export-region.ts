import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { type Actor, type AnyActor, isSystem } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { drizzleQuery } from '../archive/catalog.js';
import { appliedCount, oporaVersion } from '../archive/level.js';
import { recordEvent } from '../audit/record-event.js';
import type { FileStorage } from '../files/storage.js';
import { ArchiveWriter, FORMAT, FORMAT_VERSION, type Manifest } from './archive.js';
import { archiveReadme } from './readme.js';
import { isExcluded, REGION_RULES, type TableRule } from './rules.js';
import { selectRegion } from './select.js';

// `exportRegion` writes everything a region owns into one archive (issue 17 §6, docs/region-export.md):
// the rows chosen by rules.ts inside one repeatable-read transaction (a consistent picture while people
// keep working), then the files' contents. Only the administrator (or the system: the CLI) exports.

export type Progress = (fraction: number, message: string) => Promise<void> | void;

export type RegionRef = { id: string; name: string; code: string | null; path: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The region by its id, code or exact name (the CLI accepts any of them). */
export async function findRegion(db: Db, ref: string): Promise<RegionRef> {
  const key = ref.trim();
  if (!key) throw invalid('Укажите регион: идентификатор, код или название');
  const [region] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code, path: orgUnits.path })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, 'region'),
        UUID.test(key) ? eq(orgUnits.id, key) : or(eq(orgUnits.code, key), eq(orgUnits.name, key)),
      ),
    )
    .limit(1);
  if (!region) throw notFound('Организация');
  return region;
}

/** Regions where the actor holds `admin` (the region of each such assignment, as audit-scope.ts reads it). */
export function adminRegions(actor: Actor): string[] {
  const out: string[] = [];
  for (const a of actor.assignments) {
    if (a.role !== 'admin') continue;
    const region = regionOfPath(a.unitPath);
    if (region && !out.includes(region)) out.push(region);
  }
  return out;
}

export type ExportResult = { manifest: Manifest; bytes: number; seconds: number };

export async function exportRegion(
  db: Db,
  opts: { actor: AnyActor; regionId: string; storage: FileStorage; out: string; progress?: Progress },
): Promise<ExportResult> {
  const actor = opts.actor;
  if (!isSystem(actor) && adminRegions(actor).length === 0)
    throw forbidden('Выгружать данные региона может администратор');
  const started = Date.now();
  const region = await findRegion(db, opts.regionId);
  // An administrator exports only his own region(s); another region looks absent.
  if (!isSystem(actor) && !adminRegions(actor).includes(region.id)) throw notFound('Организация');
  const progress = opts.progress ?? (() => {});
  // Inside the transaction progress is not awaited: on PGlite the job's progress write waits for the
  // transaction's one connection, so awaiting it there would never return.
  const note = (f: number, m: string) => void Promise.resolve(progress(f, m)).catch(() => {});
  const writer = new ArchiveWriter(opts.out);
  try {
    const { head, fileRows } = await db.transaction(
      async (tx) => {
        const migrations = await appliedCount(drizzleQuery(tx));
        note(0.02, 'Отбор строк региона…');
        const selection = await selectRegion(tx, region.path);
        const tables: Manifest['tables'] = {};
        let done = 0;
        for (const t of selection.tables) {
          const lines = await selection.lines(t.table);
          writer.addText(
            `tables/${t.table}.jsonl`,
            lines.map((l) => `${l}\n`),
          );
          tables[t.table] = { rows: t.rows, omittedColumns: t.omit };
          done++;
          note(0.05 + (0.6 * done) / selection.tables.length, `Таблица ${t.table}…`);
        }
        // Which files: their bodies are read after the commit (a databaseStorage reads through the handle
        // the transaction holds on PGlite); keys are content hashes, so a body never changes under a key.
        const fileRows = (await selection.lines('files')).map((l) => JSON.parse(l) as FileRow);
        const excluded = Object.fromEntries(
          Object.entries(REGION_RULES as Record<string, TableRule>).flatMap(([t, r]) =>
            isExcluded(r) ? [[t, r.exclude]] : [],
          ),
        );
        const head: Omit<Manifest, 'entries'> = {
          format: FORMAT,
          formatVersion: FORMAT_VERSION,
          oporaVersion: oporaVersion(),
          createdAt: new Date().toISOString(),
          migrations,
          region,
          tables,
          excluded,
          files: fileRows.length,
        };
        return { head, fileRows };
      },
      { isolationLevel: 'repeatable read' },
    );
    // File bodies one at a time from the storage (never all in memory), each as files/<id>.
    for (const [i, f] of fileRows.entries()) {
      const body = await opts.storage.get(f.storage_key);
      if (!body) throw new Error(`Содержимое файла «${f.name}» (${f.id}) не найдено в хранилище`);
      writer.addBytes(`files/${f.id}`, body, f.mime);
      if (i % 20 === 0) await progress(0.65 + (0.3 * i) / fileRows.length, 'Файлы…');
    }
    writer.addText('README.md', [archiveReadme(head)]);
    const full = await writer.finish(head);
    await progress(0.98, 'Архив записан');
    return { manifest: full, bytes: writer.bytes, seconds: (Date.now() - started) / 1000 };
  } catch (e) {
    await writer.abort(opts.out);
    throw e;
  }
}

type FileRow = { id: string; storage_key: string; name: string; mime: string };

/** The history event of an export (the job writes it with the archive's row, the CLI after the file). */
export async function recordRegionExported(db: Db, actor: AnyActor, manifest: Manifest): Promise<void> {
  const counts = Object.fromEntries(Object.entries(manifest.tables).map(([t, x]) => [t, x.rows]));
  await recordEvent(
    db,
    actor,
    'region.exported',
    { entityType: 'org_unit', entityId: manifest.region.id, orgUnitId: manifest.region.id },
    { counts: { ...counts, files: manifest.files } },
  );
}
