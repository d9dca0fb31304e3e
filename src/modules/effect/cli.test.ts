import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opora } from '../../../tests/helpers/cli.js';
import { readPackage } from '../assessment-data/read-package.js';
import { writeGeneratedCsv } from '../assessment-data/write-package.js';
import { estimateEffect } from './estimate.js';
import { plantedScenario } from './planted.js';

// End to end: `opora evaluate-effect` on a package written to files with a planted effect, with no database
// and no configuration (an empty environment apart from PATH).

describe('opora evaluate-effect', () => {
  let dir = '';
  const data = () => path.join(dir, 'pkg');
  const treatedFile = () => path.join(dir, 'treated.csv');
  const effect = 0.05;
  let treated = new Set<string>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'opora-effect-'));
    const sc = plantedScenario({ seed: 3, effect, schools: 800 });
    treated = sc.treated;
    const bySchool = new Map([...treated].map((id) => [id, effect]));
    writeGeneratedCsv(
      {
        schools: 800,
        years: 4,
        seed: 3,
        lastYear: 2024,
        yearShock: 0.6,
        supportEffect: [{ year: 2024, bySchool }],
      },
      data(),
    );
    await writeFile(treatedFile(), `school_id\n${[...treated].join('\n')}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the JSON of issue 13, the same as estimateEffect on the read package', async () => {
    const r = await opora([
      'evaluate-effect',
      '--data',
      data(),
      '--treated',
      treatedFile(),
      '--year',
      '2023',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual([
      'year',
      'outcomeYear',
      'treated',
      'comparison',
      'naive',
      'effect',
      'balance',
      'notes',
    ]);
    expect(doc.year).toBe(2023);
    expect(doc.outcomeYear).toBe(2024);
    expect(doc.treated).toBe(treated.size);
    expect(Object.keys(doc.effect)).toEqual(['estimate', 'ciLow', 'ciHigh', 'method']);
    expect(doc.effect.ciLow).toBeLessThanOrEqual(effect);
    expect(doc.effect.ciHigh).toBeGreaterThanOrEqual(effect);
    expect(doc.naive.estimate).toBeGreaterThan(doc.effect.estimate);
    expect(doc.notes.length).toBeGreaterThan(0);
    const direct = estimateEffect(await readPackage(data()), 2023, treated);
    expect(doc.effect.estimate).toBeCloseTo(direct.effect.estimate, 4);
    expect(doc.effect.ciLow).toBeCloseTo(direct.effect.ciLow, 4);
  });

  it('prints a Russian summary without --json', async () => {
    const r = await opora([
      'evaluate-effect',
      '--data',
      data(),
      '--treated',
      treatedFile(),
      '--year',
      '2023',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Эффект поддержки школ списка 2023 года на R 2024 года');
    expect(r.stdout).toMatch(/Простое «до и после», R\(2024\) − R\(2023\):\s+\+0,\d{3}/);
    expect(r.stdout).toMatch(/95 % интервал от [+−]0,\d{3} до [+−]0,\d{3}/);
  });

  it('refuses bad input with a Russian message and exit code 2', async () => {
    const base = ['evaluate-effect', '--data', data(), '--treated', treatedFile()];
    // Each spawn costs a second or two: one case per kind of bad input (the command line, the package's
    // years, the list), the rest of the messages are tested in estimate.test.ts and read-list.test.ts.
    const cases: [string[], RegExp][] = [
      [[...base, '--year', '2024'], /нет результатов за 2025 год/],
      [[...base, '--year', '2023', '--wrong'], /Неизвестный параметр --wrong/],
    ];
    await writeFile(path.join(dir, 'unknown.csv'), 'school_id\nНЕТ-ТАКОЙ\n');
    cases.push([
      ['evaluate-effect', '--data', data(), '--treated', path.join(dir, 'unknown.csv'), '--year', '2023'],
      /Нет в пакете данных — 1 школа из файла поддержанных школ: НЕТ-ТАКОЙ/,
    ]);
    for (const [args, message] of cases) {
      const r = await opora(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});
