import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opora } from '../../../tests/helpers/cli.js';
import { readPackage } from '../assessment-data/read-package.js';
import { identifyYear } from './identify.js';
import { OPORA_DEFAULT } from './methodology.js';

// End to end: the `opora` command generates a package and identifies a year, with no database and no
// configuration (an empty environment apart from PATH).

describe('opora generate-data and opora identify', () => {
  let dir = '';
  const data = () => path.join(dir, 'pkg');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'opora-cli-'));
    const r = await opora([
      'generate-data',
      '--schools',
      '300',
      '--years',
      '4',
      '--seed',
      '5',
      '--last-year',
      '2024',
      '--out',
      data(),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Пакет данных за 2021–2024 годы записан/);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the documented JSON for every school, the same as identifyYear', async () => {
    expect((await readdir(data())).sort()).toEqual([
      'confirmation.csv',
      'context.csv',
      'results.csv',
      'schools.csv',
    ]);
    const r = await opora(['identify', '--data', data(), '--year', '2024', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      year: number;
      methodology: unknown;
      schools: Record<string, unknown>[];
    };
    expect(Object.keys(doc)).toEqual(['year', 'methodology', 'schools']);
    expect(doc.year).toBe(2024);
    expect(doc.methodology).toEqual({ id: 'opora-default', version: 1 });
    expect(doc.schools).toHaveLength(300);
    expect(Object.keys(doc.schools[0] ?? {})).toEqual([
      'schoolId',
      'isbsh',
      'cluster',
      'resultIndex',
      'flags',
      'lowProcedures',
      'reasons',
    ]);
    expect(Object.keys((doc.schools[0]?.flags as object) ?? {})).toEqual([
      'shnor',
      'shnsu',
      'riskZone',
      'resilient',
      'stagnation',
      'repeat',
      'exit',
      'objectivity',
    ]);
    const direct = identifyYear(await readPackage(data()), 2024);
    expect(doc.schools.map((s) => s.flags)).toEqual(direct.schools.map((s) => s.flags));
    expect(doc.schools.map((s) => s.reasons)).toEqual(direct.schools.map((s) => s.reasons));
  });

  it('prints a Russian summary without --json', async () => {
    const r = await opora(['identify', '--data', data(), '--year', '2023']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Выявление за 2023 год по методике opora-default, версия 1');
    expect(r.stdout).toMatch(/ШНОР\s+\d+/);
    expect(r.stdout).toContain('Муниципалитеты с наибольшим числом ШНОР');
  });

  it('takes a methodology file and approved lists', async () => {
    const file = path.join(dir, 'm.json');
    await writeFile(
      file,
      JSON.stringify({ ...OPORA_DEFAULT, id: 'strict', version: 2, lowShareThreshold: 0.2 }),
    );
    const approved = path.join(dir, 'approved.json');
    await writeFile(approved, JSON.stringify({ 2023: [] }));
    const count = async (extra: string[]) => {
      const r = await opora(['identify', '--data', data(), '--year', '2024', '--json', ...extra]);
      expect(r.stderr).toBe('');
      const doc = JSON.parse(r.stdout) as {
        methodology: unknown;
        schools: { flags: { shnor: boolean; exit: boolean } }[];
      };
      return {
        doc,
        shnor: doc.schools.filter((s) => s.flags.shnor).length,
        exit: doc.schools.filter((s) => s.flags.exit).length,
      };
    };
    const base = await count([]);
    const strict = await count(['--methodology', file]);
    expect(strict.doc.methodology).toEqual({ id: 'strict', version: 2 });
    expect(strict.shnor).toBeGreaterThan(base.shnor);
    expect(base.exit).toBeGreaterThan(0);
    expect((await count(['--approved', approved])).exit).toBe(0);
  });

  it('reports errors in Russian on stderr with exit code 1', async () => {
    const broken = path.join(dir, 'broken');
    await opora(['generate-data', '--schools', '20', '--years', '2', '--last-year', '2024', '--out', broken]);
    const results = await readFile(path.join(broken, 'results.csv'), 'utf8');
    await writeFile(
      path.join(broken, 'results.csv'),
      `${results}S999999,2024,ВПР,математика,5,10,2,3,4,1\nS000001,2024,ВПР,математика,5,10,11,0,0,0\n`,
    );
    const r = await opora(['identify', '--data', broken, '--year', '2024']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Пакет данных не загружен: \d+ ошибк/);
    expect(r.stderr).toContain('results.csv: school_id, строка');
    expect(r.stderr).toContain('Школы S999999 нет в schools.csv');
    expect(r.stderr).toContain('Число «2» (11) больше числа участников (10)');

    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...OPORA_DEFAULT, clusters: 0 }));
    const m = await opora(['identify', '--data', data(), '--year', '2024', '--methodology', bad]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('Файл методики');
    expect(m.stderr).toContain('clusters');

    const y = await opora(['identify', '--data', data(), '--year', '2019']);
    expect(y.code).toBe(1);
    expect(y.stderr).toContain('В пакете нет результатов за 2019 год');
    const g = await opora(['generate-data', '--schools', 'many', '--out', broken]);
    expect(g.code).toBe(1);
    expect(g.stderr).toContain('--schools: нужно целое число');
  });

  it('writes the same package as an XLSX workbook', async () => {
    const file = path.join(dir, 'pkg.xlsx');
    const r = await opora([
      'generate-data',
      '--schools',
      '300',
      '--years',
      '4',
      '--seed',
      '5',
      '--last-year',
      '2024',
      '--out',
      file,
      '--format',
      'xlsx',
    ]);
    expect(r.code).toBe(0);
    const [csv, xlsx] = await Promise.all([
      opora(['identify', '--data', data(), '--year', '2024', '--json']),
      opora(['identify', '--data', file, '--year', '2024', '--json']),
    ]);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout).toBe(csv.stdout);
  });
});
