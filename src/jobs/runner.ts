import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobs } from '../db/schema/jobs.js';

export type Job = typeof jobs.$inferSelect;
export type JobContext = {
  db: Db;
  job: Job;
  /** Reports progress in 0..1 with a Russian message; also proves the worker is alive. */
  progress: (fraction: number, message: string) => Promise<void>;
};
export type JobHandler = (ctx: JobContext) => Promise<unknown>;
export type JobHandlers = Record<string, JobHandler>;

const STALE_MINUTES = 10;

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
      .set({ status: 'running', startedAt: new Date(), heartbeatAt: new Date(), worker })
      .where(and(eq(jobs.id, next.id), eq(jobs.status, 'queued')))
      .returning();
    return job ?? null;
  });
}

export async function runJob(db: Db, job: Job, handlers: JobHandlers): Promise<void> {
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new Error(`Неизвестный вид задания: ${job.kind}`);
    const result = await handler({
      db,
      job,
      progress: async (fraction, message) => {
        await db
          .update(jobs)
          .set({ progress: Math.max(0, Math.min(1, fraction)), message, heartbeatAt: new Date() })
          .where(eq(jobs.id, job.id));
      },
    });
    await db
      .update(jobs)
      .set({ status: 'done', progress: 1, result: result ?? null, finishedAt: new Date() })
      .where(eq(jobs.id, job.id));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await db
      .update(jobs)
      .set({ status: 'failed', error: message, finishedAt: new Date() })
      .where(eq(jobs.id, job.id));
  }
}

/** Runs queued jobs until none is left (tests, the CLI, and the embedded setup's worker tick). */
export async function drainJobs(
  db: Db,
  handlers: JobHandlers,
  worker = `inline-${randomUUID()}`,
): Promise<number> {
  let n = 0;
  for (let job = await claimNextJob(db, worker); job; job = await claimNextJob(db, worker)) {
    await runJob(db, job, handlers);
    n++;
  }
  return n;
}

/** Jobs left "running" by an instance that died are queued again. */
export async function requeueStaleJobs(db: Db): Promise<void> {
  const limit = new Date(Date.now() - STALE_MINUTES * 60_000);
  await db
    .update(jobs)
    .set({ status: 'queued', worker: null, progress: 0, message: 'Повторный запуск после сбоя' })
    .where(and(eq(jobs.status, 'running'), lt(jobs.heartbeatAt, limit)));
}

/** The in-process worker: polls the queue, one job at a time, until stopped. */
export function startWorker(
  db: Db,
  handlers: JobHandlers,
  opts: { intervalMs?: number } = {},
): () => Promise<void> {
  const worker = `worker-${randomUUID()}`;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = drainJobs(db, handlers, worker).catch((e) => console.error('Ошибка обработчика заданий:', e));
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
