import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { pupilRecords } from '../../db/schema/pupils.js';
import type { PupilStatus } from '../../db/schema/values.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { keptSchool } from './access.js';
import { checkpointsOf } from './checkpoints.js';
import { type Checkpoint, type Dynamics, dynamicsOf } from './reference.js';

// Dynamics from one checkpoint to a later one: a pupil with a result at the first is «improved»,
// «same» or «worse» by his status at the second, «left» when he left the registry, and without data
// when the second has no result yet. The school's summary (its team, identities not needed) counts them
// per class and per subject; aggregates.ts counts the same above the school, with small cells hidden.

export type PupilFacts = {
  id: string;
  classLabel: string;
  subjects: string[];
  excludedOn: string | null;
  results: Map<string, PupilStatus>;
};

/** The pair of checkpoints compared by default: the first and the last with any result. */
export function defaultPair(checkpoints: Checkpoint[], withResults: Set<string>) {
  const used = checkpoints.filter((c) => withResults.has(c.key));
  return { from: used[0]?.key ?? null, to: used.length > 1 ? (used.at(-1)?.key ?? null) : null };
}

/**
 * Each pupil of the cohort (a result at `from`) with his dynamics; null: no data yet. «Выбыл» only when
 * he left by the date of `to` (`toDate`; unknown: by his exclusion alone).
 */
export function pupilDynamics(pupils: PupilFacts[], from: string, to: string, toDate: string | null) {
  const out: { pupil: PupilFacts; dynamics: Dynamics | null }[] = [];
  for (const p of pupils) {
    const before = p.results.get(from);
    if (!before) continue;
    out.push({
      pupil: p,
      dynamics: dynamicsOf(
        before,
        p.results.get(to) ?? null,
        p.excludedOn !== null && (toDate === null || p.excludedOn <= toDate),
      ),
    });
  }
  return out;
}

export type DynamicsCounts = Record<Dynamics | 'noData' | 'total', number>;
const zero = (): DynamicsCounts => ({ improved: 0, same: 0, worse: 0, left: 0, noData: 0, total: 0 });
const add = (c: DynamicsCounts, d: Dynamics | null) => {
  c.total++;
  if (d) c[d]++;
  else c.noData++;
};

/**
 * Facts of records (no identity) with their results, in one statement: the results come aggregated per
 * record (a region's 60,000 records are one scan, not a list of ids sent back to the server).
 */
export async function loadFacts(db: Db, where: SQL | undefined) {
  const rows = await db
    .select({
      id: pupilRecords.id,
      schoolId: pupilRecords.schoolId,
      classLabel: pupilRecords.classLabel,
      grade: pupilRecords.grade,
      category: pupilRecords.category,
      subjects: pupilRecords.subjects,
      causes: pupilRecords.causes,
      excludedOn: pupilRecords.excludedOn,
      results: sql<Record<string, PupilStatus> | null>`(select jsonb_object_agg(x.checkpoint_key, x.status)
        from pupil_results x where x.record_id = ${pupilRecords.id})`,
    })
    .from(pupilRecords)
    .innerJoin(orgUnits, eq(orgUnits.id, pupilRecords.schoolId))
    .where(where);
  const keys = new Set<string>();
  const facts = rows.map(({ results, ...r }) => {
    const m = new Map(Object.entries(results ?? {}) as [string, PupilStatus][]);
    for (const k of m.keys()) keys.add(k);
    return { ...r, results: m };
  });
  return { facts, keys };
}

/** The school's summary: dynamics per class and per subject between two checkpoints (its team). */
export async function schoolSummary(
  db: Db,
  opts: { actor: Actor; schoolId: string; year: number; from?: string; to?: string },
) {
  const school = await keptSchool(db, opts.actor, opts.schoolId);
  const checkpoints = await checkpointsOf(db, {
    schoolId: school.id,
    schoolPath: school.path,
    year: opts.year,
  });
  const { facts, keys } = await loadFacts(
    db,
    and(eq(pupilRecords.schoolId, school.id), eq(pupilRecords.year, opts.year)),
  );
  const pair = defaultPair(checkpoints, keys);
  const from = opts.from ?? pair.from;
  const to = opts.to ?? pair.to;
  const inRegistry = facts.filter((f) => f.excludedOn === null).length;
  const base = { year: opts.year, checkpoints, from, to, inRegistry, excluded: facts.length - inRegistry };
  if (!from || !to) return { ...base, total: zero(), byClass: [], bySubject: [] };
  const total = zero();
  const byClass = new Map<string, DynamicsCounts>();
  const bySubject = new Map<string, DynamicsCounts>();
  for (const { pupil, dynamics } of pupilDynamics(
    facts,
    from,
    to,
    checkpoints.find((c) => c.key === to)?.date ?? null,
  )) {
    add(total, dynamics);
    const c = byClass.get(pupil.classLabel) ?? zero();
    add(c, dynamics);
    byClass.set(pupil.classLabel, c);
    for (const s of pupil.subjects) {
      const x = bySubject.get(s) ?? zero();
      add(x, dynamics);
      bySubject.set(s, x);
    }
  }
  return {
    ...base,
    total,
    byClass: [...byClass]
      .map(([classLabel, counts]) => ({ classLabel, ...counts }))
      .sort(byRussian((x) => x.classLabel.padStart(3, '0'))),
    bySubject: [...bySubject]
      .map(([subject, counts]) => ({ subject, ...counts }))
      .sort(byRussian((x) => x.subject)),
  };
}
