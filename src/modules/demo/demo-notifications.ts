import { runDailySweep } from '../deadlines/sweep.js';
import type { DemoRun } from './demo-run.js';

// Slot of helper «notifications/deadlines» (issue 15).
export async function loadDemoNotifications(run: DemoRun): Promise<void> {
  // Helper «deadlines»: the day's sweep once for the demo's today, so the demo's users find their
  // «срок через N дней», «просрочено» and escalations (the demo's overdue measures) in the bell.
  await runDailySweep(run.db, { today: run.today, now: new Date() });
}
