import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../tests/helpers/db.js';
import type { Database } from '../db/client.js';
import { claimNextJob, drainJobs, enqueueJob, getJob } from './runner.js';

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
