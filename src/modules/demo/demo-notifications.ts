import type { DemoRun } from './demo-run.js';

// Slot of helper «notifications/deadlines» (issue 15).
export async function loadDemoNotifications(_run: DemoRun): Promise<void> {}
