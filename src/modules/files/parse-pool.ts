import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import Piscina from 'piscina';
import { AppError } from '../../lib/errors.js';
import type { ParseOutcome, ParseTask } from './parse-tasks.js';

// Uploaded files are parsed off the event loop, in worker threads, so one hostile or huge upload cannot
// stall every other request. Each worker has a heap cap (a worker over it dies, not the server) and each
// task a wall-time limit (the worker running it is terminated). Two pools: documents and tables of a few
// megabytes, and data packages that may legitimately take a minute and a gigabyte.

type PoolKind = 'small' | 'package';

const SETTINGS: Record<
  PoolKind,
  { maxThreads: number; heapMb: number; timeoutMs: number; maxQueue: number }
> = {
  // One core is left to the event loop: answering every other request matters most.
  small: {
    maxThreads: Math.max(1, availableParallelism() - 1),
    heapMb: 256,
    timeoutMs: 10_000,
    maxQueue: 16,
  },
  package: { maxThreads: 1, heapMb: 1536, timeoutMs: 300_000, maxQueue: 4 },
};

const pools = new Map<PoolKind, Piscina>();

function poolOf(kind: PoolKind): Piscina {
  let pool = pools.get(kind);
  if (!pool) {
    const s = SETTINGS[kind];
    pool = new Piscina({
      filename: new URL('./parse-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: s.maxThreads,
      maxQueue: s.maxQueue,
      // A worker starts in about a second (tsx compiles the parsers): idle ones are kept a while.
      idleTimeout: 300_000,
      resourceLimits: { maxOldGenerationSizeMb: s.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    pools.set(kind, pool);
  }
  return pool;
}

const poolKind = (task: ParseTask): PoolKind => (task.kind === 'package' ? 'package' : 'small');

/**
 * Runs `task` in a worker; resolves to its value or throws its AppError (or a limit's AppError).
 * `timeoutMs` overrides the pool's wall-time limit (tests).
 */
export async function runInWorker<T>(task: ParseTask, opts: { timeoutMs?: number } = {}): Promise<T> {
  const kind = poolKind(task);
  const { maxQueue } = SETTINGS[kind];
  const timeoutMs = opts.timeoutMs ?? SETTINGS[kind].timeoutMs;
  const abort = new AbortController();
  // The limit is the task's own time: it starts when a worker takes the task (the worker says so on
  // `started`), not while the task waits behind others — each of those is cut at its own limit, so the
  // wait is bounded by the queue (the outer limit below only guards against a worker that never says).
  const { port1: started, port2 } = new MessageChannel();
  let timer = setTimeout(() => abort.abort(), timeoutMs * (maxQueue + 1));
  started.once('message', () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), timeoutMs);
  });
  let outcome: ParseOutcome;
  try {
    outcome = await poolOf(kind).run(
      { task, started: port2 },
      { signal: abort.signal, transferList: [port2] },
    );
  } catch (e) {
    if (abort.signal.aborted) {
      throw new AppError(
        'TOO_LARGE',
        `Файл разбирается слишком долго (больше ${Math.round(timeoutMs / 1000)} с) и не принят: ` +
          'уменьшите его или разделите на части',
      );
    }
    if (e instanceof Error && 'code' in e && e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new AppError(
        'TOO_LARGE',
        'Файл слишком большой для разбора: на него не хватает памяти — уменьшите его или разделите на части',
      );
    }
    if (e instanceof Error && e.message === 'Task queue is at limit') {
      throw new AppError(
        'RATE_LIMITED',
        'Сервер занят разбором других файлов: повторите загрузку через минуту',
      );
    }
    throw e;
  } finally {
    clearTimeout(timer);
    started.close();
  }
  if (outcome.ok) return outcome.value as T;
  if (outcome.code) throw new AppError(outcome.code, outcome.message, outcome.details);
  throw new Error(`Ошибка разбора файла в рабочем потоке: ${outcome.message}`);
}

/** Stops the workers (tests, shutdown). */
export async function closeParsePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}
