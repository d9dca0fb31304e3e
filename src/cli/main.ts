import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/client.js';
import { createAdmin } from './create-admin.js';
import { resetDatabase } from './reset-database.js';

const HELP = `Опора — командная строка

  opora db:reset                 удалить все данные и загрузить демо-данные заново (только демо-режим)
  opora create-admin --login L --password P --name "ФИО" --region "Название региона"
                                 первый администратор рабочей установки (создаёт регион, если его нет)
  opora help                     эта справка

Настройки берутся из переменных окружения (см. README): DATA_DIR, DATABASE_URL, DEMO …`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'db:reset':
      await resetDatabase(config);
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
