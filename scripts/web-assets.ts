/**
 * Build-time helpers for the UI bundle: precompressed siblings of the hashed assets (served as is by
 * serveStatic's `precompressed`) and a size report of what the first pages download.
 * Used as Vite plugins from vite.config.ts; `npx tsx scripts/web-assets.ts [dist/web]` prints the report alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { countLabel } from '../src/lib/plural.js';

const files = (n: number) => countLabel(n, ['файл', 'файла', 'файлов']);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const COMPRESSIBLE = /\.(?:js|mjs|css|svg|html|json|txt|map)$/;
// Below this the encoding header costs about as much as it saves.
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f));
}

export async function precompressDir(dir: string): Promise<number> {
  const files = filesUnder(dir).filter((f) => COMPRESSIBLE.test(f) && fs.statSync(f).size >= MIN_BYTES);
  await Promise.all(
    files.map(async (f) => {
      const raw = await fs.promises.readFile(f);
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          },
        }),
        gzip(raw, { level: 9 }),
      ]);
      await Promise.all([fs.promises.writeFile(`${f}.br`, br), fs.promises.writeFile(`${f}.gz`, gz)]);
    }),
  );
  return files.length;
}

type ManifestEntry = { file: string; css?: string[]; imports?: string[]; isEntry?: boolean };
type Manifest = Record<string, ManifestEntry>;
type Sizes = { raw: number; gzip: number; br: number };

/** The files a page loads before it can render: the chunk, its static imports, and their CSS. */
export function staticClosure(manifest: Manifest, keys: string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const e = manifest[key];
    if (!e || seen.has(key)) return;
    seen.add(key);
    files.add(e.file);
    for (const c of e.css ?? []) files.add(c);
    for (const i of e.imports ?? []) visit(i);
  };
  for (const k of keys) visit(k);
  return [...files];
}

function sizesOf(dir: string, file: string): Sizes {
  const full = path.join(dir, file);
  const raw = fs.readFileSync(full);
  const size = (ext: string, make: () => Buffer) =>
    fs.existsSync(full + ext) ? fs.statSync(full + ext).size : make().length;
  return {
    raw: raw.length,
    gzip: size('.gz', () => zlib.gzipSync(raw, { level: 9 })),
    br: size('.br', () => zlib.brotliCompressSync(raw)),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const sum = (list: Sizes[]): Sizes =>
  list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, br: a.br + s.br }), {
    raw: 0,
    gzip: 0,
    br: 0,
  });

// The start page after login; its chunk is loaded together with the entry's closure.
const FIRST_PAGE = 'pages/dashboard-page.tsx';

export function bundleReport(dir: string): string {
  const manifestPath = path.join(dir, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestPath)) return `Нет ${manifestPath}: отчёт о сборке не составлен`;
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  const all = new Set(Object.values(manifest).flatMap((e) => [e.file, ...(e.css ?? [])]));
  const sizes = new Map([...all].map((f) => [f, sizesOf(dir, f)]));
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const row = (name: string, s: Sizes) => `${name.padEnd(52)}${kb(s.raw)}${kb(s.gzip)}${kb(s.br)}`;
  const total = (files: string[]) => sum(files.map((f) => sizes.get(f) ?? { raw: 0, gzip: 0, br: 0 }));
  const login = staticClosure(manifest, entries);
  const first = staticClosure(manifest, [...entries, FIRST_PAGE]);
  const lines = [
    '',
    `${'Файл'.padEnd(52)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`,
    ...[...sizes]
      .sort((a, b) => b[1].raw - a[1].raw)
      .map(([f, s]) => row(`${login.includes(f) ? '* ' : first.includes(f) ? '+ ' : '  '}${f}`, s)),
    row(`= всё (${files(sizes.size)})`, total([...all])),
    row(`= вход, * (${files(login.length)})`, total(login)),
    row(`= рабочий стол после входа, * и + (${files(first.length)})`, total(first)),
  ];
  return lines.join('\n');
}

/** Vite plugin: precompress every asset, then print the report (after all files are written). */
export function webAssets(outDir: string) {
  // Vite's own logger, so that `vite build --logLevel warn` (as `npm start` builds) stays quiet.
  let info = (msg: string) => console.log(msg);
  return {
    name: 'opora-web-assets',
    apply: 'build' as const,
    configResolved(config: { logger: { info: (msg: string) => void } }) {
      info = (msg) => config.logger.info(msg);
    },
    async closeBundle() {
      await precompressDir(path.join(outDir, 'assets'));
      info(bundleReport(outDir));
    },
  };
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  console.log(bundleReport(process.argv[2] ?? 'dist/web'));
}
