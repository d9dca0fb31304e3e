import type { DemoRun } from './demo-run.js';

// Placeholder of the foundation (helper «indicators»): the region's targets of the catalogue's indicators for the current year and one indicator of its own (issue 13 §1).
export async function loadDemoIndicators(_run: DemoRun): Promise<void> {}
