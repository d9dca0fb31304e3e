import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { makeStorage, openDatabase } from '../boot.js';
import type { Config } from '../config.js';

import { loadDemo } from '../modules/demo/load-demo.js';

/** Drops everything and loads the demo again. Refuses outside demo mode: real data are never wiped by a typo. */
export async function resetDatabase(config: Config): Promise<void> {
  if (!config.demo) throw new Error('db:reset работает только в демонстрационном режиме (DEMO=true)');
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    await client.query(
      'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;',
    );
    await client.end();
  } else {
    const lock = path.join(config.dataDir, 'opora.lock');
    if (fs.existsSync(lock)) {
      throw new Error(
        `Каталог данных ${config.dataDir} занят работающим сервером: остановите его перед сбросом`,
      );
    }
    fs.rmSync(path.join(config.dataDir, 'pg'), { recursive: true, force: true });
    fs.rmSync(path.join(config.dataDir, 'files'), { recursive: true, force: true });
  }
  const database = await openDatabase(config);
  try {
    const t = Date.now();
    await loadDemo(database.db, {
      storage: (db) => makeStorage(config, { ...database, db }),
      log: (m: string) => console.log(`  ${m}`),
    });
    console.log(`Демо-данные загружены заново за ${((Date.now() - t) / 1000).toFixed(1)} с`);
  } finally {
    await database.close();
  }
}
