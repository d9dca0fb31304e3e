import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { riskCampaignSchools, riskVerifications } from '../../db/schema/risk-profiles.js';
import { RISK_LEVELS, type RiskLevel } from '../../db/schema/values.js';
import { notLonger } from '../../lib/counted.js';
import { AppError, conflict, forbidden, invalid, parseInput } from '../../lib/errors.js';
import { int4, isoDate } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { instrumentOfCampaign, isCuratorOf, isTeamOf, visibleCampaign } from './profile-access.js';
import { storedProfile } from './profile-rows.js';
import { getSchoolProfile, visibleSchool } from './profile-school.js';
import type { SchoolProfileView } from './profile-views.js';
import { S } from './strings.js';

// The curator's verification of a school's profile (issue 11 §4): не начата → визит проведён →
// профиль верифицирован. The curator records the visit, then confirms or changes each factor's level
// (a change needs a comment) and fixes the 2–3 priority risks. Priorities: both the school's team and
// the curator may PROPOSE them while the profile is not verified; the curator's choice at verification
// is final. A verified profile is frozen. `version` 0 means «nothing recorded yet».

const text = (max: number, message: string) =>
  z
    .string({ message })
    .trim()
    .max(max, `Текст ${notLonger(max)}`);
const version = int4('Нужна версия верификации (0 — если ещё ничего не записано)');
const factorCodes = z
  .array(z.string({ message: 'Код фактора — строка' }).min(1).max(100), {
    message: 'Укажите факторы списком',
  })
  .min(2, S.prioritiesCount)
  .max(3, S.prioritiesCount)
  .refine((a) => new Set(a).size === a.length, 'Фактор указан дважды');

export const visitInput = z.object({
  visitDate: isoDate('Дата визита в формате ГГГГ-ММ-ДД'),
  participants: text(2000, 'Укажите участников').min(1, 'Укажите участников визита'),
  observed: z
    .object(
      {
        documents: text(4000, 'Документы — текст').default(''),
        lessons: text(4000, 'Уроки — текст').default(''),
        interviews: text(4000, 'Собеседования — текст').default(''),
      },
      { message: 'Укажите, что изучено на визите' },
    )
    .strict()
    .refine(
      (o) => o.documents || o.lessons || o.interviews,
      'Укажите, что изучено: документы, уроки или собеседования',
    ),
  version,
});
export const prioritiesInput = z.object({ factors: factorCodes, version });
export const verifyInput = z.object({
  levels: z.record(
    z.string().min(1).max(100),
    z
      .object({
        level: z.enum(RISK_LEVELS, { message: 'Уровень: high, medium, low, none или nodata' }),
        comment: text(2000, 'Комментарий — текст').nullable().optional(),
      })
      .strict(),
    { message: 'Укажите уровни факторов' },
  ),
  priorityFactors: factorCodes,
  version,
});

type Ctx = { actor: Actor; campaignId: string; schoolId: string };

/** The school and the campaign as the actor sees them, with the school's stored profile. */
async function context(db: Db, opts: Ctx) {
  await visibleSchool(db, opts.actor, opts.schoolId);
  const campaign = await visibleCampaign(db, opts.actor, opts.campaignId);
  const [member] = await db
    .select({ id: riskCampaignSchools.schoolId })
    .from(riskCampaignSchools)
    .where(
      and(eq(riskCampaignSchools.campaignId, campaign.id), eq(riskCampaignSchools.schoolId, opts.schoolId)),
    );
  if (!member) throw new AppError('NOT_FOUND', S.notInCampaign);
  return campaign;
}

/** Locks and returns the verification row (or null), checking the caller's version. */
async function lockRow(tx: Db, opts: Ctx, expected: number) {
  const [row] = await tx
    .select()
    .from(riskVerifications)
    .where(
      and(eq(riskVerifications.campaignId, opts.campaignId), eq(riskVerifications.schoolId, opts.schoolId)),
    )
    .for('update');
  if ((row?.version ?? 0) !== expected) throw conflict({ version: row?.version ?? 0 });
  if (row?.status === 'verified') throw new AppError('CONFLICT', S.alreadyVerified);
  return row ?? null;
}

async function save(
  tx: Db,
  opts: Ctx,
  exists: boolean,
  values: Partial<typeof riskVerifications.$inferInsert>,
) {
  if (exists) {
    await tx
      .update(riskVerifications)
      .set({ ...values, version: sql`${riskVerifications.version} + 1`, updatedAt: new Date() })
      .where(
        and(eq(riskVerifications.campaignId, opts.campaignId), eq(riskVerifications.schoolId, opts.schoolId)),
      );
  } else {
    await tx
      .insert(riskVerifications)
      .values({ campaignId: opts.campaignId, schoolId: opts.schoolId, ...values });
  }
}

const target = (opts: Ctx) => ({
  entityType: 'risk_verification' as const,
  entityId: opts.schoolId,
  orgUnitId: opts.schoolId,
});

export async function recordVisit(
  db: Db,
  opts: Ctx & z.input<typeof visitInput>,
): Promise<SchoolProfileView> {
  const input = parseInput(visitInput, {
    visitDate: opts.visitDate,
    participants: opts.participants,
    observed: opts.observed,
    version: opts.version,
  });
  await context(db, opts);
  if (!isCuratorOf(opts.actor, opts.schoolId)) throw forbidden(S.notCurator);
  if (!(await storedProfile(db, opts.campaignId, opts.schoolId))) throw invalid(S.profileNotComputed);
  if (input.visitDate > new Date().toISOString().slice(0, 10))
    throw invalid(S.visitInFuture, [{ field: 'visitDate', message: S.visitInFuture }]);
  await db.transaction(async (tx) => {
    const row = await lockRow(tx, opts, input.version);
    await save(tx, opts, row !== null, {
      status: 'visited',
      visitDate: input.visitDate,
      participants: input.participants,
      observed: input.observed,
    });
    await recordEvent(tx, opts.actor, 'risk_verification.visit_recorded', target(opts), {
      schoolId: opts.schoolId,
      campaignId: opts.campaignId,
      visitDate: input.visitDate,
      participants: input.participants,
    });
  });
  return getSchoolProfile(db, opts);
}

export async function proposePriorities(
  db: Db,
  opts: Ctx & z.input<typeof prioritiesInput>,
): Promise<SchoolProfileView> {
  const input = parseInput(prioritiesInput, { factors: opts.factors, version: opts.version });
  const campaign = await context(db, opts);
  if (!isCuratorOf(opts.actor, opts.schoolId) && !isTeamOf(opts.actor, opts.schoolId))
    throw forbidden(S.notPriorityProposer);
  const codes = new Set((await instrumentOfCampaign(db, campaign)).factors.map((f) => f.code));
  checkCodes(input.factors, codes, 'factors');
  await db.transaction(async (tx) => {
    const row = await lockRow(tx, opts, input.version);
    await save(tx, opts, row !== null, { priorityFactors: input.factors });
    await recordEvent(tx, opts.actor, 'risk_verification.priorities_proposed', target(opts), {
      schoolId: opts.schoolId,
      campaignId: opts.campaignId,
      factors: input.factors,
    });
  });
  return getSchoolProfile(db, opts);
}

export async function verifyProfile(
  db: Db,
  opts: Ctx & z.input<typeof verifyInput>,
): Promise<SchoolProfileView> {
  const input = parseInput(verifyInput, {
    levels: opts.levels,
    priorityFactors: opts.priorityFactors,
    version: opts.version,
  });
  const campaign = await context(db, opts);
  if (!isCuratorOf(opts.actor, opts.schoolId)) throw forbidden(S.notCurator);
  const stored = await storedProfile(db, opts.campaignId, opts.schoolId);
  if (!stored) throw invalid(S.profileNotComputed);
  const instrument = await instrumentOfCampaign(db, campaign);
  const codes = new Set(instrument.factors.map((f) => f.code));
  checkCodes(Object.keys(input.levels), codes, 'levels');
  checkCodes(input.priorityFactors, codes, 'priorityFactors');
  const levels: Record<string, { computed: RiskLevel; level: RiskLevel; comment: string | null }> = {};
  const changed: { factor: string; from: string; to: string; comment: string }[] = [];
  for (const f of instrument.factors) {
    const given = input.levels[f.code];
    if (!given)
      throw invalid(S.missingFactor(f.code), [
        { field: `levels.${f.code}`, message: S.missingFactor(f.code) },
      ]);
    const computed = stored.profile.factors.find((x) => x.code === f.code)?.level ?? 'nodata';
    const comment = given.comment?.trim() || null;
    if (given.level !== computed) {
      if (!comment)
        throw invalid(S.needComment(f.code), [
          { field: `levels.${f.code}.comment`, message: S.needComment(f.code) },
        ]);
      changed.push({ factor: f.code, from: computed, to: given.level, comment });
    }
    levels[f.code] = { computed, level: given.level, comment };
  }
  await db.transaction(async (tx) => {
    const row = await lockRow(tx, opts, input.version);
    if (row?.status !== 'visited') throw invalid(S.needVisit);
    await save(tx, opts, true, {
      status: 'verified',
      levels,
      priorityFactors: input.priorityFactors,
      verifiedBy: opts.actor.userId,
      verifiedAt: new Date(),
    });
    await recordEvent(tx, opts.actor, 'risk_verification.verified', target(opts), {
      schoolId: opts.schoolId,
      campaignId: opts.campaignId,
      changed,
      priorities: input.priorityFactors,
    });
  });
  return getSchoolProfile(db, opts);
}

function checkCodes(given: string[], known: Set<string>, field: string) {
  const unknown = given.find((c) => !known.has(c));
  if (unknown !== undefined)
    throw invalid(S.unknownFactor(unknown), [{ field, message: S.unknownFactor(unknown) }]);
}
