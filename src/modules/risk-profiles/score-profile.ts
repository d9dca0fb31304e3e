import { RESPONDENT_GROUPS, type RespondentGroup, type RiskLevel } from '../../db/schema/values.js';
import { type Instrument, type InstrumentItem, type RiskRule, ruleOf } from './instrument.js';

// The scoring rule `opora-risk-default` (issue 11 §3), written once: the CLI, the campaign's profiles
// and the benchmark all feed answers into `ProfileScorer`. Any other implementation of the rule must
// give the same levels, so every step below follows the wording literally.

/** A respondent's answer to one item, already checked against the instrument (see `readAnswer`). */
export type Answer = string | readonly string[] | number;

/** A score within this distance of a threshold (or a weight share of exactly one half) reaches it. */
const EPS = 1e-9;

/** The respondent's item risk, or null when the answer is empty (the item is then skipped). */
export function itemRisk(item: InstrumentItem, answer: Answer): number | null {
  if (item.type === 'number') {
    if (typeof answer !== 'number' || !item.riskIf) return null;
    return (item.riskIf.op === '>=' ? answer >= item.riskIf.value : answer <= item.riskIf.value) ? 1 : 0;
  }
  const chosen = typeof answer === 'string' ? [answer] : typeof answer === 'number' ? [] : answer;
  let risk: number | null = null;
  for (const value of chosen) {
    const option = item.options?.find((o) => o.value === value);
    if (option && (risk === null || option.risk > risk)) risk = option.risk;
  }
  return risk;
}

export function levelOf(score: number | null, rule: RiskRule): RiskLevel {
  if (score === null) return 'nodata';
  const { high, medium, low } = rule.thresholds;
  if (score >= high - EPS) return 'high';
  if (score >= medium - EPS) return 'medium';
  if (score >= low - EPS) return 'low';
  return 'none';
}

export type ItemScore = {
  itemId: string;
  group: RespondentGroup;
  weight: number;
  score: number;
  respondents: number;
};
export type FactorProfile = {
  code: string;
  score: number | null;
  level: RiskLevel;
  /** The items with a score behind the level: what makes the level explain itself. */
  items: ItemScore[];
};
export type SchoolProfile = {
  schoolId: string;
  groups: Record<RespondentGroup, number>;
  excludedGroups: RespondentGroup[];
  factors: FactorProfile[];
};

type SchoolTally = {
  respondents: Record<RespondentGroup, Set<string>>;
  /** per item index: sum of risks and number of respondents who answered */
  sums: Float64Array;
  counts: Uint32Array;
};

/** Accumulates item risks school by school, then computes every school's profile. */
export class ProfileScorer {
  readonly rule: RiskRule;
  private readonly itemIndex = new Map<string, number>();
  private readonly schools = new Map<string, SchoolTally>();

  constructor(readonly instrument: Instrument) {
    this.rule = ruleOf(instrument);
    instrument.items.forEach((item, i) => {
      this.itemIndex.set(item.id, i);
    });
  }

  item(itemId: string): InstrumentItem | undefined {
    const i = this.itemIndex.get(itemId);
    return i === undefined ? undefined : this.instrument.items[i];
  }

  /** A school appears in the result even if none of its answers count («at least one row in the file»). */
  touch(schoolId: string): SchoolTally {
    let tally = this.schools.get(schoolId);
    if (!tally) {
      const n = this.instrument.items.length;
      tally = {
        respondents: { director: new Set(), teacher: new Set(), pupil: new Set(), parent: new Set() },
        sums: new Float64Array(n),
        counts: new Uint32Array(n),
      };
      this.schools.set(schoolId, tally);
    }
    return tally;
  }

  /** One answer of one respondent; the item must belong to the respondent's group (checked by callers). */
  add(schoolId: string, respondentId: string, itemId: string, answer: Answer): void {
    const tally = this.touch(schoolId);
    const i = this.itemIndex.get(itemId);
    if (i === undefined) return;
    const item = this.instrument.items[i] as InstrumentItem;
    const risk = itemRisk(item, answer);
    if (risk === null) return;
    tally.respondents[item.group].add(respondentId);
    tally.sums[i] = (tally.sums[i] as number) + risk;
    tally.counts[i] = (tally.counts[i] as number) + 1;
  }

  profiles(): SchoolProfile[] {
    return [...this.schools.entries()].map(([schoolId, tally]) => this.profile(schoolId, tally));
  }

  private profile(schoolId: string, tally: SchoolTally): SchoolProfile {
    const groups = Object.fromEntries(RESPONDENT_GROUPS.map((g) => [g, tally.respondents[g].size])) as Record<
      RespondentGroup,
      number
    >;
    const counted = (g: RespondentGroup) => groups[g] > 0 && groups[g] >= this.rule.minRespondents[g];
    const factors = this.instrument.factors.map((factor): FactorProfile => {
      let total = 0;
      let scored = 0;
      let weighted = 0;
      const items: ItemScore[] = [];
      this.instrument.items.forEach((item, i) => {
        if (item.factor !== factor.code) return;
        const weight = item.weight ?? 1;
        total += weight;
        const n = tally.counts[i] as number;
        if (n === 0 || !counted(item.group)) return;
        const score = (tally.sums[i] as number) / n;
        scored += weight;
        weighted += weight * score;
        items.push({ itemId: item.id, group: item.group, weight, score, respondents: n });
      });
      const defined = scored > 0 && scored >= total / 2 - EPS;
      const score = defined ? weighted / scored : null;
      return { code: factor.code, score, level: levelOf(score, this.rule), items };
    });
    return { schoolId, groups, excludedGroups: RESPONDENT_GROUPS.filter((g) => !counted(g)), factors };
  }
}
