import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { parseLsn, Replica, replicaFailure } from './replica.js';

// The routing state of the replica without servers: the two pools answer from a script, the clock is
// set by hand. The real standby is in tests/replica.test.ts.

type Script = { primary: string; replayed: string | null; standby?: boolean; fail?: boolean };

function fakePools(script: Script) {
  const primary = {
    query: async () => ({ rows: [{ lsn: script.primary }] }),
  } as unknown as pg.Pool;
  const replica = {
    on: () => replica,
    end: async () => {},
    query: async () => {
      if (script.fail)
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      return { rows: [{ standby: script.standby ?? true, lsn: script.replayed }] };
    },
  } as unknown as pg.Pool;
  return { primary, replica };
}

describe('replica routing state', () => {
  let now = 1_000_000;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number) => {
    now += ms;
    vi.setSystemTime(now);
  };

  it('reads LSNs as numbers and refuses anything else', () => {
    expect(parseLsn('0/10')).toBe(16n);
    expect(parseLsn('1/0')).toBe(1n << 32n);
    expect(parseLsn('16/B374D848')).toBeGreaterThan(parseLsn('16/B374D847') ?? 0n);
    for (const bad of ['', '0', '0/', 'x/1', '1/2/3', '123456789/0', null, undefined])
      expect(parseLsn(bad)).toBeNull();
  });

  it('tells failures the primary can serve from those it cannot', () => {
    const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select'), { cause });
    expect(replicaFailure(wrapped(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })))).toBe(
      'unreachable',
    );
    expect(replicaFailure(wrapped(Object.assign(new Error('x'), { code: '57P01' })))).toBe('unreachable');
    expect(replicaFailure(new Error('Connection terminated unexpectedly'))).toBe('unreachable');
    expect(
      replicaFailure(wrapped(Object.assign(new Error('conflict with recovery'), { code: '40001' }))),
    ).toBe('conflict');
    expect(replicaFailure(wrapped(Object.assign(new Error('syntax'), { code: '42601' })))).toBeNull();
    expect(replicaFailure(Object.assign(new Error('Не найдено'), { code: 'NOT_FOUND' }))).toBeNull();
  });

  it('uses a replica that keeps up, and for a cookie only once it has replayed that position', async () => {
    const script: Script = { primary: '0/100', replayed: '0/100' };
    const { primary, replica } = fakePools(script);
    const logs: string[] = [];
    const r = new Replica(replica, primary, { maxLagSeconds: 5, log: (m) => logs.push(m) });
    expect(r.usableFor(null)).toBe(false); // nothing known before the first poll
    await r.poll();
    expect(r.usableFor(null)).toBe(true);
    expect(r.usableFor(parseLsn('0/100'))).toBe(true);
    expect(r.usableFor(parseLsn('0/101'))).toBe(false);
    expect(logs).toEqual(['Реплика базы данных доступна: отчёты читаются с неё.']);
  });

  it('stops using a replica that falls behind by more than the limit, and logs it once', async () => {
    const script: Script = { primary: '0/100', replayed: '0/100' };
    const { primary, replica } = fakePools(script);
    const logs: string[] = [];
    const r = new Replica(replica, primary, { maxLagSeconds: 5, pollMs: 200, log: (m) => logs.push(m) });
    await r.poll();
    // The primary moves on at t+1 s; the replica stays where it was (e.g. its WAL receiver is gone).
    script.primary = '0/200';
    advance(1000);
    await r.poll();
    expect(r.usableFor(null)).toBe(true); // 0 s behind: the new position was only just seen
    for (let t = 1; t <= 8; t++) {
      advance(1000);
      await r.poll();
    }
    expect(r.status().state).toBe('lagging');
    expect(r.status().lagMs).toBeGreaterThan(5000);
    expect(r.usableFor(null)).toBe(false);
    expect(logs.filter((m) => m.includes('не используется'))).toHaveLength(1);
    // It catches up: used again, said once.
    script.replayed = '0/200';
    advance(200);
    await r.poll();
    expect(r.usableFor(null)).toBe(true);
    expect(logs.at(-1)).toMatch(/доступна/);
  });

  it('does not count an idle primary as lag', async () => {
    const script: Script = { primary: '0/100', replayed: '0/100' };
    const { primary, replica } = fakePools(script);
    const r = new Replica(replica, primary, { maxLagSeconds: 5, log: () => {} });
    for (let t = 0; t < 60; t++) {
      advance(1000);
      await r.poll();
    }
    expect(r.status()).toMatchObject({ state: 'up', lagMs: 0 });
  });

  it('does not use a replica that is down, or a server that is not a standby', async () => {
    const script: Script = { primary: '0/100', replayed: '0/100', fail: true };
    const { primary, replica } = fakePools(script);
    const logs: string[] = [];
    const r = new Replica(replica, primary, { log: (m) => logs.push(m) });
    await r.poll();
    await r.poll();
    expect(r.status().state).toBe('down');
    expect(r.usableFor(null)).toBe(false);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^Реплика базы данных не используется \(connect ECONNREFUSED/);
    script.fail = false;
    script.standby = false;
    await r.poll();
    expect(r.usableFor(null)).toBe(false);
    script.standby = true;
    await r.poll();
    expect(r.usableFor(null)).toBe(true);
  });

  it('does not use a replica whose last good answer is older than the limit', async () => {
    const script: Script = { primary: '0/100', replayed: '0/100' };
    const { primary, replica } = fakePools(script);
    const r = new Replica(replica, primary, { maxLagSeconds: 5, log: () => {} });
    await r.poll();
    advance(6000); // the polls hang: no answer for 6 s
    expect(r.usableFor(null)).toBe(false);
  });
});

describe('DATABASE_REPLICA_URL', () => {
  it('is taken with DATABASE_URL and refused without it', () => {
    const primary = 'postgres://u@primary:5432/opora';
    const replica = 'postgres://u@replica:5432/opora';
    const env = { DATABASE_URL: primary, SESSION_SECRET: 'x'.repeat(32), PUPIL_DATA_KEY: 'ab'.repeat(32) };
    expect(loadConfig({ ...env, DATABASE_REPLICA_URL: replica }).databaseReplicaUrl).toBe(replica);
    expect(loadConfig(env).databaseReplicaUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_REPLICA_URL: replica })).toThrow(/только вместе с DATABASE_URL/);
    expect(() => loadConfig({ ...env, DATABASE_REPLICA_URL: 'replica:5432' })).toThrow(/postgres:\/\//);
  });
});
