import { ruleOf } from '../../src/modules/risk-profiles/instrument.js';
import { parseInstrument } from '../../src/modules/risk-profiles/parse-instrument.js';
import { orderedJson, profilesDocument } from '../../src/modules/risk-profiles/profile-json.js';
import { readResponses } from '../../src/modules/risk-profiles/read-responses.js';

// A second, independent implementation of `opora-risk-default`, written in this file from the text of
// issue 11 §3 only (plain loops over the rows, nothing shared with score-profile.ts or the reader), and
// compared with what `opora risk-profile --json` prints on a few hundred seeded random instruments and
// responses files: school by school, factor by factor, score to 1e-9 and level.

type Opt = { value: string; risk: number };
type Item = {
  id: string;
  group: string;
  factor: string;
  type: 'single' | 'multi' | 'scale' | 'number';
  weight?: number;
  options?: Opt[];
  riskIf?: { op: '>=' | '<='; value: number };
};
type Ins = {
  id: string;
  version: number;
  factors: { code: string; name: string }[];
  items: Item[];
  rule?: {
    id: string;
    thresholds?: { high: number; medium: number; low: number };
    minRespondents?: Record<string, number>;
  };
};
type Row = [school: string, group: string, respondent: string, item: string, answer: string];

const GROUPS = ['director', 'teacher', 'pupil', 'parent'];

export function reference(ins: Ins, rows: Row[]) {
  const th = ins.rule?.thresholds ?? { high: 0.6, medium: 0.4, low: 0.2 };
  const min: Record<string, number> = {
    director: 1,
    teacher: 5,
    pupil: 5,
    parent: 5,
    ...ins.rule?.minRespondents,
  };
  const schools: string[] = [];
  for (const r of rows) if (!schools.includes(r[0])) schools.push(r[0]);
  return schools.map((school) => {
    // item risk of every answered (school, respondent, item)
    const risks: { group: string; respondent: string; item: Item; risk: number }[] = [];
    for (const [s, group, respondent, itemId, answer] of rows) {
      if (s !== school) continue;
      const item = ins.items.find((i) => i.id === itemId) as Item;
      let risk: number | null = null;
      if (item.type === 'number') {
        if (answer.trim() === '') continue;
        const x = Number(answer.replace(',', '.'));
        const rule = item.riskIf as { op: string; value: number };
        risk = (rule.op === '>=' ? x >= rule.value : x <= rule.value) ? 1 : 0;
      } else {
        const chosen = answer
          .split(';')
          .map((v) => v.trim())
          .filter((v) => v !== '');
        for (const v of chosen) {
          const o = (item.options as Opt[]).find((p) => p.value === v) as Opt;
          risk = risk === null ? o.risk : Math.max(risk, o.risk);
        }
      }
      if (risk !== null) risks.push({ group, respondent, item, risk });
    }
    const groups: Record<string, number> = {};
    for (const g of GROUPS)
      groups[g] = new Set(risks.filter((r) => r.group === g).map((r) => r.respondent)).size;
    const counts = (g: string) => groups[g] !== 0 && (groups[g] as number) >= (min[g] as number);
    const factors: Record<string, { score: number | null; level: string }> = {};
    for (const f of ins.factors) {
      let totalW = 0;
      let scoredW = 0;
      let sum = 0;
      for (const item of ins.items) {
        if (item.factor !== f.code) continue;
        const w = item.weight ?? 1;
        totalW += w;
        if (!counts(item.group)) continue;
        const mine = risks.filter((r) => r.item === item);
        if (mine.length === 0) continue;
        let s = 0;
        for (const r of mine) s += r.risk;
        scoredW += w;
        sum += w * (s / mine.length);
      }
      if (scoredW === 0 || scoredW < totalW / 2) {
        factors[f.code] = { score: null, level: 'nodata' };
        continue;
      }
      const score = sum / scoredW;
      const level =
        score >= th.high - 1e-9
          ? 'high'
          : score >= th.medium - 1e-9
            ? 'medium'
            : score >= th.low - 1e-9
              ? 'low'
              : 'none';
      factors[f.code] = { score, level };
    }
    const excludedGroups = GROUPS.filter((g) => !counts(g));
    return { schoolId: school, groups, excludedGroups, factors };
  });
}

/** mulberry32: a small seeded generator, so a failure can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomCase(seed: number): { ins: Ins; rows: Row[]; csv: string } {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)] as T;
  // a risk a hair below a threshold: only the 1e-9 tolerance makes it reach the level
  const RISKS = [0, 0.2, 0.4, 0.6, 1, 0.25, 0.5, 0.75, 0.3, 0.7, 0.6 - 1e-10, 0.4 - 5e-10, 0.5 - 1e-10];
  const codes = ['1', '2', '10', '3', 'x', '11', 'b', '0'].sort(() => r() - 0.5).slice(0, 1 + int(6));
  const items: Item[] = [];
  const nItems = 1 + int(14);
  for (let i = 0; i < nItems; i++) {
    const type = pick(['single', 'multi', 'scale', 'number'] as const);
    const item: Item = { id: `q${i}`, group: pick(GROUPS), factor: pick(codes), type };
    if (r() < 0.5) item.weight = pick([0.5, 1, 1.5, 2, 3]);
    if (type === 'number') item.riskIf = { op: pick(['>=', '<='] as const), value: pick([0, 1, 2, 2.5, 5]) };
    else
      item.options = Array.from({ length: 1 + int(4) }, (_, k) => ({
        value: `v${k}`,
        risk: r() < 0.8 ? pick(RISKS) : r(),
      }));
    items.push(item);
  }
  const ins: Ins = {
    id: `rand-${seed}`,
    version: 1 + int(5),
    factors: codes.map((c) => ({ code: c, name: `Фактор ${c}` })),
    items,
  };
  const ruleKind = int(4);
  if (ruleKind === 1) ins.rule = { id: 'opora-risk-default' };
  if (ruleKind === 2)
    ins.rule = {
      id: 'opora-risk-default',
      thresholds: pick([
        { high: 0.5, medium: 0.25, low: 0.1 },
        { high: 0.75, medium: 0.5, low: 0.25 },
      ]),
    };
  if (ruleKind === 3) {
    const m: Record<string, number> = {};
    for (const g of GROUPS) if (r() < 0.5) m[g] = 1 + int(4);
    ins.rule = { id: 'opora-risk-default', minRespondents: m };
  }
  const rows: Row[] = [];
  const nSchools = 1 + int(4);
  for (let s = 0; s < nSchools; s++) {
    for (const g of GROUPS) {
      const mine = items.filter((i) => i.group === g);
      const n = int(8);
      for (let p = 0; p < n; p++) {
        for (const item of mine) {
          if (r() < 0.3) continue;
          let answer = '';
          if (r() >= 0.1) {
            if (item.type === 'number') answer = pick(['0', '1', '2', '3', '1,5', '2.5', '2,5', '-1', '5']);
            else if (item.type === 'multi')
              answer = (item.options as Opt[])
                .filter(() => r() < 0.4)
                .map((o) => o.value)
                .join(';');
            else answer = pick(item.options as Opt[]).value;
          }
          rows.push([`SCH-${(s * 7919 + seed) % 1000}`, g, `${g[0]}${p}`, item.id, answer]);
        }
      }
    }
  }
  rows.sort(() => r() - 0.5); // rows of schools and respondents interleaved
  const eol = r() < 0.5 ? '\r\n' : '\n';
  const cell = (v: string) => (v.includes(',') || v.includes(';') || r() < 0.1 ? `"${v}"` : v);
  const csv = `${r() < 0.3 ? '\uFEFF' : ''}school_id,group,respondent_id,item_id,answer${eol}${rows.map((x) => x.map(cell).join(',')).join(eol)}${eol}`;
  return { ins, rows, csv };
}

/** What the CLI prints for the case, parsed back. */
export async function cliDocument(ins: Ins, csv: string) {
  const parsed = parseInstrument(JSON.parse(JSON.stringify(ins)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const res = await readResponses(parsed.instrument, new TextEncoder().encode(csv));
  if (!res.ok) throw new Error(JSON.stringify(res.errors.slice(0, 3)));
  return orderedJson(profilesDocument(parsed.instrument, ruleOf(parsed.instrument), res.profiles), 2);
}
