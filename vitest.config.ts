import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    // Files of a worker share its loaded modules (and PGlite's compiled WebAssembly): importing the app
    // afresh for each of ≈ 200 files cost ≈ 390 s of the run's worker time, now ≈ 45 s. Every file opens its
    // own database; the module-level state was checked for it (ADR 0032, «isolate: false»).
    isolate: false,
    // The demo is loaded once per engine per run and copied for each file (tests/helpers/demo-db.ts).
    globalSetup: ['tests/helpers/demo-global.ts'],
    setupFiles: ['tests/helpers/setup-key.ts'],
  },
});
