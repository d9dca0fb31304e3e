import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { pupilCheckpoints, pupilResults } from '../../db/schema/pupils.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canKeepRegistry } from '../access/pupil-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { keptPupil } from './access.js';
import { type Checkpoint, defaultCheckpoints } from './reference.js';
import type { checkpointsInput, recordResultInput } from './schemas.js';
import { PUPIL_MSG } from './strings.js';

// Checkpoints of a school year: the defaults in code (reference.ts), replaced as a whole by the region's
// own list, and that by the school's own. A pupil's result at a checkpoint: status, marks, diagnostics.

const regionPathOf = (path: string) => `/${path.split('/').filter(Boolean)[0]}/`;

/** The checkpoints that apply to a school in a year. */
export async function checkpointsOf(
  db: Db,
  opts: { schoolId: string; schoolPath: string; year: number },
): Promise<Checkpoint[]> {
  const rows = await db
    .select({ c: pupilCheckpoints, path: orgUnits.path })
    .from(pupilCheckpoints)
    .innerJoin(orgUnits, eq(orgUnits.id, pupilCheckpoints.unitId))
    .where(
      and(
        eq(pupilCheckpoints.year, opts.year),
        sql`${orgUnits.path} in (${opts.schoolPath}, ${regionPathOf(opts.schoolPath)})`,
      ),
    )
    .orderBy(asc(pupilCheckpoints.sort), asc(pupilCheckpoints.date));
  const own = rows.filter((r) => r.c.unitId === opts.schoolId);
  const chosen = own.length ? own : rows.filter((r) => r.c.unitId !== opts.schoolId);
  if (chosen.length === 0) return defaultCheckpoints(opts.year);
  return chosen.map(({ c }) => ({ key: c.key, name: c.name, date: c.date, sort: c.sort }));
}

/** Checkpoints of a unit the actor sees: its own list, or what applies to it. */
export async function unitCheckpoints(db: Db, opts: { actor: Actor; unitId: string; year: number }) {
  const [u] = await db
    .select({ id: orgUnits.id, path: orgUnits.path, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, opts.unitId), pathReadable(opts.actor, orgUnits.path)));
  if (!u) throw notFound('Организация');
  const own = await db
    .select()
    .from(pupilCheckpoints)
    .where(and(eq(pupilCheckpoints.unitId, u.id), eq(pupilCheckpoints.year, opts.year)));
  const list =
    u.kind === 'school'
      ? await checkpointsOf(db, { schoolId: u.id, schoolPath: u.path, year: opts.year })
      : own.length
        ? own
            .map((c) => ({ key: c.key, name: c.name, date: c.date, sort: c.sort }))
            .sort((a, b) => a.sort - b.sort)
        : defaultCheckpoints(opts.year);
  return { year: opts.year, own: own.length > 0, checkpoints: list };
}

/** Replaces the unit's own checkpoints of the year (an empty list returns to those above). */
export async function setCheckpoints(
  db: Db,
  opts: { actor: Actor; unitId: string; input: z.infer<typeof checkpointsInput> },
) {
  const { actor, input } = opts;
  const [u] = await db
    .select({ id: orgUnits.id, path: orgUnits.path, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, opts.unitId), pathReadable(actor, orgUnits.path)));
  if (!u) throw notFound('Организация');
  const allowed =
    u.kind === 'school'
      ? canKeepRegistry(actor, u.path)
      : u.kind === 'region' &&
        actor.assignments.some((a) => a.role === 'regional_operator' && a.unitPath === u.path);
  if (!allowed) throw new AppError('FORBIDDEN', PUPIL_MSG.checkpointsOwner);
  const keys = input.checkpoints.map((c) => c.key);
  if (new Set(keys).size !== keys.length)
    throw invalid(PUPIL_MSG.duplicateKey, [{ field: 'checkpoints', message: PUPIL_MSG.duplicateKey }]);
  await db.transaction(async (tx) => {
    await tx
      .delete(pupilCheckpoints)
      .where(and(eq(pupilCheckpoints.unitId, u.id), eq(pupilCheckpoints.year, input.year)));
    if (input.checkpoints.length)
      await tx.insert(pupilCheckpoints).values(
        [...input.checkpoints]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((c, i) => ({
            unitId: u.id,
            year: input.year,
            key: c.key,
            name: c.name,
            date: c.date,
            sort: i + 1,
          })),
      );
    await recordEvent(
      tx,
      actor,
      'pupil_checkpoints.set',
      { entityType: 'org_unit', entityId: u.id, orgUnitId: u.id },
      { year: input.year, keys },
    );
  });
  return unitCheckpoints(db, { actor, unitId: u.id, year: input.year });
}

/** Records (or changes, with its version) the pupil's result at a checkpoint of his year. */
export async function recordResult(
  db: Db,
  opts: { actor: Actor; id: string; key: string; input: z.infer<typeof recordResultInput> },
) {
  const { actor, input } = opts;
  const row = await keptPupil(db, actor, opts.id);
  const checkpoints = await checkpointsOf(db, {
    schoolId: row.r.schoolId,
    schoolPath: row.schoolPath,
    year: row.r.year,
  });
  if (!checkpoints.some((c) => c.key === opts.key))
    throw invalid(PUPIL_MSG.unknownCheckpoint, [{ field: 'key', message: PUPIL_MSG.unknownCheckpoint }]);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(pupilResults)
      .where(and(eq(pupilResults.recordId, row.r.id), eq(pupilResults.checkpointKey, opts.key)));
    const values = {
      status: input.status,
      marks: input.marks,
      diagnostics: input.diagnostics ?? null,
      recordedBy: actor.userId,
    };
    let saved: { version: number } | undefined;
    if (existing) {
      if (input.version !== existing.version) throw conflict({ version: existing.version });
      [saved] = await tx
        .update(pupilResults)
        .set({ ...values, version: sql`${pupilResults.version} + 1`, updatedAt: new Date() })
        .where(and(eq(pupilResults.id, existing.id), eq(pupilResults.version, existing.version)))
        .returning({ version: pupilResults.version });
      if (!saved) throw conflict({ version: existing.version });
    } else {
      if (input.version !== undefined) throw conflict({ version: null });
      [saved] = await tx
        .insert(pupilResults)
        .values({ recordId: row.r.id, checkpointKey: opts.key, ...values })
        .onConflictDoNothing()
        .returning({ version: pupilResults.version });
      if (!saved) throw conflict({ version: null });
    }
    await recordEvent(
      tx,
      actor,
      'pupil_result.recorded',
      { entityType: 'pupil_record', entityId: row.r.id, orgUnitId: row.r.schoolId },
      { checkpointKey: opts.key, status: input.status, subjects: Object.keys(input.marks).length },
    );
    return { checkpointKey: opts.key, version: saved.version };
  });
}
