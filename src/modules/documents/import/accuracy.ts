import type { ImportedSubItem, ImportResult } from './types.js';

// How well a parse matches a document's truth (tests/fixtures/roadmaps/README.md): a measure is fully
// right when its text, deadline, executors and indicator all equal the truth after whitespace and quote
// normalisation; a document is right when it gives as many roadmaps as it has, with their titles.

export type TruthMeasure = {
  section: string | null;
  measure: string;
  deadline: string;
  executors: string;
  indicator: string;
};
export type Truth = { synthetic?: boolean; titles: string[]; roadmaps: number; measures: TruthMeasure[] };

export type Accuracy = {
  truth: number;
  found: number;
  right: number;
  /** right / truth, 0…1. */
  share: number;
  roadmaps: number;
  roadmapsRight: boolean;
  titlesRight: boolean;
  /** What differed, for the first measures that are not fully right. */
  misses: string[];
};

/** Whitespace collapsed, quotes of every kind the same, dashes the same. */
export const normaliseText = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[«»“”„"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

type Found = { measure: string; deadline: string; executors: string; indicator: string };

function foundMeasures(result: ImportResult): Found[] {
  const out: Found[] = [];
  const add = (i: ImportedSubItem) =>
    out.push({
      measure: normaliseText(i.measure),
      deadline: normaliseText(i.deadline.text),
      executors: normaliseText(i.responsible),
      indicator: normaliseText(i.indicator),
    });
  for (const r of result.roadmaps)
    for (const s of r.sections)
      for (const item of s.items) {
        add(item);
        item.subItems.forEach(add);
      }
  return out;
}

const FIELDS = ['deadline', 'executors', 'indicator'] as const;
const MAX_MISSES = 8;

export function measureAccuracy(result: ImportResult, truth: Truth): Accuracy {
  const found = foundMeasures(result);
  const used = new Set<number>();
  const misses: string[] = [];
  let right = 0;
  for (const t of truth.measures) {
    const measure = normaliseText(t.measure);
    const at = found.findIndex((f, i) => !used.has(i) && f.measure === measure);
    if (at < 0) {
      if (misses.length < MAX_MISSES) misses.push(`не найдено: «${measure.slice(0, 70)}»`);
      continue;
    }
    used.add(at);
    const f = found[at] as Found;
    const wrong = FIELDS.filter((k) => f[k] !== normaliseText(t[k]));
    if (wrong.length === 0) right++;
    else if (misses.length < MAX_MISSES) {
      const diff = wrong.map(
        (k) => `${k}: «${f[k].slice(0, 50)}» вместо «${normaliseText(t[k]).slice(0, 50)}»`,
      );
      misses.push(`«${measure.slice(0, 40)}»: ${diff.join('; ')}`);
    }
  }
  const titles = result.roadmaps.map((r) => normaliseText(r.title));
  return {
    truth: truth.measures.length,
    found: found.length,
    right,
    share: truth.measures.length ? right / truth.measures.length : 1,
    roadmaps: result.roadmaps.length,
    roadmapsRight: result.roadmaps.length === truth.roadmaps,
    titlesRight:
      titles.length === truth.titles.length && truth.titles.every((t, i) => normaliseText(t) === titles[i]),
    misses,
  };
}
