import type { Db } from '../../db/client.js';
import type { BuiltItem, BuiltRoadmap, SourceInfo, TaskDecision } from './demo-build.js';
import { addDays, type ExecContext, ruDate } from './demo-execution.js';
import type { DemoOrgs } from './demo-orgs.js';
import type { DemoPicks } from './demo-plan.js';
import type { Rng } from './demo-random.js';
import type { DemoUsers } from './demo-users.js';

/** Everything the steps of one demo load share. */
export type DemoRun = {
  db: Db;
  exec: ExecContext;
  /** ISO date the execution state is computed for. */
  today: string;
  /** First calendar year of the current school year. */
  year: number;
  subst: Record<string, string>;
  orgs: DemoOrgs;
  picks: DemoPicks;
  users: DemoUsers;
  /** Items of approved upper-level roadmaps, by id: what the cascaded tasks refer to. */
  sources: Map<string, SourceInfo>;
};

export type ExecutedRoadmap = { roadmap: BuiltRoadmap; done: BuiltItem[] };

/** A deadline `days` from today as written in roadmaps: «05.12.2026», «до 17.11.2026». */
export const dated = (run: DemoRun, days: number, prefix = '') =>
  `${prefix}${ruDate(addDays(run.today, days))}`;

/** An order date in the given month of the school year, never later than today. */
export function orderDate(run: DemoRun, month: number, day: number): string {
  const year = month >= 9 ? run.year : run.year + 1;
  const d = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return d < run.today ? d : run.today;
}

/**
 * How a unit reports a cascaded task it has no own item for: mostly done once its deadline has
 * passed (with `rate`), in work when it is near, untouched otherwise.
 */
export const decide =
  (run: DemoRun, rate: number, rng: Rng) =>
  (s: SourceInfo): TaskDecision => {
    const due = s.dueDate ?? '9999-12-31';
    if (due < run.today) {
      return rng.chance(rate)
        ? { status: 'done', comment: null }
        : { status: 'in_progress', comment: 'Выполняется с отставанием от срока' };
    }
    return due <= addDays(run.today, 45) && rng.chance(0.5) ? { status: 'in_progress', comment: null } : null;
  };
