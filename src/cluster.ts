import cluster, { type Worker } from 'node:cluster';
import { serveClusterMetrics } from './api/metrics.js';
import { log as logger } from './lib/log.js';

// Every core on PostgreSQL (docs/decisions/0012-every-core.md): the primary process migrates the
// database, forks, and loads the demo (if any) while the workers already serve HTTP on one shared port
// (the primary hands connections out) — they answer 503 until it tells them the demo is in — and each
// works the job queue (SKIP LOCKED gives them different jobs).

export const isClusterWorker = () => cluster.isWorker;

export type PrimaryOptions = {
  workers: number;
  /** Called once, when every worker first listens: the start-up banner. */
  onAllListening: (port: number) => void;
  log?: (line: string) => void;
  /** Environment of a worker forked now (a worker forked while the demo loads waits for it). */
  env?: () => Record<string, string>;
  /** Pauses before restarting a dead worker (doubling while they keep dying); tests shorten them. */
  backoff?: { firstMs: number; maxMs: number; calmMs: number };
};

export type Primary = {
  stop: () => Promise<void>;
  /** Sends `message` to every live worker. */
  broadcast: (message: unknown) => void;
};

/** Forks the workers, restarts any that dies, stops them all on SIGTERM/SIGINT. */
export function runPrimary(opts: PrimaryOptions): Primary {
  const log = opts.log ?? ((line: string) => logger.warn(line));
  // One scrape of /api/metrics, whichever worker takes it, answers for all of them (src/api/metrics.ts).
  serveClusterMetrics();
  const { firstMs, maxMs, calmMs } = opts.backoff ?? { firstMs: 1000, maxMs: 30_000, calmMs: 60_000 };
  let stopping = false;
  let announced = false;
  let delayMs = firstMs;
  let lastDeath = 0;
  const listening = new Set<number>();
  const pending = new Set<NodeJS.Timeout>();

  const fork = () => cluster.fork(opts.env?.());
  cluster.on('listening', (worker: Worker, address) => {
    listening.add(worker.id);
    if (!announced && listening.size >= opts.workers) {
      announced = true;
      opts.onAllListening(address.port);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) return;
    // A worker that lived long enough resets the pause: only a crash loop backs off.
    const now = Date.now();
    if (now - lastDeath > calmMs) delayMs = firstMs;
    lastDeath = now;
    const how = signal ? `сигнал ${signal}` : `код ${code}`;
    log(
      `Рабочий процесс ${worker.process.pid} завершился (${how}); запускаю новый через ${(delayMs / 1000).toFixed(1).replace('.', ',')} с`,
    );
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!stopping) fork();
    }, delayMs);
    pending.add(timer);
    delayMs = Math.min(delayMs * 2, maxMs);
  });
  for (let i = 0; i < opts.workers; i++) fork();

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const t of pending) clearTimeout(t);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            // A worker that does not finish in 10 s is killed: the stop must end.
            const kill = setTimeout(() => w.process.kill('SIGKILL'), 10_000);
            w.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
  };
  const broadcast = (message: unknown) => {
    for (const w of Object.values(cluster.workers ?? {})) if (w?.isConnected()) w.send(message as never);
  };
  return { stop, broadcast };
}

/** The message the primary sends its workers when the demo it loads is in (or has failed). */
export type DemoLoaded = { opora: 'demo'; ok: boolean };

/** In a worker forked while the primary loads the demo: resolves when it is in, rejects if it failed. */
export function primaryDemo(): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Partial<DemoLoaded>) => {
      if (m?.opora !== 'demo') return;
      process.off('message', onMessage);
      if (m.ok) resolve();
      else reject(new Error('Основной процесс не загрузил демо-данные'));
    };
    process.on('message', onMessage);
  });
}
