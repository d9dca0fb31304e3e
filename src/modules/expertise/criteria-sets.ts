import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  EXPERTISE_SUBJECTS,
  type ExpertiseSubject,
  expertiseCriteriaSets,
} from '../../db/schema/expertise.js';
import { forbidden, parseInput } from '../../lib/errors.js';
import type { Actor, AnyActor } from '../access/actor.js';
import { isSystem } from '../access/actor.js';
import { regionLevelRegions, regionOfPath } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { DEFAULT_CRITERIA } from './default-criteria.js';
import { type Criterion, createCriteriaSetInput, criteriaListSchema } from './values.js';

// Criteria sets are the region's reference data: versions per subject, the newest is current; a version a
// review used is frozen (`frozen` is set when the first review takes it), and a change is a new version.

export type CriteriaSetRow = typeof expertiseCriteriaSets.$inferSelect;

export function criteriaOf(row: CriteriaSetRow): Criterion[] {
  return criteriaListSchema.parse(row.criteria);
}

export const maxTotalOf = (criteria: Criterion[]) =>
  criteria.reduce((s, c) => s + Math.max(...c.scale.map((p) => p.score)), 0);

/** The region of the actor's first assignment: whose reference data he reads. */
export function actorRegion(actor: Actor): string | null {
  for (const a of actor.assignments) {
    const r = regionOfPath(a.unitPath);
    if (r) return r;
  }
  return null;
}

/** The current set of a subject of a region; version 1 from the defaults is created on first use. */
export async function currentCriteriaSet(
  db: Db,
  actor: AnyActor,
  regionId: string,
  subject: ExpertiseSubject,
): Promise<CriteriaSetRow> {
  const [row] = await db
    .select()
    .from(expertiseCriteriaSets)
    .where(and(eq(expertiseCriteriaSets.regionId, regionId), eq(expertiseCriteriaSets.subject, subject)))
    .orderBy(desc(expertiseCriteriaSets.versionNo))
    .limit(1);
  if (row) return row;
  const d = DEFAULT_CRITERIA[subject];
  return insertSet(db, actor, { regionId, subject, versionNo: 1, title: d.title, criteria: d.criteria });
}

async function insertSet(
  db: Db,
  actor: AnyActor,
  v: { regionId: string; subject: ExpertiseSubject; versionNo: number; title: string; criteria: Criterion[] },
): Promise<CriteriaSetRow> {
  const [row] = await db
    .insert(expertiseCriteriaSets)
    .values({ ...v, createdBy: isSystem(actor) ? null : actor.userId })
    .returning();
  if (!row) throw new Error('criteria set not inserted');
  await recordEvent(
    db,
    actor,
    'expertise_criteria.created',
    { entityType: 'expertise_criteria_set', entityId: row.id, orgUnitId: v.regionId },
    { subject: v.subject, versionNo: v.versionNo, title: v.title },
  );
  return row;
}

/** The default sets of a region, created where missing (the demo, and a region's first expertise). */
export async function ensureDefaultCriteriaSets(
  db: Db,
  actor: AnyActor,
  regionId: string,
): Promise<CriteriaSetRow[]> {
  const out: CriteriaSetRow[] = [];
  for (const s of EXPERTISE_SUBJECTS) out.push(await currentCriteriaSet(db, actor, regionId, s));
  return out;
}

/** The current sets of the actor's region (reading creates nothing: a missing subject shows the defaults). */
export async function listCriteriaSets(db: Db, opts: { actor: Actor }) {
  const regionId = actorRegion(opts.actor);
  const rows = regionId
    ? await db
        .select()
        .from(expertiseCriteriaSets)
        .where(eq(expertiseCriteriaSets.regionId, regionId))
        .orderBy(desc(expertiseCriteriaSets.versionNo))
    : [];
  return EXPERTISE_SUBJECTS.map((subject) => {
    const row = rows.find((r) => r.subject === subject);
    const d = DEFAULT_CRITERIA[subject];
    return row
      ? {
          id: row.id,
          subject,
          versionNo: row.versionNo,
          title: row.title,
          frozen: row.frozen,
          criteria: criteriaOf(row),
          isDefault: false,
          versions: rows.filter((r) => r.subject === subject).length,
        }
      : {
          id: null,
          subject,
          versionNo: 0,
          title: d.title,
          frozen: false,
          criteria: d.criteria,
          isDefault: true,
          versions: 0,
        };
  });
}

/** A new version of a subject's set in the regional operator's region. */
export async function createCriteriaSet(
  db: Db,
  opts: { actor: Actor; input: z.input<typeof createCriteriaSetInput> },
) {
  const input = parseInput(createCriteriaSetInput, opts.input);
  const [regionId] = regionLevelRegions(opts.actor, ['regional_operator']);
  if (!regionId) throw forbidden('Наборы критериев ведёт региональный оператор');
  return db.transaction(async (tx) => {
    const current = await currentCriteriaSet(tx, opts.actor, regionId, input.subject);
    const row = await insertSet(tx, opts.actor, {
      regionId,
      subject: input.subject,
      versionNo: current.versionNo + 1,
      title: input.title,
      criteria: input.criteria,
    });
    return {
      id: row.id,
      subject: row.subject,
      versionNo: row.versionNo,
      title: row.title,
      frozen: row.frozen,
      criteria: criteriaOf(row),
      isDefault: false,
      versions: row.versionNo,
    };
  });
}
