import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - `unit`: the fast tests (model, schema, build, ...), in parallel;
 * - `quality`: the quality gates over built sites (test/quality*.test.ts, test/browser/**). Their globalSetup
 *   builds four sites once per run; the files then run one at a time (each drives Chromium or Java, and two
 *   cores are all CI has), after the unit tests.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/*.test.ts'],
          exclude: ['test/quality*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'quality',
          include: ['test/quality*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
