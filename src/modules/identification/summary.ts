import type { DataPackage } from '../assessment-data/types.js';
import { FLAG_KEYS, type Flags, type YearIdentification } from './identify.js';

// Counts per flag for the region and per municipality: the CLI summary, and the «by municipality» view
// of a run or a what-if comparison.

export type FlagCounts = Record<keyof Flags, number>;

export type MunicipalitySummary = { id: string; name: string; schools: number; counts: FlagCounts };

export type IdentificationSummary = {
  schools: number;
  counts: FlagCounts;
  /** By the number of ШНОР descending, then by their share, then by name. */
  municipalities: MunicipalitySummary[];
};

export const FLAG_LABELS: Record<keyof Flags, string> = {
  shnor: 'ШНОР',
  shnsu: 'ШНСУ',
  riskZone: 'Зона риска',
  resilient: 'Резильентные',
  stagnation: 'Стагнация',
  repeat: 'Повторное попадание',
  exit: 'Выход из списка ШНОР',
  objectivity: 'Признаки необъективности',
};

const zero = (): FlagCounts => Object.fromEntries(FLAG_KEYS.map((k) => [k, 0])) as FlagCounts;

export function summarize(pkg: DataPackage, result: YearIdentification): IdentificationSummary {
  const counts = zero();
  const byMunicipality = new Map<string, MunicipalitySummary>();
  result.schools.forEach((r, i) => {
    const school = pkg.schools[i];
    if (!school) return;
    let m = byMunicipality.get(school.municipalityId);
    if (!m) {
      m = { id: school.municipalityId, name: school.municipalityName, schools: 0, counts: zero() };
      byMunicipality.set(school.municipalityId, m);
    }
    m.schools++;
    for (const k of FLAG_KEYS) {
      if (r.flags[k]) {
        counts[k]++;
        m.counts[k]++;
      }
    }
  });
  const municipalities = [...byMunicipality.values()].sort(
    (a, b) =>
      b.counts.shnor - a.counts.shnor ||
      b.counts.shnor / b.schools - a.counts.shnor / a.schools ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return { schools: result.schools.length, counts, municipalities };
}
