import { describe, expect, it } from 'vitest';
import {
  allowedReviewer,
  assignMutualExpertise,
  forbiddenSet,
  type MutualDocument,
  type MutualInput,
  maxLoadOf,
  type ReviewerSchool,
} from './mutual-assignment.js';
import { seededRandom } from './seeded.js';

// Property tests on random inputs (our own seeded generator: every failure is reproducible by its case
// number), plus a brute force over every assignment of small inputs to prove the optimum is reached.

function randomInput(caseNo: number, size: { maxSchools: number; maxDocs: number }): MutualInput {
  const r = seededRandom(`case-${caseNo}`);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const municipalities = int(1, 4);
  const schools: ReviewerSchool[] = Array.from({ length: int(1, size.maxSchools) }, (_, i) => ({
    schoolId: `s${String(i).padStart(2, '0')}`,
    municipalityId: `m${int(1, municipalities)}`,
  }));
  const documents: MutualDocument[] = [];
  const nDocs = int(0, size.maxDocs);
  for (let i = 0; i < nDocs; i++) {
    const owner = schools[int(0, schools.length - 1)] as ReviewerSchool;
    documents.push({
      id: `d${String(i).padStart(3, '0')}`,
      schoolId: owner.schoolId,
      municipalityId: owner.municipalityId,
    });
  }
  const forbiddenPairs: [string, string][] = [];
  for (let i = 0; i < int(0, 3); i++) {
    const a = schools[int(0, schools.length - 1)] as ReviewerSchool;
    const b = schools[int(0, schools.length - 1)] as ReviewerSchool;
    if (a !== b) forbiddenPairs.push([a.schoolId, b.schoolId]);
  }
  return { documents, reviewers: schools, forbiddenPairs, seed: `seed-${caseNo}` };
}

const municipalityOf = (input: MutualInput) =>
  new Map(input.reviewers.map((s) => [s.schoolId, s.municipalityId]));

/** Every complete-as-possible assignment by brute force: the best (assigned, −same-municipality) pair. */
function bruteBest(input: MutualInput): { assigned: number; same: number } {
  const docs = input.documents;
  const cap = maxLoadOf(docs.length, input.reviewers.length);
  const forbidden = forbiddenSet(input.forbiddenPairs);
  const load = new Map<string, number>();
  let best = { assigned: -1, same: 0 };
  const walk = (i: number, assigned: number, same: number) => {
    if (i === docs.length) {
      if (assigned > best.assigned || (assigned === best.assigned && same < best.same))
        best = { assigned, same };
      return;
    }
    const d = docs[i] as MutualDocument;
    walk(i + 1, assigned, same); // left unassigned
    for (const r of input.reviewers) {
      if (!allowedReviewer(d, r.schoolId, forbidden) || (load.get(r.schoolId) ?? 0) >= cap) continue;
      load.set(r.schoolId, (load.get(r.schoolId) ?? 0) + 1);
      walk(i + 1, assigned + 1, same + (d.municipalityId === r.municipalityId ? 1 : 0));
      load.set(r.schoolId, (load.get(r.schoolId) ?? 0) - 1);
    }
  };
  walk(0, 0, 0);
  return best;
}

describe('assignMutualExpertise', () => {
  it('holds the constraints on 500 random inputs: never own school or a forbidden pair, load ≤ ⌈n/m⌉, every document once', () => {
    for (let c = 0; c < 500; c++) {
      const input = randomInput(c, { maxSchools: 30, maxDocs: 60 });
      const out = assignMutualExpertise(input);
      const forbidden = forbiddenSet(input.forbiddenPairs);
      const docs = new Map(input.documents.map((d) => [d.id, d]));
      const load = new Map<string, number>();
      const mun = municipalityOf(input);
      for (const a of out.assignments) {
        const d = docs.get(a.documentId);
        expect(d, `case ${c}`).toBeDefined();
        if (!d) continue;
        expect(allowedReviewer(d, a.reviewerSchoolId, forbidden), `case ${c}`).toBe(true);
        expect(mun.has(a.reviewerSchoolId), `case ${c}: reviewer is one of the given schools`).toBe(true);
        expect(a.crossMunicipality).toBe(d.municipalityId !== mun.get(a.reviewerSchoolId));
        load.set(a.reviewerSchoolId, (load.get(a.reviewerSchoolId) ?? 0) + 1);
      }
      for (const n of load.values()) expect(n, `case ${c}`).toBeLessThanOrEqual(out.maxLoad);
      expect(out.maxLoad).toBe(Math.ceil(input.documents.length / input.reviewers.length));
      const seen = [...out.assignments.map((a) => a.documentId), ...out.unassigned].sort();
      expect(seen, `case ${c}: every document exactly once`).toEqual([...docs.keys()].sort());
    }
  });

  it('reaches the optimum of a brute force on 300 small inputs: most documents assigned, then fewest in the same municipality', () => {
    for (let c = 1000; c < 1300; c++) {
      const input = randomInput(c, { maxSchools: 5, maxDocs: 6 });
      const out = assignMutualExpertise(input);
      const best = bruteBest(input);
      const same = out.assignments.filter((a) => !a.crossMunicipality).length;
      expect({ assigned: out.assignments.length, same }, `case ${c}`).toEqual(best);
    }
  });

  it('assigns everything when every school has another to review it, and prefers another municipality', () => {
    const reviewers = ['a', 'b', 'c', 'd'].map((s, i) => ({
      schoolId: s,
      municipalityId: i < 2 ? 'm1' : 'm2',
    }));
    const documents = reviewers.map((r) => ({
      id: `doc-${r.schoolId}`,
      schoolId: r.schoolId,
      municipalityId: r.municipalityId,
    }));
    const out = assignMutualExpertise({ documents, reviewers, seed: 'x' });
    expect(out.unassigned).toEqual([]);
    expect(out.assignments.every((a) => a.crossMunicipality)).toBe(true);
    expect(out.maxLoad).toBe(1);
  });

  it('gives the same result for the same seed whatever the order of the input, and another for another seed', () => {
    let differs = 0;
    for (let c = 2000; c < 2100; c++) {
      const input = randomInput(c, { maxSchools: 12, maxDocs: 20 });
      const a = assignMutualExpertise(input);
      const b = assignMutualExpertise({
        ...input,
        documents: [...input.documents].reverse(),
        reviewers: [...input.reviewers].reverse(),
      });
      expect(b, `case ${c}`).toEqual(a);
      const other = assignMutualExpertise({ ...input, seed: `${input.seed}-other` });
      if (JSON.stringify(other) !== JSON.stringify(a)) differs++;
    }
    // The seed is not ignored: most inputs with a choice come out differently.
    expect(differs).toBeGreaterThan(30);
  });

  it('leaves a document unassigned when its only possible reviewer is forbidden (a mentor pair)', () => {
    const out = assignMutualExpertise({
      documents: [
        { id: 'd1', schoolId: 'a', municipalityId: 'm1' },
        { id: 'd2', schoolId: 'b', municipalityId: 'm2' },
      ],
      reviewers: [
        { schoolId: 'a', municipalityId: 'm1' },
        { schoolId: 'b', municipalityId: 'm2' },
      ],
      forbiddenPairs: [['b', 'a']],
      seed: 's',
    });
    expect(out.assignments).toEqual([]);
    expect(out.unassigned).toEqual(['d1', 'd2']);
  });

  it('keeps the load balanced: 7 programs over 3 schools never give one school 4', () => {
    const reviewers = ['a', 'b', 'c'].map((s) => ({ schoolId: s, municipalityId: 'm' }));
    const documents = Array.from({ length: 7 }, (_, i) => ({
      id: `d${i}`,
      schoolId: 'z',
      municipalityId: 'm2',
    }));
    const out = assignMutualExpertise({ documents, reviewers, seed: 'load' });
    const load = new Map<string, number>();
    for (const a of out.assignments) load.set(a.reviewerSchoolId, (load.get(a.reviewerSchoolId) ?? 0) + 1);
    expect(out.maxLoad).toBe(3);
    expect([...load.values()].sort()).toEqual([2, 2, 3]);
  });
});
