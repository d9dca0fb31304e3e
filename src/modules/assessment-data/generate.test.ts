import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageFromRows } from './from-rows.js';
import { readPackage } from './read-package.js';
import { confirmationRows, contextRows, resultRows } from './rows.js';
import type { DataPackage } from './types.js';
import { writeGeneratedCsv, writeGeneratedXlsx } from './write-package.js';

let dir = '';
let pkg: DataPackage;
const opts = { schools: 600, years: 4, seed: 42, lastYear: 2024 };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'opora-gen-'));
  writeGeneratedCsv(opts, path.join(dir, 'a'));
  pkg = await readPackage(path.join(dir, 'a'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FILES = ['schools.csv', 'results.csv', 'context.csv', 'confirmation.csv'];

describe('generate-data', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other data', async () => {
    writeGeneratedCsv(opts, path.join(dir, 'b'));
    writeGeneratedCsv({ ...opts, seed: 43 }, path.join(dir, 'c'));
    for (const f of FILES) {
      const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((d) => readFile(path.join(dir, d, f))));
      expect(a?.equals(b as Buffer), f).toBe(true);
      if (f !== 'schools.csv') expect(a?.equals(c as Buffer), f).toBe(false);
    }
  });

  it('has the structure of a region', () => {
    const { schools, results: r, procedures } = pkg;
    expect(schools).toHaveLength(600);
    const municipalities = new Set(schools.map((s) => s.municipalityId));
    expect(municipalities.size).toBeGreaterThanOrEqual(600 / 20);
    expect(municipalities.size).toBeLessThanOrEqual(600 / 15);
    const share = (f: (s: (typeof schools)[number]) => boolean) => schools.filter(f).length / schools.length;
    expect(share((s) => s.rural)).toBeGreaterThan(0.3);
    expect(share((s) => s.small)).toBeGreaterThan(0.05);
    expect(pkg.years).toEqual([2021, 2022, 2023, 2024]);

    // About 25 procedures per school and year.
    const perSchoolYear = r.length / (600 * 4);
    expect(perSchoolYear).toBeGreaterThan(20);
    expect(perSchoolYear).toBeLessThan(32);
    const grades = (a: string) => new Set(procedures.filter((p) => p.assessment === a).map((p) => p.grade));
    expect([...grades('ВПР')].sort()).toEqual([4, 5, 6, 7, 8]);
    expect([...grades('ОГЭ')]).toEqual([9]);
    expect([...grades('ЕГЭ')]).toEqual([11]);
    for (const g of [4, 5, 6, 7, 8]) {
      for (const s of ['русский язык', 'математика']) {
        expect(procedures.some((p) => p.assessment === 'ВПР' && p.grade === g && p.subject === s)).toBe(true);
      }
    }
    const vprSubjects = new Set(procedures.filter((p) => p.assessment === 'ВПР').map((p) => p.subject));
    for (const s of ['окружающий мир', 'история', 'биология', 'география', 'обществознание', 'физика']) {
      expect(vprSubjects.has(s), s).toBe(true);
    }
    // Some procedures below the minimum of participants; marks add up to the participants.
    let below = 0;
    for (let i = 0; i < r.length; i++) {
      if ((r.participants[i] as number) < 5) below++;
      const sum =
        (r.mark2[i] as number) + (r.mark3[i] as number) + (r.mark4[i] as number) + (r.mark5[i] as number);
      expect(sum).toBe(r.participants[i]);
    }
    expect(below / r.length).toBeGreaterThan(0.02);
  });

  it('has context with gaps, correlated with results, and confirmation for ВПР only', () => {
    const c = pkg.context;
    expect(c.indicators.slice(0, 6)).toEqual([
      'parents_higher_ed_share',
      'incomplete_families_share',
      'low_income_share',
      'watch_list_share',
      'non_native_russian_share',
      'ovz_share',
    ]);
    expect(c.length).toBeLessThan(600 * 4); // some schools have no context in a year
    const empty = c.values.reduce((n, v) => n + v.filter(Number.isNaN).length, 0);
    expect(empty).toBeGreaterThan(0);

    // Share of «2» against parents with higher education, 2024: a negative correlation.
    const r = pkg.results;
    const low = new Map<number, [number, number]>();
    for (let i = 0; i < r.length; i++) {
      if (r.year[i] !== 2024) continue;
      const s = r.school[i] as number;
      const [m2, n] = low.get(s) ?? [0, 0];
      low.set(s, [m2 + (r.mark2[i] as number), n + (r.participants[i] as number)]);
    }
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < c.length; i++) {
      const v = c.values[0]?.[i] as number;
      const l = low.get(c.school[i] as number);
      if (c.year[i] !== 2024 || Number.isNaN(v) || !l || l[1] === 0) continue;
      xs.push(v);
      ys.push(l[0] / l[1]);
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const mx = mean(xs);
    const my = mean(ys);
    const cov = xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] as number) - my), 0);
    const sx = Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0));
    const sy = Math.sqrt(ys.reduce((s, y) => s + (y - my) ** 2, 0));
    expect(cov / (sx * sy)).toBeLessThan(-0.2);

    const conf = pkg.confirmation;
    expect(conf?.length).toBeGreaterThan(0);
    const assessments = new Set(Array.from(conf?.procedure ?? [], (p) => pkg.procedures[p]?.assessment));
    expect([...assessments]).toEqual(['ВПР']);
  });

  it('writes the same rows to an XLSX workbook', async () => {
    const small = { ...opts, schools: 40, years: 2 };
    writeGeneratedCsv(small, path.join(dir, 'small'));
    await writeGeneratedXlsx(small, path.join(dir, 'small.xlsx'));
    const [csv, xlsx] = await Promise.all([
      readPackage(path.join(dir, 'small')),
      readPackage(path.join(dir, 'small.xlsx')),
    ]);
    expect(xlsx.schools).toEqual(csv.schools);
    expect(xlsx.procedures).toEqual(csv.procedures);
    expect(xlsx.results).toEqual(csv.results);
    expect(xlsx.context).toEqual(csv.context);
    expect(xlsx.confirmation).toEqual(csv.confirmation);
  });

  it('round-trips through plain rows (packageFromRows of resultRows, contextRows, confirmationRows)', () => {
    const back = packageFromRows({
      schools: pkg.schools,
      results: [...resultRows(pkg)],
      context: [...contextRows(pkg)],
      confirmation: [...confirmationRows(pkg)],
    });
    expect(back).toEqual(pkg);
  });
});
