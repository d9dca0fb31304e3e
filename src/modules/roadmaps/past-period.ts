import { periodBounds, type RoadmapPeriod } from './deadline.js';
import { periodLabel } from './types.js';

// A roadmap of a period that has ended (2022/23 read in 2026) is a record of past work, not a plan to
// execute: the import wizard offers to save it as an archived record, the server refuses that for a
// period still running. Shared by both so that they agree on which periods have ended (no database
// here: the browser imports this file; the server's part is archive-record.ts).

/** The period's last month has passed (months compared as 'YYYY-MM' in UTC). */
export function periodEnded(period: RoadmapPeriod, today = new Date()): boolean {
  return today.toISOString().slice(0, 7) > periodBounds(period).to;
}

/** The Russian message for a request to archive a roadmap whose period is still running. */
export const periodNotEndedMessage = (period: RoadmapPeriod) =>
  `Архивной записью можно сохранить только дорожную карту завершённого периода, а ${periodLabel(period.periodKind, period.periodYear)} ещё не закончился`;

/** The status comment every item of an archived record carries: where its execution mark came from. */
export const IMPORTED_EXECUTION_COMMENT = 'Исполнено по данным документа (отметка импортирована)';
