/**
 * Runs `fn` over `items` with at most `limit` calls in flight (results in the order of `items`). The
 * sweeps over every endpoint (fuzz, pupils' privacy) send independent requests to one in-process app:
 * one after another they leave the second core and PostgreSQL's pool idle.
 */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
