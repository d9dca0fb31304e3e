import type { DemoRun } from './demo-run.js';

// Slot of helper «publish» (issue 15).
export async function loadDemoPublications(_run: DemoRun): Promise<void> {}
