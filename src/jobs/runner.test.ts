import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../tests/helpers/db.js';
import type { Database } from '../db/client.js';
import { jobs } from '../db/schema/jobs.js';
import {
  claimNextJob,
  DEAD_WORKER_ERROR,
  drainJobs,
  enqueueJob,
  getJob,
  requeueStaleJobs,
  runJob,
  startWorker,
} from './runner.js';

describe.each(DB_KINDS)('job runner on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  it('runs queued jobs in order with progress, and records failures', async () => {
    const seen: string[] = [];
    const a = await enqueueJob(database.db, { kind: 'echo', params: { n: 1 }, createdBy: null });
    const b = await enqueueJob(database.db, { kind: 'boom', params: {}, createdBy: null });
    const c = await enqueueJob(database.db, { kind: 'nope', params: {}, createdBy: null });
    const n = await drainJobs(database.db, {
      echo: async ({ job, progress }) => {
        seen.push(job.id);
        await progress(0.5, 'Половина');
        return { ok: (job.params as { n: number }).n };
      },
      boom: async () => {
        throw new Error('Сломалось');
      },
    });
    expect(n).toBe(3);
    expect(seen).toEqual([a.id]);
    expect(await getJob(database.db, a.id)).toMatchObject({
      status: 'done',
      progress: 1,
      result: { ok: 1 },
      message: 'Половина',
    });
    expect(await getJob(database.db, b.id)).toMatchObject({ status: 'failed', error: 'Сломалось' });
    expect((await getJob(database.db, c.id))?.error).toMatch(/Неизвестный вид задания/);
  });

  it('gives one job to one worker only', async () => {
    await enqueueJob(database.db, { kind: 'x', params: {}, createdBy: null });
    const [first, second] = await Promise.all([
      claimNextJob(database.db, 'w1'),
      claimNextJob(database.db, 'w2'),
    ]);
    expect([first, second].filter(Boolean).length).toBe(1);
  });
});

describe.each(DB_KINDS)('job liveness on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  const FAST = { heartbeatMs: 20, staleMs: 1000, maxAttempts: 3 };

  // A job taken by a worker that then died: status running, heartbeat far in the past.
  async function orphan(attempts: number) {
    const job = await enqueueJob(database.db, { kind: 'echo', params: {}, createdBy: null });
    await database.db
      .update(jobs)
      .set({
        status: 'running',
        worker: 'dead-worker',
        attempts,
        startedAt: new Date(Date.now() - 3_600_000),
        heartbeatAt: new Date(Date.now() - 3_600_000),
      })
      .where(eq(jobs.id, job.id));
    return job;
  }

  async function until(check: () => Promise<boolean>) {
    for (let i = 0; i < 500 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
  }

  it('requeues the job of a dead worker while running, without a restart', async () => {
    const job = await orphan(1);
    const done: string[] = [];
    const stop = startWorker(
      database.db,
      {
        echo: async ({ job: j }) => {
          done.push(j.id);
          return { ok: true };
        },
      },
      { intervalMs: 10, liveness: FAST },
    );
    await until(async () => (await getJob(database.db, job.id))?.status === 'done');
    await stop();
    expect(await getJob(database.db, job.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(done).toEqual([job.id]);
  });

  it('fails a job after the retry limit with a recorded reason', async () => {
    const job = await orphan(3);
    await requeueStaleJobs(database.db, FAST);
    expect(await getJob(database.db, job.id)).toMatchObject({ status: 'failed', error: DEAD_WORKER_ERROR });
  });

  it('keeps the heartbeat fresh while a handler runs without reporting progress', async () => {
    const job = await enqueueJob(database.db, { kind: 'quiet', params: {}, createdBy: null });
    const claimed = await claimNextJob(database.db, 'w-quiet');
    if (!claimed) throw new Error('not claimed');
    const started = claimed.heartbeatAt?.getTime() ?? 0;
    let release = () => {};
    const blocked = new Promise<void>((r) => {
      release = r;
    });
    const run = runJob(database.db, claimed, { quiet: () => blocked }, FAST);
    await until(async () => ((await getJob(database.db, job.id))?.heartbeatAt?.getTime() ?? 0) > started);
    const beat = (await getJob(database.db, job.id))?.heartbeatAt?.getTime() ?? 0;
    release();
    await run;
    expect(beat).toBeGreaterThan(started);
    expect((await getJob(database.db, job.id))?.status).toBe('done');
  });

  it('does not let a worker presumed dead overwrite the job after another took it', async () => {
    const job = await enqueueJob(database.db, { kind: 'slow', params: {}, createdBy: null });
    const first = await claimNextJob(database.db, 'w-slow');
    if (!first) throw new Error('not claimed');
    await database.db.update(jobs).set({ status: 'queued', worker: null }).where(eq(jobs.id, job.id));
    const second = await claimNextJob(database.db, 'w-other');
    await runJob(database.db, first, { slow: async () => ({ from: 'first' }) }, FAST);
    expect(second?.worker).toBe('w-other');
    expect(await getJob(database.db, job.id)).toMatchObject({ status: 'running', worker: 'w-other' });
  });
});
