import { seededRandom, seededShuffle } from './seeded.js';

// Взаимная экспертиза: which ШНОР reviews which program. A pure function, no database: the same input and
// seed give the same assignment on any machine.
//
// Constraints, in this order of priority:
//  1. a document is never reviewed by its own school, nor by a school of a forbidden pair (the mentor pair
//     of issue 12: the caller passes the pairs; an unordered pair forbids both directions);
//  2. no reviewer school gets more than ⌈n/m⌉ documents (n documents, m reviewer schools);
//  3. as many documents as possible are assigned;
//  4. among those, as few as possible go to a reviewer of the same municipality;
//  5. ties are broken by the seed.
// It is a minimum-cost maximum flow (source → document → reviewer → sink): a same-municipality edge costs
// more than all the seed's tie-breaking costs together, so 4 is exact rather than greedy.

export type MutualDocument = { id: string; schoolId: string; municipalityId: string | null };
export type ReviewerSchool = { schoolId: string; municipalityId: string | null };

export type MutualInput = {
  documents: readonly MutualDocument[];
  reviewers: readonly ReviewerSchool[];
  forbiddenPairs?: readonly (readonly [string, string])[];
  seed: string;
};

export type MutualResult = {
  assignments: { documentId: string; reviewerSchoolId: string; crossMunicipality: boolean }[];
  /** documents no allowed reviewer could take */
  unassigned: string[];
  /** ⌈n/m⌉: the most documents one reviewer school gets */
  maxLoad: number;
};

export const maxLoadOf = (documents: number, reviewers: number) =>
  reviewers === 0 ? 0 : Math.ceil(documents / reviewers);

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Whether the reviewer school may review the document at all (constraint 1). */
export function allowedReviewer(
  doc: MutualDocument,
  reviewer: string,
  forbidden: ReadonlySet<string>,
): boolean {
  return reviewer !== doc.schoolId && !forbidden.has(pairKey(doc.schoolId, reviewer));
}

export function forbiddenSet(pairs: readonly (readonly [string, string])[] = []): Set<string> {
  return new Set(pairs.map(([a, b]) => pairKey(a, b)));
}

type Edge = { to: number; cap: number; cost: number; rev: number };

export function assignMutualExpertise(input: MutualInput): MutualResult {
  const next = seededRandom(input.seed);
  // Sorted first, then shuffled by the seed: the result depends on the set and the seed, not on the
  // order the caller read the rows in.
  const docs = seededShuffle(
    [...input.documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    next,
  );
  const unique = new Map(input.reviewers.map((r) => [r.schoolId, r]));
  const reviewers = seededShuffle(
    [...unique.values()].sort((a, b) => (a.schoolId < b.schoolId ? -1 : 1)),
    next,
  );
  const n = docs.length;
  const m = reviewers.length;
  const maxLoad = maxLoadOf(n, m);
  const forbidden = forbiddenSet(input.forbiddenPairs);
  const TIE = 1000;
  const SAME = n * TIE + 1;

  const source = 0;
  const sink = n + m + 1;
  const graph: Edge[][] = Array.from({ length: n + m + 2 }, () => []);
  const add = (from: number, to: number, cap: number, cost: number) => {
    const a = graph[from] as Edge[];
    const b = graph[to] as Edge[];
    a.push({ to, cap, cost, rev: b.length });
    b.push({ to: from, cap: 0, cost: -cost, rev: a.length - 1 });
  };
  docs.forEach((d, i) => {
    add(source, 1 + i, 1, 0);
    reviewers.forEach((r, j) => {
      if (!allowedReviewer(d, r.schoolId, forbidden)) return;
      const same = d.municipalityId !== null && d.municipalityId === r.municipalityId;
      add(1 + i, 1 + n + j, 1, (same ? SAME : 0) + Math.floor(next() * TIE));
    });
  });
  reviewers.forEach((_, j) => {
    add(1 + n + j, sink, maxLoad, 0);
  });

  // Successive shortest paths (Bellman–Ford with a queue: residual costs may be negative).
  for (;;) {
    const dist = new Array<number>(graph.length).fill(Number.POSITIVE_INFINITY);
    const prev = new Array<[number, number] | null>(graph.length).fill(null);
    const inQueue = new Array<boolean>(graph.length).fill(false);
    dist[source] = 0;
    const queue = [source];
    inQueue[source] = true;
    while (queue.length > 0) {
      const u = queue.shift() as number;
      inQueue[u] = false;
      const du = dist[u] as number;
      (graph[u] as Edge[]).forEach((e, k) => {
        if (e.cap > 0 && du + e.cost < (dist[e.to] as number)) {
          dist[e.to] = du + e.cost;
          prev[e.to] = [u, k];
          if (!inQueue[e.to]) {
            inQueue[e.to] = true;
            queue.push(e.to);
          }
        }
      });
    }
    if (dist[sink] === Number.POSITIVE_INFINITY) break;
    for (let v = sink; v !== source; ) {
      const [u, k] = prev[v] as [number, number];
      const e = (graph[u] as Edge[])[k] as Edge;
      e.cap -= 1;
      ((graph[v] as Edge[])[e.rev] as Edge).cap += 1;
      v = u;
    }
  }

  const assignments: MutualResult['assignments'] = [];
  const unassigned: string[] = [];
  docs.forEach((d, i) => {
    const used = (graph[1 + i] as Edge[]).find((e) => e.to > n && e.to <= n + m && e.cap === 0);
    const r = used ? reviewers[used.to - n - 1] : undefined;
    if (!r) {
      unassigned.push(d.id);
      return;
    }
    assignments.push({
      documentId: d.id,
      reviewerSchoolId: r.schoolId,
      crossMunicipality: d.municipalityId === null || d.municipalityId !== r.municipalityId,
    });
  });
  assignments.sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  unassigned.sort();
  return { assignments, unassigned, maxLoad };
}
