import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../boot.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { orgUnits } from '../db/schema/orgs.js';
import { AppError } from '../lib/errors.js';
import { systemActor } from '../modules/access/actor.js';
import {
  type ImportAssessmentResult,
  importAssessmentData,
  importAssessmentDataFrom,
} from '../modules/assessment-data/import-assessment-data.js';
import { bulkLoader } from '../modules/assessment-data/store.js';

// `opora import-data --dir DIR | --file FILE [--region-code CODE | --region-id ID] [--dry-run]`: loads an
// assessment data package into the configured database as a system action (no user), with the same
// checks as the upload; the way for national packages bigger than the upload limit. Exit code 1 on errors.

export const IMPORT_DATA_HELP =
  'opora import-data --dir DIR | --file FILE.xlsx|FILE.zip [--region-code CODE | --region-id ID] [--dry-run]';

const SHOWN_ERRORS = 50;

export async function runImportData(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      dir: { type: 'string' },
      file: { type: 'string' },
      'region-code': { type: 'string' },
      'region-id': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const source = values.dir ?? values.file;
  if (!source || (values.dir && values.file)) {
    console.error(
      `Укажите пакет: --dir (папка с CSV-файлами) или --file (XLSX или ZIP)\n  ${IMPORT_DATA_HELP}`,
    );
    return 2;
  }
  const info = await stat(source).catch(() => null);
  if (!info || (values.dir ? !info.isDirectory() : !info.isFile())) {
    console.error(values.dir ? `Папка не найдена: ${source}` : `Файл не найден: ${source}`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const db = database.db;
    const regionId = await pickRegion(db, values['region-id'], values['region-code']);
    const dryRun = values['dry-run'] ?? false;
    const fileName = path.basename(path.resolve(source));
    const bulk = bulkLoader(database);
    const t = Date.now();
    let result: ImportAssessmentResult;
    try {
      result =
        values.file && /\.zip$/i.test(values.file)
          ? await importAssessmentData(
              db,
              {
                actor: systemActor('Командная строка (opora import-data)'),
                regionId,
                fileName,
                data: await readFileBuffer(values.file),
                dryRun,
              },
              bulk,
            )
          : await importAssessmentDataFrom(
              db,
              {
                actor: systemActor('Командная строка (opora import-data)'),
                regionId,
                fileName,
                source,
                dryRun,
              },
              bulk,
            );
    } catch (e) {
      if (e instanceof AppError) {
        console.error(e.message);
        return 1;
      }
      throw e;
    }
    printSummary(result, (Date.now() - t) / 1000);
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

async function readFileBuffer(file: string): Promise<Buffer> {
  const { readFile } = await import('node:fs/promises');
  return readFile(file);
}

/** The region given, or the only one. */
async function pickRegion(db: Db, id: string | undefined, code: string | undefined): Promise<string> {
  const regions = await db
    .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code })
    .from(orgUnits)
    .where(eq(orgUnits.kind, 'region'));
  if (id) {
    const r = regions.find((x) => x.id === id);
    if (!r) throw new Error(`Регион с идентификатором ${id} не найден`);
    return r.id;
  }
  if (code) {
    const [r] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.kind, 'region'), eq(orgUnits.code, code)));
    if (!r) throw new Error(`Регион с кодом ${code} не найден`);
    return r.id;
  }
  const [only, ...more] = regions;
  if (!only) throw new Error('В базе нет ни одного региона: сначала выполните opora create-admin');
  if (more.length > 0) {
    const list = regions.map((r) => `  ${r.id}  ${r.name}${r.code ? ` (код ${r.code})` : ''}`).join('\n');
    throw new Error(`В базе несколько регионов: укажите --region-id или --region-code\n${list}`);
  }
  return only.id;
}

const n = (v: number) => v.toLocaleString('ru-RU');

function printSummary(r: ImportAssessmentResult, seconds: number): void {
  const what = r.dryRun ? 'Проверка пакета' : 'Загрузка пакета';
  console.log(`${what} «${r.fileName}»: ${r.ok ? 'без ошибок' : 'есть ошибки'} (${seconds.toFixed(1)} с)`);
  if (r.years.length > 0) {
    console.log(
      `  годы: ${r.years.join(', ')}; школ: ${n(r.schools)}; результатов: ${n(r.results)}; ` +
        `контекстных значений: ${n(r.contextValues)}; строк подтверждения отметок: ${n(r.confirmations)}`,
    );
  }
  for (const y of r.replaced) {
    console.log(
      `  ${r.dryRun ? 'будут заменены' : 'заменены'} данные ${y.year} года: результатов ${n(y.results)}, ` +
        `контекстных значений ${n(y.contextValues)}, строк подтверждения ${n(y.confirmations)}`,
    );
  }
  if (r.unknownSchools.length > 0) {
    console.log(`  школы, которых нет в регионе (сопоставление по коду): ${n(r.unknownSchools.length)}`);
    for (const s of r.unknownSchools.slice(0, SHOWN_ERRORS)) console.log(`    ${s.code}  ${s.name}`);
    if (r.unknownSchools.length > SHOWN_ERRORS)
      console.log(`    … и ещё ${n(r.unknownSchools.length - SHOWN_ERRORS)}`);
  }
  if (r.errors.length > 0) {
    console.log(
      `  ошибки в строках: ${n(r.errors.length)}${r.errors.length > SHOWN_ERRORS ? ` (первые ${SHOWN_ERRORS})` : ''}`,
    );
    for (const e of r.errors.slice(0, SHOWN_ERRORS)) {
      console.log(`    ${e.file}${e.column ? `, столбец ${e.column}` : ''}, строка ${e.row}: ${e.message}`);
    }
  }
  if (!r.ok) console.log('  Ничего не записано: исправьте пакет и загрузите его снова.');
  else if (r.dryRun) console.log('  Ничего не записано (--dry-run).');
  else console.log('  Данные записаны; загрузка учтена в истории данных региона.');
}
