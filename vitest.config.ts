import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    // The demo is loaded once per engine per run and copied for each file (tests/helpers/demo-db.ts).
    globalSetup: ['tests/helpers/demo-global.ts'],
    setupFiles: ['tests/helpers/setup-key.ts'],
  },
});
