import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import {
  identificationListSchools,
  identificationResults,
  listDecisions,
} from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { byRussian } from '../../lib/sort.js';
import type { LowProcedure } from './identify.js';
import { LIST_KIND_FLAG } from './list-kinds.js';
import { includedSchools } from './list-rule.js';
import type { ListAccess } from './lists-access.js';
import type { decisionView, listCountsView, listEntryView, listSchoolRef, listUnitRef } from './views.js';

// The entries of a list: the schools of its run with their results and the operator's decisions, their
// counts, and the filter of the list's page.

export type UnitRef = z.infer<typeof listUnitRef>;
export type SchoolRef = z.infer<typeof listSchoolRef>;
export type DecisionView = z.infer<typeof decisionView>;
export type ListEntry = z.infer<typeof listEntryView>;
export type ListCounts = z.infer<typeof listCountsView>;

const municipality = alias(orgUnits, 'municipality');

/**
 * The schools of the list's run the actor may see, with the run's result and the operator's decision.
 * Below the region, only the list's own rows (frozen at approval) unless `allOfScope` (counts of the
 * actor's own schools, e.g. the share of a municipality's schools in the list).
 */
export async function loadEntries(
  db: Db,
  access: ListAccess,
  opts: { allOfScope?: boolean } = {},
): Promise<ListEntry[]> {
  const { list } = access;
  const conds: SQL[] = [eq(identificationResults.runId, list.runId)];
  const scope = access.schoolFilter(orgUnits.path);
  if (scope) conds.push(scope);
  // Below the region only the list's own rows, as frozen at approval: a school sees its row in a list it
  // is in, not its flags in a list it is not in.
  if (!access.regionLevel && !opts.allOfScope)
    conds.push(
      inArray(
        identificationResults.schoolId,
        db
          .select({ id: identificationListSchools.schoolId })
          .from(identificationListSchools)
          .where(eq(identificationListSchools.listId, list.id)),
      ),
    );
  const flag = LIST_KIND_FLAG[list.kind];
  const rows = await db
    .select({
      r: identificationResults,
      s: {
        id: orgUnits.id,
        name: orgUnits.name,
        code: orgUnits.code,
        isRural: orgUnits.isRural,
        isSmall: orgUnits.isSmall,
      },
      m: { id: municipality.id, name: municipality.name, kind: municipality.kind },
      d: {
        decision: listDecisions.decision,
        reason: listDecisions.reason,
        decidedAt: listDecisions.decidedAt,
        byId: users.id,
        byName: users.fullName,
      },
    })
    .from(identificationResults)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationResults.schoolId))
    .leftJoin(municipality, eq(municipality.id, orgUnits.parentId))
    .leftJoin(
      listDecisions,
      and(eq(listDecisions.listId, list.id), eq(listDecisions.schoolId, identificationResults.schoolId)),
    )
    .leftJoin(users, eq(users.id, listDecisions.decidedBy))
    .where(and(...conds));
  const entries = rows.map(({ r, s, m, d }): ListEntry => {
    const decision: DecisionView | null =
      d?.decision && d.decidedAt
        ? {
            decision: d.decision,
            reason: d.reason ?? '',
            decidedBy: d.byId ? { id: d.byId, fullName: d.byName ?? '' } : null,
            decidedAt: d.decidedAt.toISOString(),
          }
        : null;
    return {
      school: {
        id: s.id,
        name: s.name,
        code: s.code,
        municipality: m && m.kind === 'municipality' ? { id: m.id, name: m.name } : null,
        isRural: s.isRural,
        isSmall: s.isSmall,
      },
      flags: {
        shnor: r.shnor,
        shnsu: r.shnsu,
        riskZone: r.riskZone,
        resilient: r.resilient,
        stagnation: r.stagnation,
        repeat: r.repeat,
        exit: r.exit,
        objectivity: r.objectivity,
      },
      isbsh: r.isbsh,
      cluster: r.cluster,
      resultIndex: r.resultIndex,
      lowProcedures: (r.lowProcedures ?? []) as LowProcedure[],
      reasons: (r.reasons ?? []) as string[],
      computed: r[flag],
      decision,
      included: false,
    };
  });
  // `included` by the one rule.
  const set = includedSchools(
    new Set(entries.filter((e) => e.computed).map((e) => e.school.id)),
    entries.flatMap((e) => (e.decision ? [{ schoolId: e.school.id, decision: e.decision.decision }] : [])),
  );
  for (const e of entries) e.included = set.has(e.school.id);
  return entries.sort(
    (a, b) =>
      byRussian((e: ListEntry) => e.school.municipality?.name ?? '')(a, b) ||
      byRussian((e: ListEntry) => e.school.name)(a, b),
  );
}

export function countsOf(entries: ListEntry[]): ListCounts {
  let computed = 0;
  let included = 0;
  let excluded = 0;
  for (const e of entries) {
    if (e.computed) computed++;
    if (e.included) included++;
    if (e.computed && !e.included) excluded++;
  }
  return { computed, included, excluded };
}

export const FLAG_FILTERS = [
  'shnor',
  'shnsu',
  'riskZone',
  'resilient',
  'stagnation',
  'repeat',
  'exit',
  'objectivity',
  'included',
  'excluded',
  'decided',
] as const;

export const listEntriesFilter = z.object({
  flag: z.enum(FLAG_FILTERS, { message: 'Неизвестный признак' }).optional(),
  municipalityId: z.uuid({ message: 'Неверный идентификатор' }).optional(),
  cluster: z.coerce.number().int().min(1).max(20).optional(),
  rural: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  small: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListEntriesFilter = z.output<typeof listEntriesFilter>;

export function matchesFilter(e: ListEntry, f: ListEntriesFilter): boolean {
  if (f.flag) {
    const ok =
      f.flag === 'included'
        ? e.included
        : f.flag === 'excluded'
          ? e.computed && !e.included
          : f.flag === 'decided'
            ? e.decision !== null
            : e.flags[f.flag];
    if (!ok) return false;
  }
  if (f.municipalityId && e.school.municipality?.id !== f.municipalityId) return false;
  if (f.cluster !== undefined && e.cluster !== f.cluster) return false;
  if (f.rural !== undefined && Boolean(e.school.isRural) !== f.rural) return false;
  if (f.small !== undefined && Boolean(e.school.isSmall) !== f.small) return false;
  if (f.q) {
    const q = f.q.toLocaleLowerCase('ru');
    if (
      !e.school.name.toLocaleLowerCase('ru').includes(q) &&
      !(e.school.code ?? '').toLowerCase().includes(q)
    )
      return false;
  }
  return true;
}
