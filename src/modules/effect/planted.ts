import { generateInMemory } from '../assessment-data/demo-data.js';
import type { DataPackage } from '../assessment-data/types.js';
import { createRng } from '../demo/demo-random.js';
import { identifyYear } from '../identification/identify.js';
import { yearSeries } from './school-series.js';

// Packages with a KNOWN effect of support, for the tests and the coverage check over seeds (ADR 0023).
// The generator's schools have a latent level, a yearly shock and binomial noise, small schools many;
// the supported schools are picked by their noisy low R in T — as a region picks its list — so their
// R(T+1) rises by regression to the mean alone, and the naive before/after overstates the effect.
// The same seed generates the package twice: without the effect (to pick the list), then with it in T+1
// (the generator's draws do not depend on the effect, so T−2 … T come out identical).

export type PlantedScenario = {
  pkg: DataPackage;
  year: number;
  treated: Set<string>;
  /** The planted effect per supported school, in units of R. */
  planted: number;
  /** The realised mean over supported schools of R(T+1) with the effect − without it. */
  realised: number;
};

export type PlantedOptions = {
  seed: number;
  effect: number;
  schools?: number;
  /** Schools with R(T) in this lowest share are candidates… */
  lowShare?: number;
  /** …each picked with this probability (a region's list is not a strict cut of R). */
  pickChance?: number;
  /** At most this many supported schools. */
  maxTreated?: number;
  /** 'shnor': the ШНОР of year T by opora-default instead (a hard cut by low procedures). */
  select?: 'low-r' | 'shnor';
  /** The generator's yearly shock of a school's level (default here 0.6: strong regression to the mean). */
  yearShock?: number;
};

export function plantedScenario(opts: PlantedOptions): PlantedScenario {
  const lastYear = 2024;
  const year = lastYear - 1;
  const base = {
    schools: opts.schools ?? 1200,
    years: 4,
    seed: opts.seed,
    lastYear,
    yearShock: opts.yearShock ?? 0.6,
  };
  const without = generateInMemory(base);
  const now = yearSeries(without, year);
  const before = yearSeries(without, year - 1);
  const order = without.schools
    .map((_, s) => s)
    .filter((s) => !Number.isNaN(now.r[s] as number) && !Number.isNaN(before.r[s] as number))
    .sort((a, b) => (now.r[a] as number) - (now.r[b] as number) || a - b);
  const candidates = order.slice(0, Math.ceil(order.length * (opts.lowShare ?? 0.2)));
  const rng = createRng(opts.seed ^ 0x5eed);
  const shnor = () => {
    const flags = identifyYear(without, year).schools;
    return without.schools.map((_, s) => s).filter((s) => flags[s]?.flags.shnor);
  };
  const picked = (
    opts.select === 'shnor' ? shnor() : candidates.filter(() => rng.chance(opts.pickChance ?? 0.5))
  ).slice(0, opts.maxTreated);
  const treated = new Set(picked.map((s) => without.schools[s]?.id as string));
  const bySchool = new Map([...treated].map((id) => [id, opts.effect]));
  const pkg = generateInMemory({ ...base, supportEffect: [{ year: year + 1, bySchool }] });
  const withEffect = yearSeries(pkg, year + 1);
  const noEffect = yearSeries(without, year + 1);
  let total = 0;
  let n = 0;
  for (const s of picked) {
    const d = (withEffect.r[s] as number) - (noEffect.r[s] as number);
    if (Number.isNaN(d)) continue;
    total += d;
    n++;
  }
  return { pkg, year, treated, planted: opts.effect, realised: n > 0 ? total / n : Number.NaN };
}
