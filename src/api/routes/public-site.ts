import type { Context } from 'hono';
import { attachmentDisposition } from '../../modules/files/save-file.js';
import { publishedPracticeFile } from '../../modules/practices/public-practices.js';
import { EMBED_FRAME_JS, EMBED_JS, embedBlock } from '../../modules/public-site/embed.js';
import {
  buildDataset,
  DATASETS,
  type DatasetKey,
  datasetCsv,
  passportCsv,
} from '../../modules/public-site/opendata.js';
import { openDataPage, unitPassports } from '../../modules/public-site/opendata-page.js';
import { homePage, notFoundPage, type Rendered, unitPage } from '../../modules/public-site/pages.js';
import { practicePage, practicesPage } from '../../modules/public-site/practices-page.js';
import { pickVersion, publicationPage } from '../../modules/public-site/publication-page.js';
import { publicationFile, unitById, versionsOf } from '../../modules/public-site/queries.js';
import { robotsTxt, sitemapXml } from '../../modules/public-site/sitemap.js';
import { CSS_HASH, SITE_CSS } from '../../modules/public-site/style.js';
import { parseViewMode } from '../../modules/public-site/view-mode.js';
import type { App, Deps } from '../context.js';
import { HTML, IMMUTABLE_CACHE, publicAnswer } from '../public-answers.js';

// The public site without login (helper «public-site», issue 15 §1): server-rendered pages under /public,
// the embeddable block, open data, robots.txt and sitemap.xml. Reads only publications, units' names and
// published practices; no session is read (sessionLoader runs on /api only) and no cookie is set.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';

export function publicSiteRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const origin = deps.config.publicUrl;
  const view = (c: Context) => parseViewMode(c.req.query('vi'));
  const page = (c: Context, r: Rendered) => publicAnswer(c, r.html, { status: r.status, type: HTML });
  const notFound = async (c: Context) => page(c, await notFoundPage(view(c), c.req.path));
  const js = (c: Context, body: string) =>
    publicAnswer(c, body, { type: 'text/javascript; charset=utf-8', framable: true });

  app.get('/robots.txt', (c) => publicAnswer(c, robotsTxt(origin), { type: 'text/plain; charset=utf-8' }));
  app.get('/sitemap.xml', async (c) =>
    publicAnswer(c, await sitemapXml(db, origin), { type: 'application/xml; charset=utf-8' }),
  );
  app.get('/public/assets/:file', (c) =>
    c.req.param('file') === `site.${CSS_HASH}.css`
      ? publicAnswer(c, SITE_CSS, { type: 'text/css; charset=utf-8', cache: IMMUTABLE_CACHE, framable: true })
      : notFound(c),
  );
  app.get('/public/embed.js', (c) => js(c, EMBED_JS));
  app.get('/public/embed-frame.js', (c) => js(c, EMBED_FRAME_JS));

  app.get('/public', async (c) => page(c, await homePage(db, view(c))));
  app.get('/public/u/:id', async (c) => {
    const id = c.req.param('id');
    const r = UUID.test(id) ? await unitPage(db, id, view(c), origin) : null;
    return r ? page(c, r) : notFound(c);
  });

  app.get('/public/u/:id/opendata', async (c) => {
    const id = c.req.param('id');
    const unit = UUID.test(id) ? await unitById(db, id) : null;
    return unit ? page(c, await openDataPage(db, unit, view(c), origin)) : notFound(c);
  });
  app.get('/public/u/:id/opendata/:file', async (c) => {
    const id = c.req.param('id');
    const unit = UUID.test(id) ? await unitById(db, id) : null;
    const m = /^(lists|execution|passport)\.(csv|json)$/.exec(c.req.param('file'));
    if (!unit || !m) return notFound(c);
    const [, name, ext] = m;
    const download = { 'Content-Disposition': attachmentDisposition(`${name}.${ext}`) };
    if (name === 'passport') {
      const passports = await unitPassports(db, unit, origin);
      return ext === 'csv'
        ? publicAnswer(c, passportCsv(passports), { type: CSV_TYPE, extra: download })
        : publicAnswer(c, JSON.stringify({ datasets: passports }, null, 2), { type: JSON_TYPE });
    }
    const key = name as DatasetKey;
    if (!DATASETS.includes(key)) return notFound(c);
    const ds = await buildDataset(db, unit, key);
    return ext === 'csv'
      ? publicAnswer(c, datasetCsv(key, ds), { type: CSV_TYPE, extra: download })
      : publicAnswer(c, JSON.stringify(ds.rows, null, 2), { type: JSON_TYPE });
  });

  app.get('/public/p/:name', async (c) => {
    const m = /^([0-9a-f-]{36})(?:\.(docx|pdf))?$/.exec(c.req.param('name'));
    const id = m?.[1];
    if (!m || !id || !UUID.test(id)) return notFound(c);
    const ext = m[2];
    if (!ext) return page(c, await publicationPage(db, id, null, view(c)));
    // A file of the current version only: a withdrawn or unknown object has none.
    const picked = pickVersion(await versionsOf(db, id), null);
    if (!picked) return notFound(c);
    if ('gone' in picked) return page(c, await publicationPage(db, id, null, view(c)));
    const fileId = ext === 'docx' ? picked.row.docxFileId : picked.row.pdfFileId;
    const f = fileId ? await publicationFile(db, fileId) : null;
    const data = f ? await deps.storage.get(f.storageKey) : null;
    if (!f || !data) return notFound(c);
    return publicAnswer(c, data, {
      type: f.mime,
      extra: { 'Content-Disposition': attachmentDisposition(`${picked.row.title}.${ext}`) },
    });
  });
  app.get('/public/p/:id/v/:n', async (c) => {
    const id = c.req.param('id');
    const n = Number(c.req.param('n'));
    if (!UUID.test(id) || !Number.isInteger(n) || n < 1 || n > 100_000) return notFound(c);
    return page(c, await publicationPage(db, id, n, view(c)));
  });

  app.get('/public/practices', async (c) => {
    const q = c.req.query();
    const query = { unit: q.unit, risk: q.risk, subject: q.subject, level: q.level, q: q.q };
    return page(c, await practicesPage(db, query, view(c)));
  });
  app.get('/public/practices/:id', async (c) => page(c, await practicePage(db, c.req.param('id'), view(c))));
  // A material of a published practice (the links of publicPracticeView.materials).
  app.get('/public/practices/:id/files/:fileId', async (c) => {
    const row = await publishedPracticeFile(db, c.req.param('id'), c.req.param('fileId'));
    const data = row ? await deps.storage.get(row.file.storageKey) : null;
    if (!row || !data) return notFound(c);
    return publicAnswer(c, data, {
      type: row.file.mime,
      extra: { 'Content-Disposition': attachmentDisposition(row.file.name) },
    });
  });

  app.get('/public/embed/:id', async (c) => {
    const id = c.req.param('id');
    const html = UUID.test(id) ? await embedBlock(db, id) : null;
    return html ? publicAnswer(c, html, { type: HTML, framable: true }) : notFound(c);
  });

  app.get('/public/*', notFound);
}
