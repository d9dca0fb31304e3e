import type { Periodicity } from '../../db/schema/values.js';

// When a body is expected to meet (issue 12 §2): its periodicity cuts the time from `activeFrom` into
// periods (a week from Monday, a calendar month, a quarter, a half-year, a year); a period that has
// ended without a meeting is missed. One rule for the body's page, the «Пробелы» view and the demo.

export type SchedulePeriod = { from: string; to: string; meetings: number; missed: boolean };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const MONTHS: Record<Exclude<Periodicity, 'weekly'>, number> = {
  monthly: 1,
  quarterly: 3,
  half_year: 6,
  yearly: 12,
};

/** The first day of the period that contains `day`. */
function periodStart(p: Periodicity, day: Date): Date {
  if (p === 'weekly') {
    const d = new Date(day);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d;
  }
  const m = MONTHS[p];
  return new Date(Date.UTC(day.getUTCFullYear(), Math.floor(day.getUTCMonth() / m) * m, 1));
}

function nextStart(p: Periodicity, start: Date): Date {
  if (p === 'weekly') return new Date(start.getTime() + 7 * 86_400_000);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + MONTHS[p], 1));
}

/**
 * The periods from the one containing `activeFrom` to the one containing `today` (or `activeTo`), each
 * with the number of meetings held in it; a period is missed when it has ended (`to` < today) without one.
 * The current period is never missed: there is still time.
 */
export function bodySchedule(opts: {
  periodicity: Periodicity;
  activeFrom: string;
  activeTo?: string | null;
  today: string;
  meetingDates: string[];
}): SchedulePeriod[] {
  const end = opts.activeTo && opts.activeTo < opts.today ? opts.activeTo : opts.today;
  if (end < opts.activeFrom) return [];
  const out: SchedulePeriod[] = [];
  let start = periodStart(opts.periodicity, new Date(`${opts.activeFrom}T00:00:00Z`));
  const last = new Date(`${end}T00:00:00Z`);
  while (start <= last) {
    const next = nextStart(opts.periodicity, start);
    const from = iso(start);
    const to = iso(new Date(next.getTime() - 86_400_000));
    const meetings = opts.meetingDates.filter((d) => d >= from && d <= to).length;
    out.push({ from, to, meetings, missed: meetings === 0 && to < opts.today });
    start = next;
  }
  return out;
}
