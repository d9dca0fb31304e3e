import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { jobs } from '../../db/schema/jobs.js';
import { enqueueJob, type JobHandler } from '../../jobs/runner.js';
import { AppError } from '../../lib/errors.js';
import { type Actor, systemActor } from '../access/actor.js';
import type { BulkLoader } from '../assessment-data/store.js';
import { computeCampaignProfiles } from './compute-profiles.js';
import { runsCampaign, visibleCampaign } from './profile-access.js';
import { S } from './strings.js';

// Computing a campaign's profiles is a background job (kind `risk_profiles.compute`) with progress, like
// an identification run: closing a campaign queues it (`enqueueProfileCompute`, for the campaigns'
// module), and whoever runs the campaign may queue it again («Пересчитать»).

export const PROFILE_COMPUTE_JOB = 'risk_profiles.compute';

const params = z.object({ campaignId: z.uuid(), by: z.string().nullable() });

/** Queues the computation without checks: for the operation that closes the campaign, in its transaction. */
export async function enqueueProfileCompute(
  db: Db,
  opts: { campaignId: string; startedBy: Actor | null },
): Promise<{ jobId: string }> {
  const job = await enqueueJob(db, {
    kind: PROFILE_COMPUTE_JOB,
    params: { campaignId: opts.campaignId, by: opts.startedBy?.fullName ?? null },
    createdBy: opts.startedBy?.userId ?? null,
  });
  return { jobId: job.id };
}

/** «Пересчитать»: whoever runs the closed campaign queues its computation again. */
export async function startProfileCompute(
  db: Db,
  opts: { actor: Actor; campaignId: string },
): Promise<ComputeState> {
  const campaign = await visibleCampaign(db, opts.actor, opts.campaignId);
  if (!runsCampaign(opts.actor, campaign)) throw new AppError('FORBIDDEN', S.computeRefused);
  if (campaign.status !== 'closed') throw new AppError('CONFLICT', S.computeNotClosed);
  const running = await computeState(db, campaign.id);
  if (running.job && (running.job.status === 'queued' || running.job.status === 'running')) return running;
  await enqueueProfileCompute(db, { campaignId: campaign.id, startedBy: opts.actor });
  return computeState(db, campaign.id);
}

export type ComputeState = {
  job: {
    id: string;
    status: 'queued' | 'running' | 'done' | 'failed';
    progress: number;
    message: string | null;
    error: string | null;
    createdAt: string;
    finishedAt: string | null;
  } | null;
};

/** The latest computation job of the campaign, if any (no access check: callers have checked the campaign). */
export async function computeState(db: Db, campaignId: string): Promise<ComputeState> {
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, PROFILE_COMPUTE_JOB), sql`${jobs.params}->>'campaignId' = ${campaignId}`))
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  if (!job) return { job: null };
  return {
    job: {
      id: job.id,
      status: job.status,
      progress: job.progress,
      message: job.message,
      error: job.error,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
    },
  };
}

export const profileComputeJob =
  (bulk?: BulkLoader): JobHandler =>
  async ({ db, job, progress }) => {
    const parsed = params.safeParse(job.params);
    if (!parsed.success) throw new Error('Неверные параметры задания расчёта профилей');
    const { campaignId, by } = parsed.data;
    const actor = systemActor(by ? `Расчёт рисковых профилей (запустил: ${by})` : 'Расчёт рисковых профилей');
    return computeCampaignProfiles(db, { actor, campaignId, bulk, progress });
  };
