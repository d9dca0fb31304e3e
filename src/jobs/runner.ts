import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobs } from '../db/schema/jobs.js';
import { log } from '../lib/log.js';

export type Job = typeof jobs.$inferSelect;
export type JobContext = {
  db: Db;
  job: Job;
  /** Reports progress in 0..1 with a Russian message; also proves the worker is alive. */
  progress: (fraction: number, message: string) => Promise<void>;
};
export type JobHandler = (ctx: JobContext) => Promise<unknown>;
export type JobHandlers = Record<string, JobHandler>;

/** Timings of liveness; tests shorten them. */
export type Liveness = {
  /** How often a running job's heartbeat is refreshed, whatever the handler does. */
  heartbeatMs: number;
  /** A running job whose heartbeat is older than this is taken to have lost its worker. */
  staleMs: number;
  /** Takes of one job after which it fails instead of being queued again. */
  maxAttempts: number;
  /** Called on every poll and every heartbeat of a running job: /api/ready sees the worker alive. */
  onBeat?: () => void;
};

export const LIVENESS: Liveness = { heartbeatMs: 15_000, staleMs: 2 * 60_000, maxAttempts: 3 };

export const DEAD_WORKER_ERROR = 'Задание прервано: обработчик не отвечал';

export async function enqueueJob(db: Db, opts: { kind: string; params: unknown; createdBy: string | null }) {
  const [job] = await db
    .insert(jobs)
    .values({ kind: opts.kind, params: opts.params ?? {}, createdBy: opts.createdBy })
    .returning();
  if (!job) throw new Error('insert returned nothing');
  return job;
}

/**
 * Takes the oldest queued job. On PostgreSQL `SKIP LOCKED` lets any number of instances take
 * different jobs; PGlite has one connection, so the statement is simply serialised there.
 */
export async function claimNextJob(db: Db, worker: string): Promise<Job | null> {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(eq(jobs.status, 'queued'))
      .orderBy(asc(jobs.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    const [job] = await tx
      .update(jobs)
      .set({
        status: 'running',
        startedAt: sql`now()`,
        heartbeatAt: sql`now()`,
        worker,
        attempts: sql`${jobs.attempts} + 1`,
      })
      .where(and(eq(jobs.id, next.id), eq(jobs.status, 'queued')))
      .returning();
    return job ?? null;
  });
}

export async function runJob(
  db: Db,
  job: Job,
  handlers: JobHandlers,
  liveness: Pick<Liveness, 'heartbeatMs' | 'onBeat'> = LIVENESS,
): Promise<void> {
  const handler = handlers[job.kind];
  // Only while this worker still holds the job: a job given up as dead and taken by another
  // worker must not be overwritten by the first one waking up.
  const mine = and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.worker, job.worker ?? ''));
  const beat = setInterval(() => {
    liveness.onBeat?.();
    db.update(jobs)
      .set({ heartbeatAt: sql`now()` })
      .where(mine)
      .catch((e) => log.error({ err: e, job: job.id }, 'Не удалось отметить задание как живое'));
  }, liveness.heartbeatMs);
  try {
    if (!handler) throw new Error(`Неизвестный вид задания: ${job.kind}`);
    const result = await handler({
      db,
      job,
      progress: async (fraction, message) => {
        await db
          .update(jobs)
          .set({ progress: Math.max(0, Math.min(1, fraction)), message, heartbeatAt: sql`now()` })
          .where(mine);
      },
    });
    await db
      .update(jobs)
      .set({ status: 'done', progress: 1, result: result ?? null, finishedAt: new Date() })
      .where(mine);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.warn({ job: job.id, kind: job.kind, err: e }, 'Задание завершилось ошибкой');
    await db.update(jobs).set({ status: 'failed', error: message, finishedAt: new Date() }).where(mine);
  } finally {
    clearInterval(beat);
  }
}

/** Runs queued jobs until none is left (tests, the CLI, and the embedded setup's worker tick). */
export async function drainJobs(
  db: Db,
  handlers: JobHandlers,
  worker = `inline-${randomUUID()}`,
  liveness: Pick<Liveness, 'heartbeatMs' | 'onBeat'> = LIVENESS,
): Promise<number> {
  let n = 0;
  for (let job = await claimNextJob(db, worker); job; job = await claimNextJob(db, worker)) {
    await runJob(db, job, handlers, liveness);
    n++;
  }
  return n;
}

/**
 * Jobs whose worker stopped beating (the instance died or hung) are queued again, or failed with a
 * recorded reason once they have been taken `maxAttempts` times. Every worker runs this each poll.
 */
export async function requeueStaleJobs(
  db: Db,
  liveness: Pick<Liveness, 'staleMs' | 'maxAttempts'> = LIVENESS,
): Promise<void> {
  const stale = and(
    eq(jobs.status, 'running'),
    lt(jobs.heartbeatAt, sql`now() - make_interval(secs => ${liveness.staleMs / 1000}::float8)`),
  );
  await db
    .update(jobs)
    .set({ status: 'failed', error: DEAD_WORKER_ERROR, finishedAt: new Date() })
    .where(and(stale, gte(jobs.attempts, liveness.maxAttempts)));
  await db
    .update(jobs)
    .set({ status: 'queued', worker: null, progress: 0, message: 'Повторный запуск после сбоя' })
    .where(and(stale, lt(jobs.attempts, liveness.maxAttempts)));
}

/** The in-process worker: requeues dead jobs and polls the queue, one job at a time, until stopped. */
export function startWorker(
  db: Db,
  handlers: JobHandlers,
  opts: { intervalMs?: number; liveness?: Liveness; onBeat?: () => void } = {},
): () => Promise<void> {
  const worker = `worker-${randomUUID()}`;
  const liveness = { ...(opts.liveness ?? LIVENESS), onBeat: opts.onBeat };
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    liveness.onBeat?.();
    running = requeueStaleJobs(db, liveness)
      .then(() => drainJobs(db, handlers, worker, liveness))
      .then(() => liveness.onBeat?.())
      .catch((e) => log.error({ err: e }, 'Ошибка обработчика заданий'));
    await running;
    if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 500);
  };
  let timer = setTimeout(tick, opts.intervalMs ?? 500);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

export async function getJob(db: Db, id: string): Promise<Job | null> {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}
