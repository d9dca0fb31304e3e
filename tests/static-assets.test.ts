import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir, staticClosure } from '../scripts/web-assets.js';
import { createApp } from '../src/api/app.js';
import { loadConfig } from '../src/config.js';
import { type Database, openPglite } from '../src/db/client.js';
import { databaseStorage } from '../src/modules/files/storage.js';

// The built UI as the server sees it: a shell, one hashed chunk with its build-time .br/.gz siblings,
// a small asset without them, and the favicon. No Vite build is needed.
const JS = `export const greeting = ${JSON.stringify('Здравствуйте! '.repeat(200))};\n`;
const SHELL =
  '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head></html>';

let database: Database;
let webDir: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), SHELL);
  fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const chunk = path.join(webDir, 'assets', 'index-AbC123.js');
  fs.writeFileSync(chunk, JS);
  fs.writeFileSync(`${chunk}.br`, zlib.brotliCompressSync(JS));
  fs.writeFileSync(`${chunk}.gz`, zlib.gzipSync(JS));
  fs.writeFileSync(path.join(webDir, 'assets', 'tiny-XyZ789.css'), 'a{}');
  database = await openPglite(null);
  app = createApp(
    {
      db: database.db,
      dbKind: database.kind,
      storage: databaseStorage(database.db),
      config: loadConfig({ DEMO: 'true' }),
      sessions: { secret: 'test-secret-test-secret', ttlHours: 1 },
    },
    { webDir },
  );
}, 60_000);

afterAll(async () => {
  await database?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.request(`http://localhost${url}`, {
    headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  });

async function decoded(res: Response): Promise<string> {
  const body = Buffer.from(await res.arrayBuffer());
  const enc = res.headers.get('content-encoding');
  if (enc === 'br') return zlib.brotliDecompressSync(body).toString('utf8');
  if (enc === 'gzip') return zlib.gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

describe('static UI', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['identity', null],
    [undefined, null],
  ])('answers Accept-Encoding %s with %s and the same JavaScript', async (accept, encoding) => {
    const res = await get('/assets/index-AbC123.js', accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers.get('content-length'))).toBe(
      encoding
        ? fs.statSync(path.join(webDir, 'assets', `index-AbC123.js.${encoding === 'br' ? 'br' : 'gz'}`)).size
        : Buffer.byteLength(JS),
    );
    expect(await decoded(res)).toBe(JS);
  });

  it('serves a small asset without a compressed sibling as is, still immutable', async () => {
    const res = await get('/assets/tiny-XyZ789.css', 'br, gzip');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('a{}');
  });

  it('does not answer a missing chunk with the shell, nor cache the miss', async () => {
    const res = await get('/assets/index-OldHash.js', 'br');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).not.toMatch(/html/);
  });

  it.each(['/', '/roadmaps/42', '/work/calendar?from=2026-01-01'])(
    'makes the browser revalidate the shell at %s',
    async (url) => {
      const res = await get(url, 'br, gzip');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(SHELL);
    },
  );

  it('keeps the favicon for a day', async () => {
    const res = await get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('keeps the security headers on static answers and no-store on the API', async () => {
    for (const url of ['/', '/assets/index-AbC123.js', '/favicon.svg']) {
      const res = await get(url, 'br');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    const api = await get('/api/nothing-here');
    expect(api.headers.get('cache-control')).toBe('no-store');
  });
});

describe('build helpers', () => {
  it('writes .br and .gz beside assets over 1 KB that decode to the same bytes, and skips small ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-assets-'));
    try {
      fs.writeFileSync(path.join(dir, 'big-1.js'), JS);
      fs.writeFileSync(path.join(dir, 'small-1.css'), 'a{}');
      fs.writeFileSync(path.join(dir, 'logo-1.png'), Buffer.alloc(4096));
      expect(await precompressDir(dir)).toBe(1);
      const big = path.join(dir, 'big-1.js');
      expect(zlib.brotliDecompressSync(fs.readFileSync(`${big}.br`)).toString('utf8')).toBe(JS);
      expect(zlib.gunzipSync(fs.readFileSync(`${big}.gz`)).toString('utf8')).toBe(JS);
      expect(fs.readdirSync(dir).sort()).toEqual([
        'big-1.js',
        'big-1.js.br',
        'big-1.js.gz',
        'logo-1.png',
        'small-1.css',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts for a page its chunk, the static imports and their CSS, not the lazy ones', () => {
    const manifest = {
      'main.tsx': { file: 'assets/main.js', css: ['assets/main.css'], imports: ['_vendor'], isEntry: true },
      _vendor: { file: 'assets/vendor.js', imports: ['main.tsx'] },
      'pages/dashboard-page.tsx': { file: 'assets/dash.js', imports: ['_grid', '_vendor'] },
      _grid: { file: 'assets/grid.js', css: ['assets/grid.css'] },
      'pages/school-card-page.tsx': { file: 'assets/charts.js' },
    };
    expect(staticClosure(manifest, ['main.tsx']).sort()).toEqual([
      'assets/main.css',
      'assets/main.js',
      'assets/vendor.js',
    ]);
    expect(staticClosure(manifest, ['main.tsx', 'pages/dashboard-page.tsx'])).toHaveLength(6);
  });
});
