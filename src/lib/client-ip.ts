import { BlockList, isIP } from 'node:net';

/** Parses `TRUSTED_PROXIES` entries (addresses or CIDR ranges); returns the first bad entry's problem. */
export function proxyEntryProblem(entry: string): string | null {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return `«${entry}» — не IP-адрес и не подсеть`;
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  const max = family === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefix) || bits > max) return `«${entry}» — неверная длина префикса`;
  return null;
}

const lists = new WeakMap<readonly string[], BlockList>();

function trustList(entries: readonly string[]): BlockList {
  let list = lists.get(entries);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
    lists.set(entries, list);
  }
  return list;
}

// An IPv4 peer on a dual-stack socket is reported as ::ffff:a.b.c.d.
function normalize(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m?.[1] ?? address;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Whether the socket peer is one of the trusted proxies (whose X-Forwarded-* and X-Request-Id count). */
export function isTrustedProxy(peer: string | undefined, trustedProxies: readonly string[]): boolean {
  return !!peer && trustedProxies.length > 0 && trusted(trustList(trustedProxies), normalize(peer));
}

/**
 * The client address: the socket peer, unless the peer is a trusted proxy; then X-Forwarded-For is
 * read from the right (each proxy appends the address it saw) and the first untrusted address wins.
 * Anything left of it was written by the client and proves nothing.
 */
export function resolveClientIp(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  if (!peer) return 'unknown';
  let client = normalize(peer);
  const list = trustList(trustedProxies);
  if (!forwardedFor || !trusted(list, client)) return client;
  const hops = forwardedFor.split(',').map((h) => normalize(h.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    // A malformed entry cannot be the client: the last proxy we trust is the best we know.
    if (!isIP(hop)) return client;
    client = hop;
    if (!trusted(list, hop)) return hop;
  }
  return client;
}
