import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // One build before any file runs: the CLI, server and Word tests spawn or import its output.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
  },
});
