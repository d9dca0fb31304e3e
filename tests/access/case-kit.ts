import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { type Login, UNIT_READERS, UNITS } from './scope.js';

// What every rule's cases are built from: the demo's samples per unit, and who sees and may act on them.

/** A call target with who sees it and who may act on it. */
export type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

/** The case builders shared by the rules of the matrix (tests/access/cases.ts). */
export function caseKit(s: Samples, user: Target['user']) {
  const all = s;
  const units = UNITS.map((u) => ({ u, x: s.units[u] }));
  const byUnit = (
    param: (x: Samples['units'][keyof Samples['units']]) => Record<string, string> | null,
    sees: (u: (typeof UNITS)[number]) => readonly Login[],
    may: (u: (typeof UNITS)[number]) => readonly Login[],
  ): Case[] =>
    units.flatMap(({ u, x }) => {
      const params = param(x);
      return params ? [{ label: u, params, target: { unit: x, all, user }, sees: sees(u), may: may(u) }] : [];
    });
  const draft = (params: Record<string, string>, may: readonly Login[]): Case => ({
    label: 'schoolDraft',
    params,
    target: { draft: s.schoolDraft, all, user },
    sees: UNIT_READERS.school,
    may,
  });
  const item = (x: Samples['units']['school']) => ({ id: x.itemId, fileId: x.fileId ?? '' });
  return { all, byUnit, draft, item };
}
