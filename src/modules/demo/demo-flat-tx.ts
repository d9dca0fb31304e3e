import type { Db } from '../../db/client.js';

/**
 * The demo's transaction handle on which the domain operations' own transactions join it instead of
 * opening a savepoint each. A savepoint is there so that a caller may catch an operation's failure
 * and go on; the demo never does (any failure rolls the whole load back), and the savepoint and its
 * release were a quarter of the demo's statements: 3 100 of 12 200, ≈ 2.4 s on PGlite
 * (docs/decisions/0010-start-in-seconds.md). The operations and their SQL are otherwise the same.
 */
export function withoutSavepoints(tx: Db): Db {
  const flat: Db = new Proxy(tx, {
    get(target, prop) {
      if (prop === 'transaction') return <T>(run: (inner: Db) => Promise<T>) => run(flat);
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return flat;
}
