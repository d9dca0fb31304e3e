import { openPglite } from '../src/db/client.js';
import { loadDemo } from '../src/modules/demo/load-demo.js';
import { databaseStorage } from '../src/modules/files/storage.js';
import { testApp } from '../tests/helpers/api.js';
import { publishDemoSample } from '../tests/helpers/public-site-fixture.js';

// Server time of the public site (issue 15 §1, target ≤ 100 ms a page) on the demo (PGlite, in process,
// no socket) with the test sample of publications: each page type, the median and max of RUNS calls,
// beside a baseline measured in the same run — GET /api/health, the plainest route. Also the size of
// each page. Prints figures only. `npx tsx bench/public-site.ts`.

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function main() {
  const database = await openPglite(null);
  const t0 = performance.now();
  await loadDemo(database.db, { storage: databaseStorage });
  const f = await publishDemoSample(database.db, databaseStorage(database.db));
  console.log(`демо загружено за ${((performance.now() - t0) / 1000).toFixed(1)} с`);
  const { app } = testApp(database);
  const roadmapId = f.regionalPub.objectId;
  const urls: [string, string][] = [
    ['базовая линия: /api/health', '/api/health'],
    ['регионы', '/public'],
    ['регион', `/public/u/${f.region.id}`],
    ['регион, версия для слабовидящих', `/public/u/${f.region.id}?vi=xl-wb`],
    ['дорожная карта с исполнением', `/public/p/${roadmapId}`],
    ['прежняя версия', `/public/p/${f.municipalPub.objectId}/v/1`],
    ['список', `/public/p/${f.listPub.objectId}`],
    ['снятая (410)', `/public/p/${f.withdrawn.objectId}`],
    ['открытые данные', `/public/u/${f.region.id}/opendata`],
    ['исполнение CSV', `/public/u/${f.region.id}/opendata/execution.csv`],
    ['паспорт JSON', `/public/u/${f.region.id}/opendata/passport.json`],
    ['встраиваемый блок', `/public/embed/${f.region.id}`],
    ['банк практик', '/public/practices'],
    ['sitemap.xml', '/sitemap.xml'],
    ['DOCX', `/public/p/${roadmapId}.docx`],
  ];
  console.log('страница | медиана, мс | максимум, мс | размер, КБ | статус');
  for (const [label, url] of urls) {
    const times: number[] = [];
    let size = 0;
    let status = 0;
    for (let i = 0; i < RUNS + 2; i++) {
      const start = performance.now();
      const res = await app.request(`http://localhost${url}`);
      const body = await res.arrayBuffer();
      // The first two calls warm the code paths up and are not counted.
      if (i >= 2) times.push(performance.now() - start);
      size = body.byteLength;
      status = res.status;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const max = times.at(-1) ?? 0;
    console.log(
      `${label} | ${median.toFixed(1)} | ${max.toFixed(1)} | ${(size / 1024).toFixed(1)} | ${status}`,
    );
  }
  await database.close();
}

await main();
