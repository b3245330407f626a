import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'node',
    setupFiles: ['renderer/src/testing/jsdom-speed.ts'],
    // Vitest leaves one core free by default, which on the two-core machines this runs on means one
    // test file at a time; the tests wait on child processes and the disk often enough to use both.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      // core/ is pure (no Node, no DOM, no mocks or globals changed by its tests), so its files share one
      // module graph per worker instead of loading it afresh each: the core tests in about 60% of the time.
      { extends: true, test: { name: 'core', include: ['core/**/*.test.ts'], isolate: false } },
      // The rest mock modules, start servers and keep state in stores: each file in a fresh process.
      { extends: true, test: { name: 'app', include: ['electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'] } },
    ],
  },
});
