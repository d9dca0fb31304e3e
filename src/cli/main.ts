import { parseArgs } from 'node:util';
import { configurePupilKey } from '../boot.js';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/client.js';
import { createAdmin } from './create-admin.js';
import { resetDatabase } from './reset-database.js';

const HELP = `Опора — командная строка

  opora db:reset                 удалить все данные и загрузить демо-данные заново (только демо-режим)
  opora create-admin --login L --password P --name "ФИО" --region "Название региона"
                                 первый администратор рабочей установки (создаёт регион, если его нет)
  opora identify --data DIR --year Y [--methodology FILE] [--approved FILE] [--json]
                                 выявление ШНОР, ШНСУ, зоны риска… за год по пакету данных (без базы данных)
  opora generate-data --schools N --years K --seed S --out DIR [--format csv|xlsx] [--last-year Y]
                                 синтетический пакет данных оценочных процедур (без базы данных)
  opora import-data --dir DIR | --file FILE.xlsx|FILE.zip [--region-code CODE | --region-id ID] [--dry-run]
                                 загрузка пакета данных оценочных процедур в базу (национальный пакет — здесь)
  opora import-roadmap FILE [--json]
                                 разбор дорожной карты из .docx, .xlsx, .pdf или .txt (без базы данных)
  opora risk-profile --instrument FILE.json --responses FILE.csv [--json] [--explain]
                                 рисковые профили школ по ответам на анкеты (без базы данных)
  opora evaluate-effect --data DIR --treated FILE --year T [--exclude FILE] [--json]
                                 эффект поддержки школ списка года T на R года T+1 (без базы данных)
  opora mfa-reset --login L      сбросить второй фактор пользователя (потерян телефон) и завершить его сеансы
  opora sweep [--date ГГГГ-ММ-ДД]
                                 ежедневная проверка сроков и эскалация за день (по умолчанию — сегодня)
  opora backup --out ФАЙЛ.tar.gz резервная копия: база, файлы и manifest.json с контрольными суммами
  opora restore [--check] ФАЙЛ.tar.gz
                                 восстановление копии в пустую базу (DATA_DIR или DATABASE_URL);
                                 --check — только проверить архив (контрольные суммы, уровень миграций)
  opora export-region --region <id | код | название> --out FILE.zip
                                 выгрузка всех данных региона в документированный архив (docs/region-export.md)
  opora import-region FILE.zip   загрузка выгрузки региона в эту установку (всё или ничего, без паролей)
  opora help                     эта справка

Настройки берутся из переменных окружения (см. README): DATA_DIR, DATABASE_URL, DEMO …`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  // Commands that need neither a database nor the configuration.
  if (command === 'identify' || command === 'generate-data') {
    return (await import('./identify.js')).standaloneCommand(command, rest);
  }
  if (command === 'import-roadmap') {
    process.exitCode = await (await import('./import-roadmap.js')).runImportRoadmap(rest);
    return;
  }
  if (command === 'risk-profile') {
    process.exitCode = await (await import('./risk-profile.js')).runRiskProfile(rest);
    return;
  }
  if (command === 'evaluate-effect') {
    process.exitCode = await (await import('../modules/effect/cli.js')).runEvaluateEffect(rest);
    return;
  }
  const config = loadConfig();
  if (command === 'backup' || command === 'restore') {
    process.exitCode = await (await import('./backup.js')).runBackupCommand(config, command, rest);
    return;
  }
  // Pupils' personal data are encrypted with the configured key (issue 14 §2), in every process.
  configurePupilKey(config);
  switch (command) {
    case 'db:reset':
      await resetDatabase(config);
      return;
    case 'import-data':
      process.exitCode = await (await import('./import-data.js')).runImportData(config, rest);
      return;
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          login: { type: 'string' },
          password: { type: 'string' },
          name: { type: 'string' },
          region: { type: 'string' },
        },
      });
      await createAdmin(config, values);
      return;
    }
    case 'export-region':
      process.exitCode = await (await import('./region-export.js')).runExportRegion(config, rest);
      return;
    case 'import-region':
      process.exitCode = await (await import('./region-export.js')).runImportRegion(config, rest);
      return;
    case 'mfa-reset':
      process.exitCode = await (await import('./mfa-reset.js')).runMfaReset(config, rest);
      return;
    case 'sweep':
      process.exitCode = await (await import('./sweep.js')).runSweepCommand(config, rest);
      return;
    default:
      console.log(HELP);
      if (command && command !== 'help') process.exitCode = 2;
  }
}

main().catch((e) => {
  console.error(
    e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof Error ? e.message : e,
  );
  process.exit(1);
});
