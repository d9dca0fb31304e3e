import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../boot.js';
import type { Config } from '../config.js';
import { DataDirLockedError } from '../db/client.js';
import { createBackup } from '../modules/backup/create-backup.js';
import type { Manifest } from '../modules/backup/manifest.js';
import { restoreBackup } from '../modules/backup/restore-backup.js';
import type { StorageSpec } from '../modules/backup/storage.js';
import { BACKUP, BackupError } from '../modules/backup/strings.js';
import { verifyArchive } from '../modules/backup/verify-archive.js';

// `opora backup --out FILE` and `opora restore FILE` (ADR 0043). Neither needs the pupils' key: the
// archive carries their names encrypted, and the key is kept apart from it (docs/deployment.md).

const USAGE = 'opora backup --out ФАЙЛ.tar.gz | opora restore [--check] ФАЙЛ.tar.gz';

export async function runBackupCommand(config: Config, command: 'backup' | 'restore', args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, check: { type: 'boolean' } },
    allowPositionals: true,
  });
  const storage: StorageSpec =
    config.fileStorage === 'database'
      ? { kind: 'database' }
      : { kind: 'local', dir: path.join(config.dataDir, 'files') };
  const say = (line: string) => console.log(line);
  try {
    if (command === 'backup') {
      if (!values.out || positionals.length > 0) return usage();
      const started = Date.now();
      // Making a copy never changes the database: PostgreSQL is not migrated by it.
      const database = await openDatabase(config, { migrate: false });
      try {
        say(`Резервная копия (${database.kind}) → ${values.out}`);
        const m = await createBackup(database, { out: values.out, storage, onProgress: say });
        if (m.missingFiles.length > 0) console.warn(BACKUP.missingFiles(m.missingFiles.length));
        const size = fs.statSync(values.out).size;
        say(`Готово: ${(size / 1048576).toFixed(1)} МБ за ${((Date.now() - started) / 1000).toFixed(1)} с.`);
      } finally {
        await database.close();
      }
      return 0;
    }
    const file = positionals[0];
    if (!file || positionals.length > 1 || values.out) return usage();
    const started = Date.now();
    const manifest = await verifyArchive(file); // before the database is even opened
    if (values.check) {
      // A drill or a nightly check of the copies kept: the archive alone, no database.
      say(BACKUP.verified(manifest.tables.length, totalRows(manifest), manifest.files.length));
      say(`Копия ${manifest.createdAt}, Опора ${manifest.oporaVersion}, миграции ${manifest.migration.tag}`);
      return 0;
    }
    say(
      `Восстановление из ${file}: копия ${manifest.createdAt}, Опора ${manifest.oporaVersion}, ${manifest.engine}`,
    );
    const database = await openDatabase(config);
    try {
      await restoreBackup(database, { file, storage, onProgress: say, verified: manifest });
    } finally {
      await database.close();
    }
    say(`Готово за ${((Date.now() - started) / 1000).toFixed(1)} с.`);
    if (!config.pupilDataKey && !fs.existsSync(path.join(config.dataDir, 'pupil-data-key')))
      console.warn(BACKUP.noKey);
    return 0;
  } catch (e) {
    if (e instanceof DataDirLockedError) console.error(BACKUP.locked(e.message));
    else if (e instanceof BackupError) console.error(e.message);
    else throw e;
    return 1;
  }
}

const totalRows = (m: Manifest) => m.tables.reduce((n, t) => n + t.rows, 0);

function usage(): number {
  console.error(`Использование: ${USAGE}`);
  return 2;
}
