import type { Db } from '../../db/client.js';
import { sitemapEntries, unitsInSitemap } from './queries.js';

// For search engines (issue 15 §1): the public site is open to indexing, the application and its API
// are not; the sitemap lists the region list, every unit with something published below it, and every
// current publication.

export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /public',
    'Disallow: /api',
    'Disallow: /',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch] ?? ch,
  );

export async function sitemapXml(db: Db, origin: string): Promise<string> {
  const [units, pubs] = await Promise.all([unitsInSitemap(db), sitemapEntries(db)]);
  const urls = [
    { loc: `${origin}/public`, lastmod: null as string | null },
    { loc: `${origin}/public/practices`, lastmod: null },
    ...units.map((u) => ({ loc: `${origin}/public/u/${u.id}`, lastmod: null })),
    ...pubs.map((p) => ({ loc: `${origin}/public/p/${p.objectId}`, lastmod: p.publishedAt.slice(0, 10) })),
  ];
  const body = urls
    .map(
      (u) => `<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}
