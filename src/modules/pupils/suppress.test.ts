import { describe, expect, it } from 'vitest';
import { FEWER, HIDDEN, suppressTree } from './suppress.js';

// The review's cases (issue 14 §2): no count of 1–4 may be worked out from what is shown.
const tree = (schools: number[][], exclusive: boolean) => {
  const cols = schools[0]?.length ?? 0;
  const sum = (r: number[]) => r.reduce((a, b) => a + b, 0);
  const root = {
    parent: null,
    counts: Array.from({ length: cols }, (_, j) => sum(schools.map((r) => r[j] ?? 0))),
    total: sum(schools.map(sum)),
  };
  return suppressTree([root, ...schools.map((r) => ({ parent: 0, counts: r, total: sum(r) }))], exclusive);
};

describe('small cells of pupils at risk', () => {
  it('hides 1–4 and shows zero', () => {
    const [, a] = tree(
      [
        [0, 3, 12],
        [6, 7, 9],
      ],
      false,
    );
    expect(a?.cells).toEqual([0, FEWER, 12]);
  });

  it('never leaves two «менее 5» whose sum the total gives away', () => {
    const [, a] = tree(
      [
        [1, 1, 10],
        [9, 8, 10],
      ],
      true,
    );
    // 1 + 1 + 10 = 12 with both ones hidden would give each away: the 10 is hidden too.
    expect(a?.cells).toEqual([FEWER, FEWER, HIDDEN]);
  });

  it('a school shown alone shows nothing its municipality hid', () => {
    // Column «улучшили»: 8, «скрыто», «менее 5» under a shown 16 — the school's own row is the same node.
    const nodes = tree([[8], [5], [3]], false);
    const cells = nodes.map((n) => n.cells[0]);
    const hiddenSchools = cells.slice(1).filter((c) => typeof c !== 'number').length;
    expect(hiddenSchools).toBeGreaterThanOrEqual(2);
    expect(cells.slice(1)).toContain(FEWER);
  });

  it('a line with one hidden part hides its smallest other part, or its total', () => {
    const [root, a] = tree([[2]], false);
    expect(a?.cells).toEqual([FEWER]);
    expect(root?.cells).toEqual([FEWER]);
    const [r2, b, c] = tree([[12], [30]], false);
    expect([r2?.cells[0], b?.cells[0], c?.cells[0]]).toEqual([42, 12, 30]);
  });
});
