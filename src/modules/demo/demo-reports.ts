import type { DemoRun } from './demo-run.js';

// Placeholder of the foundation (helper «reports»): one generated аналитическая справка and a decision recorded on it (issue 13 §6).
export async function loadDemoReports(_run: DemoRun): Promise<void> {}
