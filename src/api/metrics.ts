import cluster from 'node:cluster';
import { sql } from 'drizzle-orm';
import { AggregatorRegistry, Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/client.js';

// Prometheus metrics (issue 17 §8, docs/decisions/0046-operations.md). Two registries: the process's
// (HTTP requests and latency by route template, Node's own metrics) and the database's (job queue and
// pool, read at scrape time — nothing is counted twice when the jobs table is the truth). With several
// HTTP processes (src/cluster.ts) the process that takes the scrape asks the primary, which gathers
// every worker's registries with prom-client's AggregatorRegistry: one scrape, the whole instance.

/** Seconds: from a cached read (ms) to a report or an import (tens of seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type HttpMetrics = {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route'>;
};

let httpMetrics: HttpMetrics | undefined;

/** The process's HTTP and Node metrics: one per process, however many apps tests create in it. */
export function processMetrics(): HttpMetrics {
  if (httpMetrics) return httpMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  httpMetrics = {
    registry,
    requests: new Counter({
      name: 'opora_http_requests_total',
      help: 'HTTP requests by method, route template (the OpenAPI path) and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'opora_http_request_duration_seconds',
      help: 'HTTP request duration by method and route template',
      labelNames: ['method', 'route'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
  };
  return httpMetrics;
}

export type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

/**
 * The database's metrics, read when scraped: jobs waiting, running and failed by kind (the status index
 * serves it; finished jobs are not counted), the age of the oldest waiting job, the connection pool.
 * Every worker reads the same table, so job figures are aggregated by `max`, not summed.
 */
export function databaseMetrics(db: Db, pool: PoolStats | undefined): Registry {
  const registry = new Registry();
  const up: Gauge = new Gauge({
    name: 'opora_database_up',
    help: '1 when the metrics query to the database succeeded',
    registers: [registry],
    aggregator: 'min',
    collect: () => read(),
  });
  const jobs: Gauge<'kind' | 'state'> = new Gauge({
    name: 'opora_jobs',
    help: 'Jobs in the queue table by kind and state (queued, running, failed)',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    aggregator: 'max',
    collect: () => read(),
  });
  const oldest: Gauge = new Gauge({
    name: 'opora_jobs_oldest_queued_seconds',
    help: 'Age of the oldest queued job, 0 when none waits',
    registers: [registry],
    aggregator: 'max',
    collect: () => read(),
  });
  // One query for all three, when the scrape asks for the first of them.
  let reading: Promise<void> | undefined;
  function read() {
    reading ??= readJobs(db)
      .then((r) => {
        jobs.reset();
        for (const row of r.rows) jobs.set({ kind: row.kind, state: row.status }, row.n);
        oldest.set(r.oldestSeconds);
        up.set(1);
      })
      .catch(() => {
        jobs.reset();
        up.set(0);
      })
      .finally(() => {
        setImmediate(() => {
          reading = undefined;
        });
      });
    return reading;
  }
  new Gauge({
    name: 'opora_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting); the embedded database has one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool?.totalCount ?? 1);
      this.set({ state: 'idle' }, pool?.idleCount ?? 0);
      this.set({ state: 'waiting' }, pool?.waitingCount ?? 0);
    },
  });
  return registry;
}

async function readJobs(db: Db) {
  type Row = { kind: string; status: string; n: number; oldest: number | null };
  const result = (await db.execute(sql`
    select kind, status, count(*)::int as n,
           extract(epoch from now() - min(created_at) filter (where status = 'queued'))::float8 as oldest
    from jobs where status in ('queued', 'running', 'failed') group by kind, status`)) as unknown as {
    rows: Row[];
  };
  const rows = result.rows;
  const oldestSeconds = Math.max(0, ...rows.map((r) => Number(r.oldest ?? 0)));
  return { rows, oldestSeconds };
}

type MetricsRequest = { opora: 'metrics?'; id: number };
type MetricsAnswer = { opora: 'metrics'; id: number; text?: string; error?: string };

let exposed = false;

/** In a worker of src/cluster.ts: the primary gathers these registries from every worker. */
function exposeToPrimary(registries: Registry[]) {
  if (!exposed) new AggregatorRegistry(); // installs the worker's answering listener
  exposed = true;
  AggregatorRegistry.setRegistries(registries);
}

let nextId = 0;
const waiting = new Map<number, (a: MetricsAnswer) => void>();

/** The registries an app serves; a cluster worker offers them to the primary from the start. */
export function appMetrics(db: Db, pool: PoolStats | undefined): Registry[] {
  const registries = [processMetrics().registry, databaseMetrics(db, pool)];
  if (cluster.isWorker) exposeToPrimary(registries);
  return registries;
}

/** The metrics text: this process's, or, in a worker, the whole cluster's from the primary. */
export async function renderMetrics(registries: Registry[]): Promise<string> {
  if (!cluster.isWorker || !process.send) return Registry.merge(registries).metrics();
  if (waiting.size === 0) process.on('message', onAnswer);
  const id = nextId++;
  const answer = await new Promise<MetricsAnswer>((resolve) => {
    waiting.set(id, resolve);
    process.send?.({ opora: 'metrics?', id } satisfies MetricsRequest);
  });
  if (answer.error !== undefined || answer.text === undefined)
    throw new Error(`Метрики рабочих процессов не собраны: ${answer.error ?? 'нет ответа'}`);
  return answer.text;
}

function onAnswer(m: Partial<MetricsAnswer>) {
  if (m?.opora !== 'metrics' || typeof m.id !== 'number') return;
  const resolve = waiting.get(m.id);
  waiting.delete(m.id);
  if (waiting.size === 0) process.off('message', onAnswer);
  resolve?.(m as MetricsAnswer);
}

/** In the primary of src/cluster.ts: answers a worker's request with every worker's metrics summed. */
export function serveClusterMetrics() {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, m: Partial<MetricsRequest>) => {
    if (m?.opora !== 'metrics?' || typeof m.id !== 'number') return;
    const id = m.id;
    // prom-client gives up on a silent worker after 5 s and the request gets an error.
    aggregator.clusterMetrics().then(
      (text) => worker.send({ opora: 'metrics', id, text } satisfies MetricsAnswer),
      (e: Error) => worker.send({ opora: 'metrics', id, error: e.message } satisfies MetricsAnswer),
    );
  });
}
