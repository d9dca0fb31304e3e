import { z } from 'zod';
import type { RiskLevel } from '../../db/schema/values.js';

// «Самые частые высокие риски»: per factor, how many of the shown schools have it high — as computed,
// and as verified by the curators (among the verified profiles) — most frequent first.

export const frequentView = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    /** schools with a computed profile, and of them with this factor computed high */
    computedSchools: z.number().int(),
    computedHigh: z.number().int(),
    /** schools with a verified profile, and of them with this factor verified high */
    verifiedSchools: z.number().int(),
    verifiedHigh: z.number().int(),
  }),
);
export type FrequentView = z.infer<typeof frequentView>;

type Row = {
  computed: boolean;
  verification: string;
  cells: { code: string; level: RiskLevel; verifiedLevel: RiskLevel | null }[];
};

export function frequentRisks(factors: { code: string; name: string }[], rows: Row[]): FrequentView {
  const computed = rows.filter((r) => r.computed);
  const verified = computed.filter((r) => r.verification === 'verified');
  const count = (list: Row[], code: string, pick: (c: Row['cells'][number]) => RiskLevel | null) =>
    list.filter((r) => r.cells.some((c) => c.code === code && pick(c) === 'high')).length;
  return factors
    .map((f) => ({
      code: f.code,
      name: f.name,
      computedSchools: computed.length,
      computedHigh: count(computed, f.code, (c) => c.level),
      verifiedSchools: verified.length,
      verifiedHigh: count(verified, f.code, (c) => c.verifiedLevel),
    }))
    .sort((a, b) => b.computedHigh - a.computedHigh || b.verifiedHigh - a.verifiedHigh);
}
