import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { closeParsePools } from '../src/modules/files/parse-pool.js';
import { testApp } from './helpers/api.js';
import { freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';
import { csvBombPackage, docxBomb, manyRowsWorkbook } from './helpers/hostile-files.js';
import { flateBombPdf, manyTextItemsPdf } from './helpers/hostile-pdfs.js';

// One hostile upload per import route, through the real app: a clear Russian 400/413, not a 500 and not
// a stalled server. The files are under testApp's upload limit (2 MB).

describe('hostile uploads over HTTP', () => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    await buildRegion(database.db);
    t = testApp(database);
    for (const login of ['region', 'admin']) cookies[login] = await t.login(login, 'password-123');
  }, 120_000);
  afterAll(async () => {
    await closeParsePools();
    await database.close();
  });

  const upload = async (login: string, url: string, file: Buffer, name: string) => {
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const body = new FormData();
    body.append('file', new File([new Uint8Array(file)], name));
    const res = await t.call('POST', url, {
      cookie: cookies[login],
      body,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    return {
      status: res.status,
      error: ((await res.json()) as { error?: { code: string; message: string } }).error,
    };
  };

  it('roadmap parse: a .docx bomb and a workbook of many rows', async () => {
    const bomb = await upload('region', '/api/roadmap-imports/parse', docxBomb(1024), 'plan.docx');
    expect(bomb.status).toBe(400);
    expect(bomb.error?.message).toMatch(/не совпадает с заявленным/);
    const rows = await upload(
      'region',
      '/api/roadmap-imports/parse',
      manyRowsWorkbook(1, 30_000),
      'plan.xlsx',
    );
    expect(rows).toEqual({
      status: 413,
      error: {
        code: 'TOO_LARGE',
        message: 'В книге слишком много строк (больше 10\u00a0000): разделите её на несколько файлов',
      },
    });
  });

  it('roadmap parse: a PDF stream bomb and a PDF of 250 000 pieces of text', async () => {
    const bomb = await upload('region', '/api/roadmap-imports/parse', flateBombPdf(), 'plan.pdf');
    expect(bomb.status).toBe(400);
    expect(bomb.error?.message).toMatch(/^PDF слишком большой для импорта: в нём сжатый поток/);
    const pieces = await upload('region', '/api/roadmap-imports/parse', manyTextItemsPdf(), 'plan.pdf');
    expect(pieces.status).toBe(400);
    expect(pieces.error?.message).toMatch(/больше 100000 кусков текста/);
  });

  it('school import: a workbook of many rows', async () => {
    const r = await upload(
      'admin',
      '/api/org-units/import?dryRun=true',
      manyRowsWorkbook(1, 25_000),
      'школы.xlsx',
    );
    expect(r.status).toBe(413);
    expect(r.error?.message).toMatch(/слишком много строк/);
  });

  it('assessment data import: a CSV that inflates to a gigabyte', async () => {
    const gib = 0.99;
    const r = await upload(
      'region',
      '/api/assessment-data/import',
      csvBombPackage(gib, Math.ceil(gib * 1024 ** 3)),
      'данные.zip',
    );
    expect(r.status).toBe(413);
    expect(r.error?.message).toMatch(/ZIP-бомбу/);
  });
});
