// The parser's warnings, attached to the roadmap and the rows they are about.
// A warning says only where in the file it is («строка 57, пункт 2.2», «таблица 2, строка 14, пункт 1.3»),
// so the row is found by the item number, and the roadmap by the order of the warnings in the file.

import { type DraftRoadmap, type DraftRow, rowsOf } from './model.js';
import type { ImportWarning } from './types.js';

export type DraftWarning = ImportWarning & {
  id: number;
  /** The roadmap it is about; null when the file says nothing that tells it. */
  roadmap: number | null;
  /** Roadmaps it may be about, when it is not known which one. */
  candidates: number[];
  /** The rows it is about (in `roadmap`, or in every candidate). */
  rowKeys: string[];
  checked: boolean;
};

const norm = (n: string) => n.trim().replace(/\.$/, '');

/** «строка 57, пункт 2.2» → '2.2'; the message is read when the location has no item («…пункта 4.6»). */
export function itemNumberOf(w: ImportWarning): string | null {
  const m = /пункт\s+([^\s,]+)/.exec(w.location) ?? /пункт[а-я]*\s+(\d+(?:\.\d+)*)/.exec(w.message);
  return m?.[1] ? norm(m[1]) : null;
}

/** Rows numbered `number` in a roadmap; a measure comes with the sub-rows under it. */
function numbered(roadmaps: DraftRoadmap[], r: number, number: string): DraftRow[][] {
  return (roadmaps[r]?.sections ?? []).flatMap((s) =>
    s.items.flatMap((item) => [
      ...(norm(item.number) === number ? [[item, ...item.subItems]] : []),
      ...item.subItems.filter((x) => norm(x.number) === number).map((x) => [x]),
    ]),
  );
}

/** Roadmaps a warning may be about, from what it names: an item number or a quoted order number. */
function candidatesOf(w: ImportWarning, number: string | null, roadmaps: DraftRoadmap[]): number[] {
  const all = roadmaps.map((_, r) => r);
  if (number) {
    const having = all.filter((r) => numbered(roadmaps, r, number).length > 0);
    // «Номер пункта 2.2 повторяется»: only a roadmap where it does repeat.
    const repeated = having.filter((r) => numbered(roadmaps, r, number).length > 1);
    return /повторяется/.test(w.message) && repeated.length > 0 ? repeated : having;
  }
  const quoted = [...w.message.matchAll(/«([^»]+)»/g)].map((m) => m[1] ?? '');
  const named = all.filter((r) => {
    const order = roadmaps[r]?.approval.orderNumber;
    return !!order && quoted.includes(order);
  });
  return named.length > 0 ? named : all;
}

/**
 * Warnings come in the order of the file and so do the roadmaps: a warning lies between the roadmaps
 * of the known warnings before and after it. What stays ambiguous is left to the global list.
 */
export function attachWarnings(warnings: ImportWarning[], roadmaps: DraftRoadmap[]): DraftWarning[] {
  const numbers = warnings.map(itemNumberOf);
  const cands = warnings.map((w, k) => candidatesOf(w, numbers[k] ?? null, roadmaps));
  for (let pass = 0; pass < 3; pass++) {
    cands.forEach((c, k) => {
      const before = cands.slice(0, k).flatMap((x) => (x.length === 1 ? x : []));
      const after = cands.slice(k + 1).flatMap((x) => (x.length === 1 ? x : []));
      const lo = Math.max(0, ...before);
      const hi = Math.min(roadmaps.length - 1, ...after);
      const narrowed = c.filter((r) => r >= lo && r <= hi);
      if (narrowed.length > 0) cands[k] = narrowed;
    });
  }
  return warnings.map((w, id) => {
    const candidates = cands[id] ?? [];
    const number = numbers[id] ?? null;
    const roadmap = candidates.length === 1 ? (candidates[0] ?? null) : null;
    const rowKeys = number
      ? candidates.flatMap((r) => numbered(roadmaps, r, number).flatMap((rows) => rows.map((x) => x.key)))
      : [];
    return { ...w, id, roadmap, candidates: roadmap === null ? candidates : [], rowKeys, checked: false };
  });
}

/** Dealt with: ticked, or its row was edited, ticked «Проверено» or deleted; for the roadmap, its requisites edited. */
export function isResolved(w: DraftWarning, roadmaps: DraftRoadmap[], rows: Map<string, DraftRow>): boolean {
  if (w.checked) return true;
  if (w.rowKeys.length > 0)
    return w.rowKeys.some((k) => {
      const row = rows.get(k);
      return !row || row.edited || row.checked;
    });
  return w.roadmap !== null && !!roadmaps[w.roadmap]?.edited;
}

export function rowMap(roadmaps: DraftRoadmap[]): Map<string, DraftRow> {
  return new Map(roadmaps.flatMap((_, r) => rowsOf(roadmaps, r).map((x) => [x.row.key, x.row] as const)));
}
