import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { identificationResults } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { invalid } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { FLAG_KEYS, type Flags } from './identify.js';
import { getRun, type RunView } from './runs.js';
import type { FlagCounts } from './summary.js';

// What-if: two finished runs of one region and year (usually the current methodology and a draft), flag
// by flag — how many schools, which entered and which left the list — and by municipality.

export type CompareSchool = { id: string; name: string; municipality: { id: string; name: string } };

export type RunComparison = {
  base: RunView;
  other: RunView;
  flags: Record<
    keyof Flags,
    { base: number; other: number; entered: CompareSchool[]; left: CompareSchool[] }
  >;
  byMunicipality: { municipality: { id: string; name: string }; base: FlagCounts; other: FlagCounts }[];
};

const municipality = alias(orgUnits, 'municipality');

type FlaggedSchool = CompareSchool & { flags: Flags };

async function flaggedSchools(db: Db, runId: string): Promise<Map<string, FlaggedSchool>> {
  const rows = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      shnor: identificationResults.shnor,
      shnsu: identificationResults.shnsu,
      riskZone: identificationResults.riskZone,
      resilient: identificationResults.resilient,
      stagnation: identificationResults.stagnation,
      repeat: identificationResults.repeat,
      exit: identificationResults.exit,
      objectivity: identificationResults.objectivity,
    })
    .from(identificationResults)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationResults.schoolId))
    .leftJoin(municipality, eq(municipality.id, orgUnits.parentId))
    .where(eq(identificationResults.runId, runId));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        municipality: { id: r.municipalityId ?? '', name: r.municipalityName ?? '' },
        flags: Object.fromEntries(FLAG_KEYS.map((k) => [k, r[k]])) as Flags,
      },
    ]),
  );
}

const zero = (): FlagCounts => Object.fromEntries(FLAG_KEYS.map((k) => [k, 0])) as FlagCounts;

const bySchool = (a: CompareSchool, b: CompareSchool) =>
  byRussian<CompareSchool>((x) => x.municipality.name)(a, b) || byRussian<CompareSchool>((x) => x.name)(a, b);

const ref = (s: FlaggedSchool): CompareSchool => ({ id: s.id, name: s.name, municipality: s.municipality });

export async function compareRuns(
  db: Db,
  opts: { actor: Actor; baseRunId: string; otherRunId: string },
): Promise<RunComparison> {
  const base = await getRun(db, { actor: opts.actor, runId: opts.baseRunId });
  const other = await getRun(db, { actor: opts.actor, runId: opts.otherRunId });
  if (base.regionId !== other.regionId || base.year !== other.year) {
    throw invalid('Сравнивать можно только расчёты одного региона за один и тот же год');
  }
  for (const r of [base, other]) {
    if (r.status !== 'done') {
      throw invalid(
        `Расчёт по методике «${r.methodology.name}» (версия ${r.methodology.version}) ещё не завершён`,
      );
    }
  }
  const a = await flaggedSchools(db, base.id);
  const b = await flaggedSchools(db, other.id);

  const flags = Object.fromEntries(
    FLAG_KEYS.map((k) => {
      const entered: CompareSchool[] = [];
      const left: CompareSchool[] = [];
      let nBase = 0;
      let nOther = 0;
      for (const s of a.values()) {
        if (s.flags[k]) nBase++;
        if (s.flags[k] && !b.get(s.id)?.flags[k]) left.push(ref(s));
      }
      for (const s of b.values()) {
        if (s.flags[k]) nOther++;
        if (s.flags[k] && !a.get(s.id)?.flags[k]) entered.push(ref(s));
      }
      return [k, { base: nBase, other: nOther, entered: entered.sort(bySchool), left: left.sort(bySchool) }];
    }),
  ) as RunComparison['flags'];

  const byId = new Map<string, RunComparison['byMunicipality'][number]>();
  const add = (schools: Map<string, FlaggedSchool>, side: 'base' | 'other') => {
    for (const s of schools.values()) {
      let m = byId.get(s.municipality.id);
      if (!m) {
        m = { municipality: s.municipality, base: zero(), other: zero() };
        byId.set(s.municipality.id, m);
      }
      for (const k of FLAG_KEYS) if (s.flags[k]) m[side][k]++;
    }
  };
  add(a, 'base');
  add(b, 'other');
  const byMunicipality = [...byId.values()].sort(byRussian((x) => x.municipality.name));
  return { base, other, flags, byMunicipality };
}
