import type { Db } from '../../db/client.js';
import { invalid } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import type { DataPackage } from '../assessment-data/types.js';
import { EffectInputError, type EffectResult, estimateEffect, signed } from '../effect/estimate.js';
import { EFFECT_COUNTED } from '../effect/strings.js';
import { identifierFor } from '../identification/identify.js';
import { OPORA_DEFAULT } from '../identification/methodology.js';
import { readableUnitOfRegion } from '../organisation/get-coverage.js';
import { allMembers, type ListRow, type Member, shnorLists, visibleMembers } from './list-members.js';
import { regionData } from './region-data.js';
import { ANALYSIS_COUNTED, ANALYSIS_TEXT, EFFECT_WORDS, MIN_MUNICIPALITY_TREATED } from './strings.js';
import type { EffectView } from './views.js';

// «Эффект поддержки» (issue 13 §4) from the database: the region's package (region-data.ts), treated = the
// approved ШНОР list of year T (for a municipality: its schools of that list), excluded from the comparison
// = every other school of list T (supported too: for a municipality, the other municipalities' ШНОР) and the
// schools of the approved ШНОР lists of earlier years (supported before; see below why not later); then the
// one estimator of src/modules/effect — a municipality page gives its row of the region page; the page
// and `opora evaluate-effect` on the same package give the same numbers. The treated are read with the
// actor's access in the query; the comparison group leaves the server only as averages.

const unitOf = (u: { id: string; name: string; kind: EffectView['unit']['kind'] }) => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
});

export async function getEffect(
  db: Db,
  opts: { actor: Actor; unitId: string; year?: number },
): Promise<EffectView> {
  const started = performance.now();
  const unit = await readableUnitOfRegion(db, opts.actor, opts.unitId);
  const data = await regionData(db, unit.regionId);
  const has = new Set(data.years);
  const approved = (await shnorLists(db, unit.regionId)).filter((l) => l.status === 'approved');
  const usable = approved.filter((l) => has.has(l.year - 1) && has.has(l.year) && has.has(l.year + 1));
  const years = usable.map((l) => l.year);
  const empty = (message: string): EffectView => ({
    unit: unitOf(unit),
    year: null,
    years,
    list: null,
    message,
    result: null,
    eventStudy: null,
    municipalities: [],
    municipalityMinimum: EFFECT_WORDS.municipalityMin,
    methodology: [...EFFECT_WORDS.methodology],
    sources: null,
    elapsedMs: Math.round(performance.now() - started),
  });
  // A school (a curator's, a school team's): no estimate of its own, the page says why.
  if (unit.kind !== 'region' && unit.kind !== 'municipality') return empty(ANALYSIS_TEXT.unitNotArea);
  if (opts.year !== undefined && !years.includes(opts.year))
    throw invalid(ANALYSIS_TEXT.noListYear(opts.year));
  if (usable.length === 0) return empty(ANALYSIS_TEXT.noLists);
  // Without a year: the latest list whose estimate can be made (a just-loaded year may have results of a
  // few schools only, too few to compare with); the page then offers the other years.
  const tried = opts.year !== undefined ? usable.filter((l) => l.year === opts.year) : [...usable].reverse();
  const code = (id: string) => data.codeByOrgUnitId.get(id);
  let chosen: Estimated | null = null;
  let failure: { message: string; list: ListRow } | null = null;
  for (const l of tried) {
    const attempt = await estimateList(db, {
      actor: opts.actor,
      unitPath: unit.path,
      municipality: unit.kind === 'municipality',
      pkg: data.pkg,
      code,
      approved,
      list: l,
    });
    if ('message' in attempt) failure ??= { message: attempt.message, list: l };
    else {
      chosen = attempt;
      break;
    }
  }
  if (!chosen) {
    const f = failure as { message: string; list: ListRow };
    return { ...empty(f.message), year: f.list.year, list: listView(f.list) };
  }
  const { list, members, treated, exclude, result } = chosen;
  const T = list.year;

  // By municipality: only at the region level; the comparison is the region's pool in every row.
  const municipalities: EffectView['municipalities'] = [];
  if (unit.kind === 'region') {
    const kept = new Set(result.schools.treated);
    const byMunicipality = new Map<string, { name: string; codes: Set<string> }>();
    for (const m of members) {
      const c = code(m.schoolId);
      if (c === undefined || !kept.has(c)) continue;
      const entry = byMunicipality.get(m.municipalityId) ?? { name: m.municipalityName, codes: new Set() };
      entry.codes.add(c);
      byMunicipality.set(m.municipalityId, entry);
    }
    for (const [id, m] of byMunicipality) {
      let estimate = null;
      if (m.codes.size >= MIN_MUNICIPALITY_TREATED) {
        const others = new Set(exclude);
        for (const c of treated) if (!m.codes.has(c)) others.add(c);
        estimate = estimateView(estimateEffect(data.pkg, T, m.codes, { exclude: others }));
      }
      municipalities.push({
        unit: { id, name: m.name, kind: 'municipality' },
        treated: m.codes.size,
        estimate,
      });
    }
    municipalities.sort(byRussian((r) => r.unit.name));
  }

  // The estimator's note on --exclude speaks to the command line; the page says what it left out and why.
  const cliNote = EFFECT_COUNTED.excluded.render(data.pkg.schools.filter((s) => exclude.has(s.id)).length);
  const notes = result.notes.map((n) => (n === cliNote ? EFFECT_WORDS.excludedNote(cliNote) : n));
  const naive = signed(result.naive.estimate);
  const effect = signed(result.effect.estimate);
  return {
    unit: unitOf(unit),
    year: T,
    years,
    list: listView(list),
    message: null,
    result: {
      ...estimateView(result),
      method: result.effect.method,
      pool: result.balance.pool,
      adjustment: result.balance.adjustment,
      explanation:
        result.naive.estimate > result.effect.estimate
          ? EFFECT_WORDS.naiveExplained(naive, effect)
          : EFFECT_WORDS.naiveNotLarger(naive, effect),
      notes,
      balance: result.balance.covariates,
    },
    eventStudy: eventStudy(data.pkg, data.years, result, T),
    municipalities,
    municipalityMinimum: EFFECT_WORDS.municipalityMin,
    methodology: [...EFFECT_WORDS.methodology],
    sources: {
      effect: EFFECT_WORDS.source.effect(T),
      naive: EFFECT_WORDS.source.naive(T),
      counts: EFFECT_WORDS.source.counts(T),
      eventStudy: EFFECT_WORDS.source.eventStudy(T),
      balance: EFFECT_WORDS.source.balance(T),
      municipality: EFFECT_WORDS.source.municipality(T),
    },
    elapsedMs: Math.round(performance.now() - started),
  };
}

const listView = (l: {
  id: string;
  year: number;
  status: 'approved' | 'draft';
  orderNumber: string | null;
  orderDate: string | null;
}) => ({
  id: l.id,
  year: l.year,
  status: l.status,
  orderNumber: l.orderNumber,
  orderDate: l.orderDate,
});

function estimateView(r: EffectResult) {
  return {
    treated: r.treated,
    comparison: r.comparison,
    naive: r.naive.estimate,
    estimate: r.effect.estimate,
    ciLow: r.effect.ciLow,
    ciHigh: r.effect.ciHigh,
    significant: r.effect.ciLow > 0 || r.effect.ciHigh < 0,
  };
}

/**
 * Mean R by year of the supported schools and of the comparison schools, each comparison school weighted
 * by how often it was matched: the two lines run together before T (the matching) and part after T.
 */
export function eventStudy(pkg: DataPackage, years: number[], r: EffectResult, T: number) {
  const identifier = identifierFor(pkg, OPORA_DEFAULT);
  const index = new Map(pkg.schools.map((s, i) => [s.id, i]));
  const mean = (ids: { id: string; weight: number }[], rs: Float64Array) => {
    let sum = 0;
    let weight = 0;
    for (const { id, weight: w } of ids) {
      const v = rs[index.get(id) as number] as number;
      if (Number.isNaN(v)) continue;
      sum += v * w;
      weight += w;
    }
    return weight > 0 ? sum / weight : null;
  };
  const treated = r.schools.treated.map((id) => ({ id, weight: 1 }));
  const series = years.map((y) => {
    const rs = identifier.resultsOf(y).r;
    return [mean(treated, rs), mean(r.schools.comparison, rs)] as const;
  });
  return {
    kind: 'line' as const,
    categories: years.map(String),
    series: [
      { name: `Поддержанные (список ${T} года)`, values: series.map((s) => s[0]) },
      { name: 'Сравнение (подобранные, с весами)', values: series.map((s) => s[1]) },
    ],
    valueFormat: 'share' as const,
    xName: 'Год',
    yName: 'Среднее R',
  };
}

export type Estimated = {
  list: ListRow;
  members: Member[];
  treated: Set<string>;
  exclude: Set<string>;
  result: EffectResult;
};

/**
 * The estimate for one list year, or why it cannot be made (too few schools with data; for a municipality,
 * fewer than MIN_MUNICIPALITY_TREATED). Exported for the test that checks the comparison group.
 */
export async function estimateList(
  db: Db,
  x: {
    actor: Actor;
    unitPath: string;
    municipality: boolean;
    pkg: DataPackage;
    code: (orgUnitId: string) => string | undefined;
    approved: ListRow[];
    list: ListRow;
  },
): Promise<Estimated | { message: string }> {
  const members = await visibleMembers(db, { actor: x.actor, listId: x.list.id, unitPath: x.unitPath });
  // Supported before T: their support may still act in T → T+1. Lists after T are NOT excluded: the list of
  // T+1 is chosen by R(T+1), the outcome itself — leaving out its schools would leave out exactly the
  // comparison schools whose R fell, and bias the estimate down (seen on generated regions: −0,03 R).
  // List T itself: the schools of T the unit does not treat (another municipality's, or ones the actor may
  // not see) were supported in T too and would be the closest matches of the treated.
  const earlier = x.approved.filter((l) => l.year < x.list.year);
  const supported = await allMembers(db, [...earlier, x.list]);
  const everSupported = new Set([...supported.values()].flatMap((s) => [...s]));
  const treated = new Set(members.map((m) => x.code(m.schoolId)).filter((c): c is string => c !== undefined));
  const exclude = new Set([...everSupported].map(x.code).filter((c): c is string => c !== undefined));
  for (const c of treated) exclude.delete(c);
  try {
    const result = estimateEffect(x.pkg, x.list.year, treated, { exclude });
    if (x.municipality && result.treated < MIN_MUNICIPALITY_TREATED)
      return { message: ANALYSIS_COUNTED.fewInMunicipality.render(result.treated) };
    return { list: x.list, members, treated, exclude, result };
  } catch (e) {
    if (e instanceof EffectInputError) return { message: e.message };
    throw e;
  }
}
