import type { PGlite } from '@electric-sql/pglite';
import { Placeholder, type SQL } from 'drizzle-orm';
import { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Db } from './client.js';

// A hot read written once as SQL and planned once by the database, on both drivers.
// - PostgreSQL (node-postgres): drizzle's .prepare(name) sends a named statement, parsed and planned
//   once per pooled connection.
// - PGlite: drizzle's prepared query is an unnamed statement that the WebAssembly server parses and
//   plans on every call; for the roadmap card that was 10–20 ms of 20–30. So the statement is
//   PREPAREd once per PGlite client and run with EXECUTE and literal arguments (PGlite cannot bind
//   parameters to EXECUTE). Literals are written by `literal` below: strings, numbers, booleans and
//   arrays of strings only, quoted by the rules of standard_conforming_strings (on by default).
// See docs/decisions/0011-cheap-reads.md.

type Fields = Record<string, SQL>;
type RowOf<F extends Fields> = { [K in keyof F]: F[K] extends SQL<infer T> ? T : never };
export type Params = Record<string, string | number | boolean | null | string[]>;

const pgliteStatements = new WeakMap<PGlite, Map<string, Promise<void>>>();

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('prepared read: a number argument must be finite');
    return String(v);
  }
  if (typeof v === 'string') {
    if (v.includes('\0')) throw new Error('prepared read: a text argument holds a NUL character');
    return `'${v.replaceAll("'", "''")}'`;
  }
  if (Array.isArray(v)) {
    const items = v.map((x) => {
      if (typeof x !== 'string') throw new Error('prepared read: only arrays of text are supported');
      return `"${x.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    });
    return literal(`{${items.join(',')}}`);
  }
  throw new Error(`prepared read: unsupported argument ${typeof v}`);
}

function pgliteRunner<F extends Fields>(
  db: PgliteDatabase & { $client: PGlite },
  name: string,
  fields: F,
  from: SQL,
) {
  const client = db.$client;
  const { sql: text, params } = db.select(fields).from(from).toSQL();
  const keys = Object.keys(fields);
  return async (values: Params): Promise<RowOf<F>[]> => {
    let known = pgliteStatements.get(client);
    if (!known) {
      known = new Map();
      pgliteStatements.set(client, known);
    }
    let ready = known.get(name);
    if (!ready) {
      const map = known;
      ready = client.exec(`prepare ${name} as ${text}`).then(
        () => {},
        (e: unknown) => {
          map.delete(name); // a failed PREPARE is retried by the next call, not remembered
          throw e;
        },
      );
      known.set(name, ready);
    }
    await ready;
    const args = params.map((p) => literal(p instanceof Placeholder ? values[p.name] : p));
    // EXECUTE of a statement without parameters takes no parentheses at all.
    const call = args.length ? `execute ${name}(${args.join(', ')})` : `execute ${name}`;
    const res = await client.query<unknown[]>(call, [], {
      rowMode: 'array',
    });
    return res.rows.map((r: unknown[]) => Object.fromEntries(keys.map((k, i) => [k, r[i]])) as RowOf<F>);
  };
}

/**
 * `select <fields> from <from>` with `sql.placeholder(...)` values, prepared per database handle.
 * Fields are plain SQL expressions (no drizzle columns), returned as the driver gives them.
 */
export function preparedRead<F extends Fields>(name: string, fields: F, from: SQL) {
  const runners = new WeakMap<Db, (values: Params) => Promise<RowOf<F>[]>>();
  return (db: Db, values: Params): Promise<RowOf<F>[]> => {
    let run = runners.get(db);
    if (!run) {
      if (db instanceof PgliteDatabase)
        run = pgliteRunner(db as PgliteDatabase & { $client: PGlite }, name, fields, from);
      else {
        const q = db.select(fields).from(from).prepare(name);
        run = (values) => q.execute(values) as Promise<RowOf<F>[]>;
      }
      runners.set(db, run);
    }
    return run(values);
  };
}
