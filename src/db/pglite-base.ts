import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';

// A PGlite database with every migration applied, made at `npm install` by scripts/prepare-db.mjs.
// Starting from it skips initdb, which costs 6–11 s in wasm on a 2-core machine (docs/decisions/0010).
export const BASE_DUMP = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/pglite/base.tar.gz',
);

const cache = new Map<string, Promise<Blob | null>>();
const warned = new Set<string>();

/**
 * The pre-made database as an uncompressed tar, read once per process (every test opens several
 * in-memory databases). Gunzipped here with Node's zlib: PGlite's own path goes through
 * DecompressionStream and takes longer. Null, with one console line, when missing or unreadable.
 */
function baseDump(file: string): Promise<Blob | null> {
  let dump = cache.get(file);
  if (!dump) {
    dump = fs.promises.readFile(file).then(
      (gz) => new Blob([gunzipSync(gz)]),
      (e) => {
        unusable(file, e);
        return null;
      },
    );
    cache.set(file, dump);
  }
  return dump;
}

/** Says once per file why the database is created from scratch: slower, never fatal. */
function unusable(file: string, e: unknown) {
  if (warned.has(file)) return;
  warned.add(file);
  const reason =
    (e as NodeJS.ErrnoException)?.code === 'ENOENT'
      ? 'не найден'
      : `не подошёл (${e instanceof Error ? e.message : String(e)})`;
  console.log(
    `Готовый образ базы ${path.relative(process.cwd(), file)} ${reason}: создаю базу заново (initdb, на несколько ` +
      'секунд дольше). Образ делает `npm run prepare`.',
  );
}

/**
 * A PGlite database in `dir` (in memory when undefined): a new one starts from the pre-made dump,
 * an existing one is opened as it is. A dump PGlite refuses (say, made by another PGlite version
 * that `npm install` has not re-made yet) falls back to initdb.
 */
export async function createPglite(dir: string | undefined, dumpFile = BASE_DUMP): Promise<PGlite> {
  const fresh = !dir || !fs.existsSync(path.join(dir, 'PG_VERSION'));
  const dump = fresh ? await baseDump(dumpFile) : null;
  if (dump) {
    try {
      return await PGlite.create({ dataDir: dir, loadDataDir: dump });
    } catch (e) {
      unusable(dumpFile, e);
      // Half-unpacked files would look like a database to the next attempt.
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return PGlite.create({ dataDir: dir });
}

type Queries = Pick<PGlite, 'query' | 'exec'>;

/**
 * Lets the event loop run between statements at least every `everyMs` of continuous work. PGlite
 * runs postgres in wasm on this thread and resolves its promises without I/O, so a long run of
 * statements (the demo's load) would hold the loop: the server would listen but not answer
 * `/api/health` for seconds (measured: 2.6–7 s on a busy 2-core machine). Applies to the client's
 * own statements and to those of its transactions.
 */
export function yieldBetweenStatements(client: PGlite, everyMs = 25): void {
  let last = performance.now();
  const breathe = async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
  const wrap = (target: Queries) => {
    const query = target.query.bind(target);
    const exec = target.exec.bind(target);
    target.query = async (...args: Parameters<typeof query>) => {
      await breathe();
      return query(...args);
    };
    target.exec = async (...args: Parameters<typeof exec>) => {
      await breathe();
      return exec(...args);
    };
  };
  wrap(client);
  const transaction = client.transaction.bind(client);
  client.transaction = (run) =>
    transaction((tx) => {
      wrap(tx);
      return run(tx);
    });
}
