import { describe, expect, it } from 'vitest';
import { plantSupportEffect } from '../assessment-data/demo-data.js';
import { estimateEffect } from '../effect/estimate.js';
import { identifyYear } from '../identification/identify.js';
import { OPORA_DEFAULT } from '../identification/methodology.js';

// The demo's way of planting the effect (plantSupportEffect: lists identified year by year on the data,
// the effect lasting from T+1 on) on a generated region of 1 200 schools: the lists the planting followed
// are the lists the identification finds on the final data, and the estimate of each list year — with the
// comparison as the effect page builds it (earlier lists left out) — has the planted effect inside its
// interval.

const EFFECT = 0.045;
const LIST_YEARS = [2023, 2024, 2025];

describe('the planted effect of the demo', () => {
  it('is recovered for every list year of a generated region', () => {
    const options = { schools: 1200, years: 5, seed: 3, lastYear: 2026 };
    const pkg = plantSupportEffect(options, {
      effect: EFFECT,
      listYears: LIST_YEARS,
      methodology: OPORA_DEFAULT,
    });
    const without = plantSupportEffect(options);
    const lists = new Map<number, Set<string>>();
    for (const year of LIST_YEARS) {
      const flags = identifyYear(pkg, year, OPORA_DEFAULT, { approvedShnor: lists }).schools;
      lists.set(year, new Set(pkg.schools.filter((_, s) => flags[s]?.flags.shnor).map((x) => x.id)));
    }
    // The effect moved R: the data differ from the same seed without it in the years after the lists only.
    expect(identifyYear(pkg, 2023).schools.map((s) => s.resultIndex)).toEqual(
      identifyYear(without, 2023).schools.map((s) => s.resultIndex),
    );
    expect(identifyYear(pkg, 2024).schools.map((s) => s.resultIndex)).not.toEqual(
      identifyYear(without, 2024).schools.map((s) => s.resultIndex),
    );
    for (const year of LIST_YEARS) {
      const treated = lists.get(year) ?? new Set<string>();
      const exclude = new Set(
        [...lists].filter(([y]) => y < year).flatMap(([, ids]) => [...ids].filter((id) => !treated.has(id))),
      );
      const r = estimateEffect(pkg, year, treated, { exclude });
      expect(r.treated).toBeGreaterThan(50);
      expect(r.effect.ciLow).toBeLessThan(EFFECT);
      expect(r.effect.ciHigh).toBeGreaterThan(EFFECT);
    }
  }, 120_000);
});
