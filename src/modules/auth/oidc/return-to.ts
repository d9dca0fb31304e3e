// Where to go after a sign-in: only a path inside Opora. Anything else — an absolute address, a
// protocol-relative «//evil.example», a backslash that browsers read as a slash — falls back to the start.

const BASE = 'http://opora.invalid';

export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 1000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  // The API and the sign-in itself are no pages to land on.
  if (url.pathname.startsWith('/api/') || url.pathname === '/login') return '/';
  return url.pathname + url.search + url.hash;
}
