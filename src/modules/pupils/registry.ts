import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { pupilRecords, pupilResults } from '../../db/schema/pupils.js';
import { AppError, conflict, invalid } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { pupilIdentityVisible } from '../access/pupil-rules.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { schoolYearOf } from '../organisation/school-year.js';
import {
  checkStaff,
  currentStaff,
  keptPupil,
  keptSchool,
  staffName,
  teachesAt,
  visibleSchool,
} from './access.js';
import { decryptPersonal, encryptPersonal } from './pupil-crypto.js';
import { gradeOf } from './reference.js';
import type { createPupilInput, excludePupilInput, registryQuery, updatePupilInput } from './schemas.js';
import { PUPIL_MSG } from './strings.js';

// The school's registry of pupils at risk: the team adds, changes and excludes; the team reads the whole
// registry and a teacher his own pupils (access/pupil-rules.ts, inside the query). Names and dates of
// birth are encrypted before they reach the database and never enter the history.

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function createPupil(
  db: Db,
  opts: { actor: Actor; schoolId: string; input: z.infer<typeof createPupilInput> },
) {
  const { actor, input } = opts;
  const school = await keptSchool(db, actor, opts.schoolId);
  await checkStaff(db, school.id, input.teacherIds, 'teacherIds');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pupilRecords)
      .values({
        schoolId: school.id,
        year: input.year,
        nameEnc: encryptPersonal(input.name),
        birthDateEnc: input.birthDate ? encryptPersonal(input.birthDate) : null,
        classLabel: input.classLabel,
        grade: gradeOf(input.classLabel) ?? 0,
        category: input.category,
        subjects: [...new Set(input.subjects)],
        causes: [...new Set(input.causes)],
        ovz: input.ovz,
        limitedRussian: input.limitedRussian,
        teacherIds: [...new Set(input.teacherIds)],
        includedOn: input.includedOn,
        createdBy: actor.userId,
      })
      .returning({ id: pupilRecords.id, version: pupilRecords.version });
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(
      tx,
      actor,
      'pupil.created',
      { entityType: 'pupil_record', entityId: row.id, orgUnitId: school.id },
      { schoolId: school.id, year: input.year, classLabel: input.classLabel, category: input.category },
    );
    return row;
  });
}

const PLAIN_FIELDS = [
  'classLabel',
  'category',
  'subjects',
  'causes',
  'ovz',
  'limitedRussian',
  'teacherIds',
  'includedOn',
] as const;

export async function updatePupil(
  db: Db,
  opts: { actor: Actor; id: string; input: z.infer<typeof updatePupilInput> },
) {
  const { actor, input } = opts;
  const { r } = await keptPupil(db, actor, opts.id);
  if (input.teacherIds) await checkStaff(db, r.schoolId, input.teacherIds, 'teacherIds');
  const plain = Object.fromEntries(PLAIN_FIELDS.filter((k) => k in input).map((k) => [k, input[k]]));
  const changes = diff(r as Record<string, unknown>, plain, [...PLAIN_FIELDS]);
  const identityChanged =
    (input.name !== undefined && input.name !== decryptPersonal(r.nameEnc)) ||
    (input.birthDate !== undefined &&
      (input.birthDate ?? null) !== (r.birthDateEnc ? decryptPersonal(r.birthDateEnc) : null));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(pupilRecords)
      .set({
        ...plain,
        ...(input.classLabel ? { grade: gradeOf(input.classLabel) ?? r.grade } : {}),
        ...(input.name !== undefined ? { nameEnc: encryptPersonal(input.name) } : {}),
        ...(input.birthDate !== undefined
          ? { birthDateEnc: input.birthDate ? encryptPersonal(input.birthDate) : null }
          : {}),
        version: sql`${pupilRecords.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(pupilRecords.id, r.id), eq(pupilRecords.version, input.version)))
      .returning({ id: pupilRecords.id, version: pupilRecords.version });
    if (!row) throw conflict({ version: r.version });
    if (changes.length || identityChanged)
      await recordEvent(
        tx,
        actor,
        'pupil.updated',
        { entityType: 'pupil_record', entityId: r.id, orgUnitId: r.schoolId },
        { changes, identityChanged },
      );
    return row;
  });
}

/** Excludes the pupil; the record is deleted `retentionDays` after the exclusion (purge.ts). */
export async function excludePupil(
  db: Db,
  opts: { actor: Actor; id: string; input: z.infer<typeof excludePupilInput>; retentionDays: number },
) {
  const { actor, input } = opts;
  const { r } = await keptPupil(db, actor, opts.id);
  if (r.excludedOn) throw new AppError('CONFLICT', PUPIL_MSG.excluded);
  if (input.excludedOn < r.includedOn)
    throw invalid(PUPIL_MSG.excludedBeforeIncluded, [
      { field: 'excludedOn', message: PUPIL_MSG.excludedBeforeIncluded },
    ]);
  const purgeAfter = addDays(input.excludedOn, opts.retentionDays);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(pupilRecords)
      .set({
        excludedOn: input.excludedOn,
        exclusionReason: input.reason,
        exclusionNote: input.note ?? null,
        purgeAfter,
        version: sql`${pupilRecords.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(pupilRecords.id, r.id), eq(pupilRecords.version, input.version)))
      .returning({ id: pupilRecords.id, version: pupilRecords.version });
    if (!row) throw conflict({ version: r.version });
    await recordEvent(
      tx,
      actor,
      'pupil.excluded',
      { entityType: 'pupil_record', entityId: r.id, orgUnitId: r.schoolId },
      { excludedOn: input.excludedOn, reason: input.reason, purgeAfter },
    );
    return { ...row, purgeAfter };
  });
}

/**
 * The registry of a school: the whole for its team, his own pupils for a teacher of the school; anyone
 * else who sees the school gets 403 (he reads counts: aggregates.ts).
 */
export async function listPupils(
  db: Db,
  opts: { actor: Actor; schoolId: string; query: z.infer<typeof registryQuery>; today?: string },
) {
  const { actor, query } = opts;
  const school = await visibleSchool(db, actor, opts.schoolId);
  const keeps = (await keptSchool(db, actor, school.id).catch(() => null)) !== null;
  if (!keeps && !teachesAt(actor, school.path)) throw new AppError('FORBIDDEN', PUPIL_MSG.onlyTeam);
  const year = query.year ?? schoolYearOf(opts.today ?? new Date().toISOString().slice(0, 10));
  const status = query.status ?? 'active';
  const rows = await db
    .select({ r: pupilRecords })
    .from(pupilRecords)
    .innerJoin(orgUnits, eq(orgUnits.id, pupilRecords.schoolId))
    .where(
      and(
        eq(pupilRecords.schoolId, school.id),
        eq(pupilRecords.year, year),
        pupilIdentityVisible(actor, orgUnits.path, pupilRecords.id, pupilRecords.teacherIds),
        status === 'active'
          ? sql`${pupilRecords.excludedOn} is null`
          : status === 'excluded'
            ? sql`${pupilRecords.excludedOn} is not null`
            : undefined,
        query.classLabel ? eq(pupilRecords.classLabel, query.classLabel) : undefined,
        query.category ? eq(pupilRecords.category, query.category) : undefined,
        query.subject ? sql`${query.subject} = any(${pupilRecords.subjects})` : undefined,
      ),
    );
  const ids = rows.map((x) => x.r.id);
  const results = ids.length
    ? await db
        .select({
          recordId: pupilResults.recordId,
          key: pupilResults.checkpointKey,
          status: pupilResults.status,
        })
        .from(pupilResults)
        .where(
          sql`${pupilResults.recordId} in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
        )
    : [];
  const staff = await currentStaff(db, school.id);
  const pupils = rows.map(({ r }) => ({
    id: r.id,
    version: r.version,
    name: decryptPersonal(r.nameEnc),
    classLabel: r.classLabel,
    grade: r.grade,
    category: r.category,
    subjects: r.subjects,
    causes: r.causes,
    ovz: r.ovz,
    limitedRussian: r.limitedRussian,
    teacherIds: r.teacherIds,
    includedOn: r.includedOn,
    excludedOn: r.excludedOn,
    exclusionReason: r.exclusionReason,
    results: results.filter((x) => x.recordId === r.id).map((x) => ({ key: x.key, status: x.status })),
  }));
  pupils.sort(byRussian((p) => `${String(p.grade).padStart(2, '0')}${p.classLabel} ${p.name}`));
  return {
    school: { id: school.id, name: school.name },
    year,
    keeps,
    pupils,
    teachers: staff
      .map((s) => ({ id: s.id, name: staffName(s), position: s.position }))
      .sort(byRussian((s) => s.name)),
  };
}
