import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { log } from '../../lib/log.js';
import { SWEEP } from './strings.js';
import { runDailySweep, type SweepResult } from './sweep.js';

// Once per day per instance set (issue 15 §3): the instance whose insert of (daily-sweep, day) into
// `scheduled_runs` wins runs the day's sweep; the others see the row and do nothing. A run that failed
// (outcome written, not finished) or whose instance died (not finished an hour after it started) may
// be taken over by the next check of any instance, so a crash never loses the day. The sweep itself
// is idempotent (dedupe keys), so a takeover of a run that had in fact finished adds nothing.

export const DAILY_SWEEP = 'daily-sweep';
const TAKEOVER_AFTER_MS = 60 * 60 * 1000;

export const instanceName = () => `${os.hostname()}:${process.pid}`;

/** Claims the day's run for this instance; false — another instance has it (running or done). */
export async function claimRun(
  db: Db,
  opts: { name: string; day: string; instance: string; now: Date },
): Promise<boolean> {
  const stale = new Date(opts.now.getTime() - TAKEOVER_AFTER_MS);
  const rows = await queryRows<{ instance: string }>(
    db,
    sql`insert into scheduled_runs (name, day, instance, started_at)
    values (${opts.name}, ${opts.day}, ${opts.instance}, ${opts.now.toISOString()})
    on conflict (name, day) do update
      set instance = excluded.instance, started_at = excluded.started_at, finished_at = null, outcome = null
      where scheduled_runs.finished_at is null
        and (scheduled_runs.outcome is not null or scheduled_runs.started_at < ${stale.toISOString()})
    returning instance`,
  );
  return rows.length > 0;
}

export type ScheduledOutcome =
  | { ran: false }
  | { ran: true; result: SweepResult }
  | { ran: true; error: string };

/**
 * Runs the day's sweep if this instance wins the day, then `afterSweep` (the e-mail digest), and writes
 * what it did. An error is written as the outcome (the run stays unfinished, so it is retried).
 */
export async function runScheduledSweep(
  db: Db,
  opts: { today: string; now: Date; instance?: string; afterSweep?: () => Promise<unknown> },
): Promise<ScheduledOutcome> {
  const instance = opts.instance ?? instanceName();
  if (!(await claimRun(db, { name: DAILY_SWEEP, day: opts.today, instance, now: opts.now }))) {
    return { ran: false };
  }
  try {
    const result = await runDailySweep(db, { today: opts.today, now: opts.now });
    // The e-mail digest of the day (src/server.ts: sendDigests) goes out right after the sweep.
    await opts.afterSweep?.();
    await db.execute(sql`update scheduled_runs set finished_at = ${new Date().toISOString()},
      outcome = ${SWEEP.done(result.notices, result.regions)}
      where name = ${DAILY_SWEEP} and day = ${opts.today} and instance = ${instance}`);
    return { ran: true, result };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await db.execute(sql`update scheduled_runs set outcome = ${SWEEP.failed(message)}
      where name = ${DAILY_SWEEP} and day = ${opts.today} and instance = ${instance}`);
    return { ran: true, error: message };
  }
}

/** The server's local date (ISO): the day the sweep is for. */
export const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The timer of serveHttp: every few minutes, after `hour` (server local time), each instance tries to
 * run the day's sweep; all but one find it taken. Returns the stop function.
 */
export function scheduleDailySweep(
  db: Db,
  opts: { hour: number; afterSweep?: () => Promise<unknown>; everyMs?: number; log?: (m: string) => void },
): () => void {
  const info = opts.log ?? ((line: string) => log.info(line));
  let busy = false;
  const tick = async () => {
    const now = new Date();
    if (busy || now.getHours() < opts.hour) return;
    busy = true;
    try {
      const outcome = await runScheduledSweep(db, { today: localDay(now), now, afterSweep: opts.afterSweep });
      if (outcome.ran && 'result' in outcome)
        info(`Ежедневная проверка сроков: ${SWEEP.done(outcome.result.notices, outcome.result.regions)}`);
      if (outcome.ran && 'error' in outcome) log.error(`Ежедневная проверка сроков: ${outcome.error}`);
    } catch (e) {
      log.error({ err: e }, 'Ежедневная проверка сроков не удалась');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, opts.everyMs ?? 5 * 60 * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
