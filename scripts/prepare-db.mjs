// Makes the pre-made embedded database: a PGlite database with every migration applied, saved with
// dumpDataDir() to dist/pglite/base.tar.gz. `openPglite` starts new databases (the first `npm start`,
// every in-memory test database) from it instead of running initdb (docs/decisions/0010-start-in-seconds.md).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { root } from './build-web.mjs';

export const dumpFile = path.join(root, 'dist/pglite/base.tar.gz');
const seconds = (ms) => (ms / 1000).toFixed(1).replace('.', ',');

/** Resolves to 0 on success, 1 (with a Russian message) on failure. */
export async function buildDbBase() {
  const started = Date.now();
  console.log('Готовлю образ встроенной базы (dist/pglite)…');
  const tick = setInterval(() => console.log(`  образ базы: ${seconds(Date.now() - started)} с`), 3000);
  try {
    const client = await PGlite.create();
    await migrate(drizzle(client), { migrationsFolder: path.join(root, 'drizzle') });
    const dump = await client.dumpDataDir('gzip');
    await client.close();
    fs.mkdirSync(path.dirname(dumpFile), { recursive: true });
    // Written beside and renamed: a start running meanwhile never reads half a file.
    const tmp = `${dumpFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, dumpFile);
    console.log(`Образ встроенной базы готов за ${seconds(Date.now() - started)} с`);
    return 0;
  } catch (e) {
    console.error(
      `Не удалось подготовить образ встроенной базы: ${e?.message ?? e}. Опора запустится и без него ` +
        '(первый запуск на несколько секунд дольше); повторить: npm run prepare.',
    );
    return 1;
  } finally {
    clearInterval(tick);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await buildDbBase();
}
