import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { users } from '../src/db/schema/auth.js';
import { files } from '../src/db/schema/files.js';
import { staffMembers } from '../src/db/schema/people.js';
import { practiceFiles, practices } from '../src/db/schema/practices.js';
import { publications } from '../src/db/schema/publication.js';
import { pupilRecords } from '../src/db/schema/pupils.js';
import { items } from '../src/db/schema/roadmaps.js';
import { databaseStorage } from '../src/modules/files/storage.js';
import { decryptPersonal } from '../src/modules/pupils/pupil-crypto.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';
import { type PublicFixture, publishDemoSample } from './helpers/public-site-fixture.js';

// The public site without login (issue 15 §1) over the demo with a few publications: every page reached
// from /public and the sitemap is crawled, and none shows a draft, an unpublished or withdrawn title, a
// pupil's name or a user's full name; headers, 304, 404/410, versions, downloads, the embed block, open
// data and the version for the visually impaired.

/** The text of a DOCX; the fixture's own stand-in files are not ZIPs and are searched as they are. */
const docxText = (bytes: Uint8Array) => {
  try {
    return strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array()).replace(/<[^>]+>/g, '');
  } catch {
    return strFromU8(bytes);
  }
};

const DRAFT_PRACTICE = 'Черновик практики, который нельзя показывать (демо)';

describe.each(DB_KINDS)('public site on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let f: PublicFixture;
  let secrets: string[] = [];
  let materials = { published: '', draft: '' };
  const pages = new Map<string, { status: number; body: string; headers: Headers }>();

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.request(`http://localhost${url}`, { headers });

  beforeAll(async () => {
    database = await demoDatabase(kind);
    const { db } = database;
    f = await publishDemoSample(db, databaseStorage(db));
    const [draft] = await db
      .insert(practices)
      .values({ authorUnitId: f.region.id, year: 2025, title: DRAFT_PRACTICE, status: 'draft' })
      .returning();
    // A material of a published practice is served; one of a draft is not (see the test below).
    const material = async (practiceId: string, body: string) => {
      const key = `test/${practiceId}`;
      await databaseStorage(db).put(key, Buffer.from(body));
      const [file] = await db
        .insert(files)
        .values({ storageKey: key, name: 'материал.txt', mime: 'text/plain', size: body.length, sha256: 'x' })
        .returning();
      const [pf] = await db
        .insert(practiceFiles)
        .values({ practiceId, fileId: file?.id ?? '', title: 'Материал' })
        .returning();
      return `/public/practices/${practiceId}/files/${pf?.id}`;
    };
    const [published] = await db.select().from(practices).where(eq(practices.status, 'published')).limit(1);
    materials = {
      published: await material(published?.id ?? '', 'опубликованный материал'),
      draft: await material(draft?.id ?? '', 'материал черновика'),
    };
    t = testApp(database);
    const pupils = (await db.select().from(pupilRecords)).map((r) => decryptPersonal(r.nameEnc));
    const people = (await db.select({ n: users.fullName }).from(users)).map((u) => u.n);
    const staff = (await db.select().from(staffMembers)).map((m) => `${m.lastName} ${m.firstName}`);
    const publishedText = JSON.stringify(await db.select().from(publications));
    // A title shared with something published (two roadmaps may be named alike) is not a secret.
    const unpublished = f.unpublishedTitles.filter((s) => s.length >= 12 && !publishedText.includes(s));
    secrets = [...pupils, ...people, ...staff, ...unpublished, f.withdrawn.title, DRAFT_PRACTICE];
    expect(pupils.length).toBeGreaterThan(50);
    expect(unpublished.length).toBeGreaterThan(3);

    // Crawl: every link under /public from the region list and the sitemap; files only by bytes.
    const sitemap = await (await get('/sitemap.xml')).text();
    const queue = [
      '/public',
      ...[...sitemap.matchAll(/<loc>https?:\/\/[^/]+([^<]+)<\/loc>/g)].map((m) => m[1] ?? ''),
    ];
    while (queue.length > 0) {
      const url = queue.shift() ?? '';
      if (pages.has(url) || /\.pdf$/.test(url)) continue;
      const res = await get(url);
      // A DOCX is searched by its text like a page (a PDF's text is compressed: its bytes are checked below).
      const body =
        url.endsWith('.docx') && res.ok
          ? docxText(new Uint8Array(await res.arrayBuffer()))
          : await res.text();
      pages.set(url, { status: res.status, body, headers: res.headers });
      for (const m of body.matchAll(/href="([^"#]+)"/g)) {
        const href = (m[1] ?? '').replace(/&amp;/g, '&');
        if (href.startsWith('/public') && !pages.has(href)) queue.push(href);
      }
    }
  }, 600_000);
  afterAll(async () => database?.close());

  it('crawls the region, a municipality, a school, publications, versions, open data and both versions', () => {
    const urls = [...pages.keys()];
    expect(urls).toContain(`/public/u/${f.region.id}`);
    expect(urls).toContain(`/public/p/${f.regionalPub.objectId}`);
    expect(urls).toContain(`/public/p/${f.municipalPub.objectId}/v/1`);
    expect(urls).toContain(`/public/u/${f.region.id}/opendata`);
    expect(urls.some((u) => u.includes('vi=l-bw'))).toBe(true);
    expect(urls.some((u) => u.includes('vi=xl-wb'))).toBe(true);
    expect(pages.size).toBeGreaterThan(20);
    for (const [url, p] of pages) expect(p.status, url).toBe(200);
  });

  it('no page shows a draft, an unpublished or withdrawn title, a pupil or a user', () => {
    const leaks = [...pages].flatMap(([url, p]) =>
      secrets.filter((s) => p.body.includes(s)).map((s) => `${url}: ${s}`),
    );
    expect(leaks).toEqual([]);
    // The search works: the published titles are there.
    const all = [...pages.values()].map((p) => p.body).join('\n');
    expect(all).toContain(f.regionalPub.title);
    expect(all).toContain(f.municipalPub.title);
  });

  it('answers cacheable, script-free and unframable pages with no cookie; 304 on If-None-Match', async () => {
    const res = await get(`/public/p/${f.regionalPub.objectId}`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('set-cookie')).toBeNull();
    const body = await res.text();
    expect(body).not.toContain('<script');
    expect(body).toMatch(/^<!doctype html><html lang="ru">/);
    const etag = res.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await get(`/public/p/${f.regionalPub.objectId}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('shows the roadmap as the order’s appendix with live status, which changes the page and its ETag', async () => {
    const url = `/public/p/${f.regionalPub.objectId}`;
    const first = await get(url);
    const body = await first.text();
    for (const col of ['№', 'Мероприятие', 'Сроки', 'Ответственные', 'Показатель', 'Результат', 'Исполнение'])
      expect(body).toContain(`<th scope="col">${col}</th>`);
    expect(body).toContain('Скачать DOCX');
    const snap = f.regionalPub.snapshot as { sections: { items: { itemId: string }[] }[] };
    const itemId = snap.sections.flatMap((s) => s.items)[0]?.itemId ?? '';
    await database.db.update(items).set({ status: 'not_done' }).where(eq(items.id, itemId));
    const second = await get(url, { 'if-none-match': first.headers.get('etag') ?? '' });
    expect(second.status).toBe(200);
    expect(await second.text()).toContain('не выполнено');
  });

  it('marks an earlier version, answers 410 for a withdrawn object and 404 for an unknown one', async () => {
    const v1 = await (await get(`/public/p/${f.municipalPub.objectId}/v/1`)).text();
    expect(v1).toMatch(/Версия 1 от \d{2}\.\d{2}\.\d{4}, действует версия 2/);
    const gone = await get(`/public/p/${f.withdrawn.objectId}`);
    expect(gone.status).toBe(410);
    const text = await gone.text();
    expect(text).toMatch(/Документ снят с публикации \d{2}\.\d{2}\.\d{4}/);
    expect(text).not.toContain(f.withdrawn.title);
    expect((await get(`/public/p/${f.withdrawn.objectId}.docx`)).status).toBe(410);
    expect((await get('/public/p/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get('/public/u/not-a-unit')).status).toBe(404);
    expect((await get('/public/nothing/here')).status).toBe(404);
  });

  it('downloads the stored files with a Russian file name', async () => {
    const res = await get(`/public/p/${f.regionalPub.objectId}.docx`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(f.docx)).toBe(true);
    const cd = res.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(cd.split("UTF-8''")[1] ?? '')).toContain(f.regionalPub.title.slice(0, 20));
    const pdf = await get(`/public/p/${f.regionalPub.objectId}.pdf`);
    expect(Buffer.from(await pdf.arrayBuffer()).equals(f.pdf)).toBe(true);
    expect((await get(`/public/p/${f.municipalPub.objectId}.pdf`)).status).toBe(404);
  });

  it('shows a list by counts per municipality only', async () => {
    const body = await (await get(`/public/p/${f.listPub.objectId}`)).text();
    expect(body).toContain('Число школ по муниципалитетам');
    expect(body).not.toContain('Школы списка');
  });

  it('keeps the version for the visually impaired in every link and offers the way back', async () => {
    const body = await (await get(`/public/u/${f.region.id}?vi=xl-wb`)).text();
    expect(body).toContain('class="vi vi-xl vi-wb"');
    expect(body).toContain('Обычная версия');
    const links = [...body.matchAll(/href="(\/public[^"]*)"/g)].map((m) => m[1] ?? '');
    const kept = links.filter((h) => h.includes('vi='));
    expect(kept.length).toBeGreaterThan(links.length - 3);
  });

  it('serves the embed block framable by any origin, and the script that inserts it', async () => {
    const res = await get(`/public/embed/${f.region.id}`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const body = await res.text();
    expect(body).toContain(f.regionalPub.title);
    expect(body).toContain('target="_blank"');
    const js = await get('/public/embed.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('/public/embed/');
  });

  it('exports open data: CSV for Excel, JSON and the passport', async () => {
    const base = `/public/u/${f.region.id}/opendata`;
    const bytes = Buffer.from(await (await get(`${base}/execution.csv`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    const csv = bytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFForganization;roadmap;section;number;title;deadline;status;done_date',
    );
    expect(csv).toContain(f.regionalPub.title);
    expect(csv).not.toContain(f.municipalPub.title); // published without execution
    const lists = (await (await get(`${base}/lists.json`)).json()) as {
      schools_count: number;
      schools: string;
    }[];
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((r) => r.schools === '')).toBe(true);
    const passport = (await (await get(`${base}/passport.json`)).json()) as {
      datasets: Record<string, unknown>[];
    };
    expect(passport.datasets.map((d) => d.identifier)).toEqual([
      `opora-${f.region.id}-lists`,
      `opora-${f.region.id}-execution`,
    ]);
    for (const key of [
      'title',
      'description',
      'owner',
      'responsible',
      'format',
      'structure',
      'firstPublished',
      'lastModified',
      'relevantOn',
      'keywords',
    ])
      expect(passport.datasets[0], key).toHaveProperty(key);
    expect((await get(`${base}/passport.csv`)).status).toBe(200);
  });

  it('lets search engines in to /public only, with a sitemap', async () => {
    const robots = await (await get('/robots.txt')).text();
    expect(robots).toContain('Allow: /public');
    expect(robots).toContain('Disallow: /api');
    const sitemap = await (await get('/sitemap.xml')).text();
    expect(sitemap).toContain(`/public/p/${f.regionalPub.objectId}</loc>`);
    expect(sitemap).not.toContain(f.withdrawn.objectId);
  });

  it('serves the materials of a published practice and not of a draft', async () => {
    const ok = await get(materials.published);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('опубликованный материал');
    expect((await get(materials.draft)).status).toBe(404);
  });
});
