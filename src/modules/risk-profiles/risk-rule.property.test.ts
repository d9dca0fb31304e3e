import { describe, expect, it } from 'vitest';
import { cliDocument, randomCase, reference } from '../../../tests/helpers/risk-rule-reference.js';

// `opora-risk-default` against the independent implementation in tests/helpers/risk-rule-reference.ts
// (written from the text of issue 11 §3 only) on a few hundred seeded random instruments and files.

describe('opora-risk-default against an independent implementation', () => {
  it('agrees on 400 seeded random instruments and responses files', async () => {
    let factorsCompared = 0;
    let atThreshold = 0;
    let nodata = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { ins, rows, csv } = randomCase(seed);
      const text = await cliDocument(ins, csv);
      const doc = JSON.parse(text);
      const want = reference(ins, rows);
      expect(doc.instrument, `seed ${seed}`).toEqual({ id: ins.id, version: ins.version });
      expect(
        doc.schools.map((s: { schoolId: string }) => s.schoolId),
        `seed ${seed}`,
      ).toEqual(want.map((s) => s.schoolId));
      // the factors object is written in instrument order, whatever the codes look like
      const keys = [...text.matchAll(/^ {8}"([^"]+)": \{$/gm)].map((m) => m[1]);
      expect(keys, `seed ${seed}`).toEqual(want.flatMap(() => ins.factors.map((f) => f.code)));
      want.forEach((w, k) => {
        const got = doc.schools[k];
        expect(got.groups, `seed ${seed} ${w.schoolId}`).toEqual(w.groups);
        expect(got.excludedGroups, `seed ${seed} ${w.schoolId}`).toEqual(w.excludedGroups);
        for (const f of ins.factors) {
          const a = got.factors[f.code];
          const b = w.factors[f.code] as { score: number | null; level: string };
          const where = `seed ${seed} school ${w.schoolId} factor ${f.code}`;
          expect(a.level, where).toBe(b.level);
          if (b.score === null) expect(a.score, where).toBeNull();
          else expect(Math.abs(a.score - b.score), where).toBeLessThanOrEqual(1e-9);
          factorsCompared++;
          if (b.level === 'nodata') nodata++;
          if (
            b.score !== null &&
            [0.2, 0.4, 0.6, 0.1, 0.25, 0.5, 0.75].some((t) => Math.abs((b.score as number) - t) < 1e-12)
          )
            atThreshold++;
        }
      });
    }
    // the random cases do reach the clauses that matter
    expect(factorsCompared).toBeGreaterThan(2000);
    expect(nodata).toBeGreaterThan(200);
    expect(atThreshold).toBeGreaterThan(100);
  });
});
