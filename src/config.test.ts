import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const PG = {
  DATABASE_URL: 'postgres://u@h:5432/db',
  SESSION_SECRET: 'x'.repeat(32),
  PUPIL_DATA_KEY: 'ab'.repeat(32),
};

describe('processes and pool (WORKERS, DATABASE_POOL_SIZE)', () => {
  it('runs one process per core on PostgreSQL unless told otherwise', () => {
    expect(loadConfig(PG).workers).toBe(os.availableParallelism());
    expect(loadConfig({ ...PG, WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig(PG).databasePoolSize).toBe(10);
    expect(loadConfig({ ...PG, DATABASE_POOL_SIZE: '4' }).databasePoolSize).toBe(4);
  });

  it('runs one process on the embedded database and remembers a refused WORKERS', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({}).workersRefused).toBeUndefined();
    const asked = loadConfig({ WORKERS: '4' });
    expect(asked.workers).toBe(1);
    expect(asked.workersRefused).toBe(4);
  });

  it('refuses nonsense', () => {
    expect(() => loadConfig({ ...PG, WORKERS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...PG, WORKERS: 'many' })).toThrow(/WORKERS/);
  });
});

describe("pupils' data key (PUPIL_DATA_KEY)", () => {
  it('is required for a PostgreSQL deployment and must be 32 bytes', () => {
    const { PUPIL_DATA_KEY: _, ...withoutKey } = PG;
    expect(() => loadConfig(withoutKey)).toThrow(/PUPIL_DATA_KEY: обязателен/);
    expect(() => loadConfig({ ...PG, PUPIL_DATA_KEY: 'abc' })).toThrow(/64 шестнадцатеричные цифры/);
    expect(loadConfig(PG).pupilDataKey?.length).toBe(32);
    expect(
      loadConfig({ ...PG, PUPIL_DATA_KEY: Buffer.alloc(32, 7).toString('base64') }).pupilDataKey,
    ).toEqual(Buffer.alloc(32, 7));
  });
  it('is not needed for the embedded database (generated into the data directory)', () => {
    expect(loadConfig({}).pupilDataKey).toBeUndefined();
    expect(loadConfig({}).pupilRetentionDays).toBe(365);
  });
});
