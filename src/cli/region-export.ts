import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeStorage, openDatabase } from '../boot.js';
import type { Config } from '../config.js';
import { WORDS } from '../lib/counted.js';
import { AppError } from '../lib/errors.js';
import { countLabel } from '../lib/plural.js';
import { systemActor } from '../modules/access/actor.js';
import { databaseStorage, localStorage } from '../modules/files/storage.js';
import { exportRegion, findRegion, recordRegionExported } from '../modules/region-export/export-region.js';
import { importRegion } from '../modules/region-export/import-region.js';

// `opora export-region --region <id | code | name> --out FILE` and `opora import-region FILE` (issue 17 §6,
// docs/region-export.md): a system action on the configured database. Exit code 1 when refused.

export const EXPORT_REGION_HELP = 'opora export-region --region <id | код | название> --out FILE.zip';
export const IMPORT_REGION_HELP = 'opora import-region FILE.zip';

const CLI = systemActor('Командная строка: выгрузка региона');

export async function runExportRegion(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { region: { type: 'string' }, out: { type: 'string' } } });
  if (!values.region || !values.out) {
    console.error(`Укажите регион и файл архива\n  ${EXPORT_REGION_HELP}`);
    return 2;
  }
  const out = path.resolve(values.out);
  const database = await openDatabase(config);
  try {
    const region = await findRegion(database.db, values.region);
    const r = await exportRegion(database.db, {
      actor: CLI,
      regionId: region.id,
      storage: makeStorage(config, database),
      out,
      progress: (f, m) => {
        process.stderr.write(`\r${Math.round(f * 100)}% ${m}`.padEnd(60));
      },
    });
    await recordRegionExported(database.db, CLI, r.manifest);
    process.stderr.write('\n');
    const rows = Object.values(r.manifest.tables).reduce((s, t) => s + t.rows, 0);
    console.log(
      `Регион «${region.name}» выгружен в ${out}: ${countLabel(rows, WORDS.row)}, ${countLabel(r.manifest.files, WORDS.file)}, ` +
        `${(r.bytes / 1048576).toFixed(1)} МБ, ${r.seconds.toFixed(1)} с`,
    );
    return 0;
  } catch (e) {
    return refused(e);
  } finally {
    await database.close();
  }
}

export async function runImportRegion(config: Config, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file || !fs.existsSync(file)) {
    console.error(`${file ? `Файл не найден: ${file}` : 'Укажите файл архива'}\n  ${IMPORT_REGION_HELP}`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const report = await importRegion(database.db, {
      actor: CLI,
      archive: fs.readFileSync(file),
      // Files into the configured storage; the database one writes in the import's own transaction.
      storageFor: (tx) =>
        config.fileStorage === 'database'
          ? databaseStorage(tx)
          : localStorage(path.join(config.dataDir, 'files')),
    });
    console.log(
      `Регион «${report.region.name}» загружен за ${report.seconds.toFixed(1)} с. Строк по таблицам:`,
    );
    for (const [t, n] of Object.entries(report.counts)) if (n > 0) console.log(`  ${t.padEnd(32)} ${n}`);
    console.log(`  файлов${' '.repeat(26)} ${report.files}`);
    console.log(
      'Пользователи без паролей: задайте пароль (администратор) или включите единый вход (OIDC, LDAP).',
    );
    if (report.pupilIdentityReadable === false)
      console.log(
        'ФИО обучающихся зашифрованы другим ключом: задайте PUPIL_DATA_KEY выгрузившей установки, иначе они не читаются.',
      );
    return 0;
  } catch (e) {
    return refused(e);
  } finally {
    await database.close();
  }
}

function refused(e: unknown): number {
  if (e instanceof AppError) {
    console.error(e.message);
    return 1;
  }
  throw e;
}
