import type { DemoRun } from './demo-run.js';

// Placeholder of the foundation (helper «monitoring»): monitorings with forms submitted, returned and accepted, and the standard templates (issue 13 §6).
export async function loadDemoMonitorings(_run: DemoRun): Promise<void> {}
