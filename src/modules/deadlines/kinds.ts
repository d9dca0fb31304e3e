// The kinds of work with a deadline (issue 15 §3); without dependencies, so the pages can import it.
export const DEADLINE_KINDS = ['item', 'task', 'decision', 'activity', 'monitoring'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
