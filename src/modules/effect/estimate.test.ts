import { describe, expect, it } from 'vitest';
import { generateInMemory } from '../assessment-data/demo-data.js';
import { EffectInputError, estimateEffect } from './estimate.js';
import { plantedScenario } from './planted.js';
import { yearSeries } from './school-series.js';
import { shrinkToClusterMean } from './shrink.js';

// The estimator on packages with a KNOWN planted effect and strong regression to the mean (planted.ts):
// the supported schools are picked by their noisy low R in T, so R(T+1) − R(T) is positive without any
// support. Seeds are fixed; coverage over 40 seeds per scenario is measured in ADR 0023 (38 of 40 each).

// One package per seed and effect for the whole file: generating one takes a few hundred milliseconds.
const scenarios = new Map<string, ReturnType<typeof plantedScenario>>();
function scenario(opts: Parameters<typeof plantedScenario>[0]) {
  const key = JSON.stringify(opts);
  let sc = scenarios.get(key);
  if (!sc) {
    sc = plantedScenario(opts);
    scenarios.set(key, sc);
  }
  return sc;
}

describe('the effect of support', () => {
  it('(a) planted effect +0.05: the interval covers it, the naive estimate is clearly larger', () => {
    const sc = scenario({ seed: 3, effect: 0.05 });
    const r = estimateEffect(sc.pkg, sc.year, sc.treated);
    expect(sc.realised).toBeCloseTo(0.05, 2);
    expect(r.year).toBe(2023);
    expect(r.outcomeYear).toBe(2024);
    expect(r.treated).toBe(sc.treated.size);
    expect(r.treated).toBeGreaterThan(50);
    expect(r.comparison).toBeGreaterThan(50);
    expect(r.effect.ciLow).toBeLessThanOrEqual(0.05);
    expect(r.effect.ciHigh).toBeGreaterThanOrEqual(0.05);
    expect(r.effect.ciLow).toBeGreaterThan(0); // a real effect of this size is detected
    expect(r.naive.estimate - 0.05).toBeGreaterThan(0.02);
    expect(r.naive.estimate).toBeGreaterThan(r.effect.ciHigh);
    expect(r.notes[0]).toContain('регрессия к среднему');
  });

  it('(b) no effect: the interval covers 0, the naive estimate is positive', () => {
    const sc = plantedScenario({ seed: 8, effect: 0 });
    const r = estimateEffect(sc.pkg, sc.year, sc.treated);
    expect(r.effect.ciLow).toBeLessThanOrEqual(0);
    expect(r.effect.ciHigh).toBeGreaterThanOrEqual(0);
    expect(r.naive.estimate).toBeGreaterThan(0.02);
    expect(r.naive.estimate).toBeGreaterThan(r.effect.ciHigh);
    expect(r.notes.some((n) => n.startsWith('Интервал включает ноль'))).toBe(true);
  });

  it('(b) no effect, the list being the ШНОР of opora-default: the interval covers 0', () => {
    const sc = plantedScenario({ seed: 6, effect: 0, select: 'shnor' });
    const r = estimateEffect(sc.pkg, sc.year, sc.treated);
    expect(r.treated).toBeGreaterThan(50);
    expect(r.effect.ciLow).toBeLessThanOrEqual(0);
    expect(r.effect.ciHigh).toBeGreaterThanOrEqual(0);
    expect(r.naive.estimate).toBeGreaterThan(0.02);
  });

  it('matching balances the pre-support results and context; the regression corrects the rest', () => {
    const sc = scenario({ seed: 3, effect: 0.05 });
    const r = estimateEffect(sc.pkg, sc.year, sc.treated);
    expect(r.balance.covariates.map((b) => b.covariate)).toEqual([
      'R(2022)',
      'R(2023)',
      'R̃(2022) со сжатием',
      'R̃(2023) со сжатием',
      'ИСБШ(2023)',
    ]);
    for (const b of r.balance.covariates) {
      expect(Math.abs(b.smdAfter), b.covariate).toBeLessThan(Math.abs(b.smdBefore));
      expect(Math.abs(b.smdAfter), b.covariate).toBeLessThan(0.25);
    }
    // Selected on low R(T): before matching the supported schools are far below the pool.
    expect(r.balance.covariates[1]?.smdBefore).toBeLessThan(-1);
    expect(Number.isFinite(r.balance.adjustment)).toBe(true);
  });

  it('(c) a small supported group gets a warning', () => {
    const sc = plantedScenario({ seed: 5, effect: 0.05, maxTreated: 6 });
    const r = estimateEffect(sc.pkg, sc.year, sc.treated);
    expect(r.treated).toBe(6);
    expect(r.notes.some((n) => n.includes('Поддержанных школ с R за три года мало (6 школ'))).toBe(true);
    expect(r.comparison).toBeLessThan(30);
    expect(r.notes.some((n) => n.startsWith('Школ сравнения мало'))).toBe(true);
  });

  it('(d) is deterministic: the same input gives the same output', () => {
    const a = plantedScenario({ seed: 11, effect: 0.03 });
    const b = plantedScenario({ seed: 11, effect: 0.03 });
    expect(estimateEffect(a.pkg, a.year, a.treated)).toEqual(estimateEffect(b.pkg, b.year, b.treated));
    expect(estimateEffect(a.pkg, a.year, a.treated)).toEqual(estimateEffect(a.pkg, a.year, a.treated));
  });

  it('keeps excluded schools and supported ones out of the comparison, says who was dropped', () => {
    const sc = scenario({ seed: 3, effect: 0.05 });
    const ids = sc.pkg.schools.map((s) => s.id).filter((id) => !sc.treated.has(id));
    const exclude = new Set(ids.slice(0, 100));
    const all = estimateEffect(sc.pkg, sc.year, sc.treated);
    const r = estimateEffect(sc.pkg, sc.year, sc.treated, { exclude });
    expect(r.balance.pool).toBeLessThanOrEqual(all.balance.pool - 90);
    expect(r.notes.some((n) => n.includes('исключены школы') && n.includes('— 100 школ.'))).toBe(true);
    // A listed school without R in a year is reported, not silently dropped.
    const small = sc.pkg.schools.findIndex(
      (_, s) =>
        Number.isNaN(yearSeries(sc.pkg, sc.year + 1).r[s] as number) &&
        !sc.treated.has(sc.pkg.schools[s]?.id ?? ''),
    );
    if (small >= 0) {
      const withGap = new Set([...sc.treated, sc.pkg.schools[small]?.id as string]);
      const g = estimateEffect(sc.pkg, sc.year, withGap);
      expect(g.treated).toBe(all.treated);
      expect(g.notes.some((n) => n.startsWith('Не учтены школы из списка поддержки'))).toBe(true);
    }
  });

  it('refuses unknown schools and missing years with a Russian message', () => {
    const sc = plantedScenario({ seed: 3, effect: 0, schools: 200 });
    expect(() => estimateEffect(sc.pkg, sc.year, new Set(['S000001', 'НЕТ']))).toThrow(EffectInputError);
    expect(() => estimateEffect(sc.pkg, sc.year, new Set(['НЕТ']))).toThrow(/Нет в пакете данных — 1 школа/);
    expect(() => estimateEffect(sc.pkg, 2024, sc.treated)).toThrow(/нет результатов за 2025 год/);
  });
});

describe('the planted effect in the generator', () => {
  it('changes only the supported schools in the year of the effect, by about the effect', () => {
    const base = { schools: 200, years: 3, seed: 9, lastYear: 2024, yearShock: 0.6 };
    const bySchool = new Map([['S000007', 0.1]]);
    const a = generateInMemory(base);
    const b = generateInMemory({ ...base, supportEffect: [{ year: 2024, bySchool }] });
    expect(b.results.length).toBe(a.results.length);
    let changedOther = 0;
    for (let i = 0; i < a.results.length; i++) {
      const same = a.results.mark2[i] === b.results.mark2[i];
      const target = a.schools[a.results.school[i] as number]?.id === 'S000007' && a.results.year[i] === 2024;
      if (!same && !target) changedOther++;
    }
    expect(changedOther).toBe(0);
    const s = a.schools.findIndex((x) => x.id === 'S000007');
    const rise = (yearSeries(b, 2024).r[s] as number) - (yearSeries(a, 2024).r[s] as number);
    expect(rise).toBeGreaterThan(0.07);
    expect(rise).toBeLessThan(0.13);
  });
});

describe('shrinkage of R', () => {
  it('pulls a small school toward its cluster mean more than a big one', () => {
    const pkg = generateInMemory({ schools: 600, years: 2, seed: 4, lastYear: 2024 });
    const y = yearSeries(pkg, 2024);
    const shrunk = shrinkToClusterMean(y);
    let smallPull = 0;
    let smallN = 0;
    let bigPull = 0;
    let bigN = 0;
    for (let s = 0; s < pkg.schools.length; s++) {
      const r = y.r[s] as number;
      if (Number.isNaN(r)) continue;
      expect(shrunk[s]).toBeGreaterThanOrEqual(0);
      expect(shrunk[s]).toBeLessThanOrEqual(1);
      const pull = Math.abs((shrunk[s] as number) - r);
      if ((y.participants[s] as number) < 60) {
        smallPull += pull;
        smallN++;
      } else if ((y.participants[s] as number) > 600) {
        bigPull += pull;
        bigN++;
      }
    }
    expect(smallN).toBeGreaterThan(10);
    expect(bigN).toBeGreaterThan(10);
    expect(smallPull / smallN).toBeGreaterThan(5 * (bigPull / bigN));
  });
});
