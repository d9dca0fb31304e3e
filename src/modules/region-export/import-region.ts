import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { type AnyActor, isAdmin, isSystem } from '../access/actor.js';
import { drizzleQuery, foreignKeys, insertOrder, tableColumns } from '../archive/catalog.js';
import { sha256 } from '../archive/digest.js';
import { appliedCount } from '../archive/level.js';
import { recordEvent } from '../audit/record-event.js';
import { type FileStorage, STORAGE_KEY } from '../files/storage.js';
import { decryptPersonal } from '../pupils/pupil-crypto.js';
import { ArchiveError, type Manifest, openArchive } from './archive.js';
import { checkManifestRegion, refuseRowsOutsideRegion } from './import-check.js';
import { isExcluded, isReferenced, REGION_RULES, type TableRule } from './rules.js';
import { omittedColumns } from './select.js';

// `importRegion` puts a region's archive into another installation (issue 17 §6): the archive proven
// whole first (checksums), the same level of migrations, then one transaction — all or nothing — with the
// archive's ids; a region or any id already there refuses the whole import. Rows are inserted per table
// in the order of the foreign keys, through json_populate_recordset (the columns' own types parse them).

export type ImportReport = {
  region: Manifest['region'];
  counts: Record<string, number>;
  files: number;
  /** Whether this installation's pupil key reads the archive's pupils (null: no pupils in it). */
  pupilIdentityReadable: boolean | null;
  seconds: number;
};

const CHUNK = 1000;
const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new ArchiveError(`Недопустимое имя таблицы или столбца: ${name}`);
  return `"${name}"`;
};

export async function importRegion(
  db: Db,
  opts: { actor: AnyActor; archive: Uint8Array; storageFor: (tx: Db) => FileStorage },
): Promise<ImportReport> {
  if (!isSystem(opts.actor) && !isAdmin(opts.actor))
    throw forbidden('Загружать данные региона может администратор');
  const started = Date.now();
  const { manifest, entry } = openArchive(opts.archive);
  const level = await appliedCount(drizzleQuery(db));
  if (level.count !== manifest.migrations.count || level.last !== manifest.migrations.last)
    throw new AppError(
      'CONFLICT',
      `Уровень миграций архива — ${manifest.migrations.count} (${manifest.migrations.last}), этой базы — ${level.count} (${level.last}). ` +
        (manifest.migrations.count > level.count
          ? `Обновите эту установку до Опоры ${manifest.oporaVersion} (миграции применяются при запуске) и повторите импорт.`
          : 'Обновите установку, где сделана выгрузка, до версии этой установки и выгрузите регион заново.'),
    );
  const rules = REGION_RULES as Record<string, TableRule>;
  const unknown = Object.keys(manifest.tables).filter((t) => {
    const rule = rules[t];
    return !rule || isExcluded(rule);
  });
  if (unknown.length)
    throw new ArchiveError(`В архиве таблицы, которых не бывает в выгрузке: ${unknown.join(', ')}`);

  try {
    return await db.transaction(async (tx) => {
      const [exists] = await queryRows<{ name: string }>(
        tx,
        sql`select name from org_units where id = ${manifest.region.id}`,
      );
      if (exists)
        throw new AppError(
          'CONFLICT',
          `Регион «${manifest.region.name}» (${manifest.region.id}) уже есть в этой установке: импорт отклонён, ничего не изменено`,
        );
      const columns = await tableColumns(drizzleQuery(tx));
      const fks = await foreignKeys(drizzleQuery(tx));
      const dictionaries = new Set(
        Object.keys(manifest.tables).filter((t) => {
          const r = rules[t];
          return r && isReferenced(r) && r.naturalKey;
        }),
      );
      const counts: Record<string, number> = {};
      const imported = new Map<string, string[]>();
      for (const table of insertOrder(Object.keys(manifest.tables), fks)) {
        const rule = rules[table];
        if (!rule || isExcluded(rule)) continue;
        const rows = readLines(entry(`tables/${table}.jsonl`), table);
        imported.set(table, rows);
        if (table === 'org_units') checkManifestRegion(manifest, rows);
        const cols = columns.get(table);
        if (!cols) throw new ArchiveError(`Таблицы ${table} нет в этой базе`);
        if (isReferenced(rule) && rule.naturalKey) {
          await mergeDictionary(tx, table, rule.naturalKey, rows);
        } else {
          // A stub (a person of another region) is used if the id is here, else made an account that
          // never signs in; the whole rows go on as any table's.
          const stubbed = isReferenced(rule) && rule.stub ? splitStubs(table, rows) : undefined;
          if (stubbed) {
            refuseStubsHoldingAnything(stubbed.stubs, manifest, entry);
            await insertStubs(tx, stubbed.stubs);
          }
          const whole = stubbed?.whole ?? rows;
          await refuseTakenIds(tx, table, cols, whole);
          // What the export never writes is never read either (a password hash, a printed link, a job
          // id, the journal's number): those columns take their defaults, whatever the archive says.
          // Nor is a whole row a stub.
          const forced = new Set([...omittedColumns(rule), ...(stubbed ? ['is_stub'] : [])]);
          const remap = new Map(
            fks
              .filter((fk) => fk.table === table && dictionaries.has(fk.references))
              .map((fk) => [fk.column, fk.references]),
          );
          const list = cols.filter((c) => !forced.has(c));
          const values = list.map((c) => {
            const dict = remap.get(c);
            return dict
              ? `(select m.new_id from ${ident(`_rx_map_${dict}`)} m where m.old_id = r.${ident(c)})`
              : `r.${ident(c)}`;
          });
          for (let i = 0; i < whole.length; i += CHUNK) {
            const chunk = `[${whole.slice(i, i + CHUNK).join(',')}]`;
            await tx.execute(
              sql`${sql.raw(`insert into ${ident(table)} (${list.map(ident).join(', ')}) select ${values.join(', ')} from json_populate_recordset(null::${ident(table)}, `)}${chunk}::json) r`,
            );
          }
        }
        counts[table] = rows.length;
        if (rows.length !== manifest.tables[table]?.rows)
          throw new ArchiveError(`Число строк ${table} не совпадает с описанием архива`);
      }
      if (!imported.has('org_units'))
        throw new ArchiveError('В архиве нет дерева организаций региона: импорт отклонён');
      await refuseRowsOutsideRegion(tx, manifest, imported);
      const files = await putFiles(opts.storageFor(tx), manifest, entry);
      const pupilIdentityReadable = await pupilKeyReads(tx, manifest.region.path);
      await recordEvent(
        tx,
        opts.actor,
        'region.imported',
        { entityType: 'org_unit', entityId: manifest.region.id, orgUnitId: manifest.region.id },
        { sourceVersion: manifest.oporaVersion, counts: { ...counts, files } },
      );
      return {
        region: manifest.region,
        counts,
        files,
        pupilIdentityReadable,
        seconds: (Date.now() - started) / 1000,
      };
    });
  } catch (e) {
    throw explain(e);
  }
}

function readLines(data: Uint8Array, table: string): string[] {
  const lines = Buffer.from(data)
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  for (const [i, l] of lines.entries()) {
    // Each line is one JSON object: anything else is refused before it reaches SQL.
    let ok = false;
    try {
      const v: unknown = JSON.parse(l);
      ok = typeof v === 'object' && v !== null && !Array.isArray(v);
    } catch {}
    if (!ok) throw new ArchiveError(`tables/${table}.jsonl, строка ${i + 1}: не JSON-объект`);
  }
  return lines;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Stub = { id: string; fullName: string };

/** The stub lines (`"is_stub": true`: id and name of a person of another region) apart from the whole rows. */
function splitStubs(table: string, rows: string[]): { stubs: Stub[]; whole: string[] } {
  const stubs: Stub[] = [];
  const whole: string[] = [];
  for (const l of rows) {
    const r = JSON.parse(l) as Record<string, unknown>;
    if (r.is_stub !== true) {
      whole.push(l);
      continue;
    }
    if (
      typeof r.id !== 'string' ||
      !UUID.test(r.id) ||
      typeof r.full_name !== 'string' ||
      !r.full_name.trim()
    )
      throw new ArchiveError(
        `tables/${table}.jsonl: у заглушки пользователя нет id или ФИО: импорт отклонён`,
      );
    // Only who he is: any other field of the line (a login, a password hash) is not read.
    stubs.push({ id: r.id, fullName: r.full_name.trim().slice(0, 300) });
  }
  return { stubs, whole };
}

/** Tables of what a person holds in the region: a stub holds none of it (no role, no sign-in link). */
const HELD_BY_PEOPLE = ['role_assignments', 'user_identities', 'notification_settings'];

/**
 * A stub may be a person already in this installation: it must never bring him a role (an `admin` in
 * the region would manage every account here), a sign-in link or settings.
 */
function refuseStubsHoldingAnything(stubs: Stub[], manifest: Manifest, entry: (name: string) => Uint8Array) {
  if (stubs.length === 0) return;
  const ids = new Set(stubs.map((s) => s.id.toLowerCase()));
  for (const table of HELD_BY_PEOPLE) {
    if (!manifest.tables[table]) continue;
    for (const l of readLines(entry(`tables/${table}.jsonl`), table)) {
      const userId = (JSON.parse(l) as { user_id?: unknown }).user_id;
      if (typeof userId === 'string' && ids.has(userId.toLowerCase()))
        throw new ArchiveError(
          `tables/${table}.jsonl: запись о пользователе-заглушке (${userId}) — у заглушки не бывает ролей и входа: импорт отклонён`,
        );
    }
  }
}

/**
 * Stubs not here yet become accounts that never sign in: inactive, no password, marked `is_stub`, login
 * `stub:<id>` (no login an administrator or a directory gives has a colon). A stub whose id is here is
 * that person: his row is left as it is.
 */
async function insertStubs(tx: Db, stubs: Stub[]) {
  for (let i = 0; i < stubs.length; i += CHUNK) {
    const chunk = JSON.stringify(stubs.slice(i, i + CHUNK));
    await tx.execute(
      sql`insert into users (id, login, full_name, is_active, is_stub)
          select (x->>'id')::uuid, 'stub:' || lower(x->>'id'), x->>'fullName', false, true
          from json_array_elements(${chunk}::json) x
          where not exists (select 1 from users u where u.id = (x->>'id')::uuid)`,
    );
  }
}

/** «Any id already exists there» refuses the import, naming the table. */
async function refuseTakenIds(tx: Db, table: string, cols: string[], rows: string[]) {
  if (!cols.includes('id') || rows.length === 0) return;
  const [taken] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${sql.raw(ident(table))} t
        where t.id::text in (select x->>'id' from json_array_elements(${`[${rows.join(',')}]`}::json) x)`,
  );
  if (taken && Number(taken.n) > 0)
    throw new AppError(
      'CONFLICT',
      `В этой установке уже есть ${taken.n} записей таблицы ${table} с идентификаторами из архива: импорт отклонён, ничего не изменено`,
    );
}

/**
 * A dictionary numbered by each installation (assessment procedures): rows missing here are added, and
 * `_rx_map_<table>` maps the archive's ids to this installation's for the rows that point to them.
 */
async function mergeDictionary(tx: Db, table: string, key: string[], rows: string[]) {
  const t = ident(table);
  const k = key.map(ident);
  const map = ident(`_rx_map_${table}`);
  const data = `[${rows.join(',')}]`;
  const same = k.map((c) => `d.${c} = r.${c}`).join(' and ');
  await tx.execute(sql.raw(`create temp table ${map} (old_id bigint, new_id bigint) on commit drop`));
  await tx.execute(
    sql`${sql.raw(`insert into ${t} (${k.join(', ')}) select ${k.map((c) => `r.${c}`).join(', ')} from json_populate_recordset(null::${t}, `)}${data}${sql.raw(`::json) r where not exists (select 1 from ${t} d where ${same})`)}`,
  );
  await tx.execute(
    sql`${sql.raw(`insert into ${map} select r.id, d.id from json_populate_recordset(null::${t}, `)}${data}${sql.raw(`::json) r join ${t} d on ${same}`)}`,
  );
}

/** The bodies of the archive's files into this installation's storage, each checked against its row. */
async function putFiles(
  storage: FileStorage,
  manifest: Manifest,
  entry: (name: string) => Uint8Array,
): Promise<number> {
  if (!manifest.tables.files) return 0;
  const rows = readLines(entry('tables/files.jsonl'), 'files').map(
    (l) => JSON.parse(l) as { id: string; storage_key: string; sha256: string },
  );
  for (const f of rows) {
    const body = entry(`files/${f.id}`);
    // The key names a place in the storage: only a content hash, and the hash of this very body.
    if (typeof f.storage_key !== 'string' || !STORAGE_KEY.test(f.storage_key))
      throw new ArchiveError(`Недопустимый ключ хранения файла ${f.id}: импорт отклонён`);
    const digest = sha256(body);
    if (digest !== f.sha256 || digest !== f.storage_key)
      throw new ArchiveError(`Содержимое файла ${f.id} не совпадает с его описанием`);
    await storage.put(f.storage_key, Buffer.from(body));
  }
  return rows.length;
}

async function pupilKeyReads(tx: Db, regionPath: string): Promise<boolean | null> {
  const [row] = await queryRows<{ v: string }>(
    tx,
    sql`select p.name_enc as v from pupil_records p join org_units o on o.id = p.school_id
        where o.path like ${`${regionPath}%`} limit 1`,
  );
  if (!row) return null;
  try {
    decryptPersonal(row.v);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL's refusals in words: a key already taken, a reference to a row that is not there. */
function explain(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const cause = (e as { cause?: { code?: string; detail?: string; table?: string } }).cause ?? e;
  const c = cause as { code?: string; detail?: string; table?: string };
  if (c.code === '23505')
    return new AppError(
      'CONFLICT',
      `В этой установке уже есть запись с тем же ключом (${c.table ?? ''}: ${c.detail ?? ''}): импорт отклонён, ничего не изменено`,
    );
  if (c.code === '23503')
    return new ArchiveError(
      `Архив ссылается на запись, которой в нём нет (${c.table ?? ''}: ${c.detail ?? ''}): импорт отклонён`,
    );
  return e;
}
