import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit and integration tests live beside the code they test, one folder per domain; test/ holds the checks on the
// whole tree (folder boundaries, docs) and Playwright's end-to-end tests.
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '..'),
    include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/src/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
