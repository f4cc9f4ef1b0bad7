import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Vitest's order, except that the HTML check runs last: it waits for vnu, which runs meanwhile in the background. */
class VnuLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => (f.moduleId.endsWith('quality-html.test.ts') ? 1 : 0);
    return sorted
      .map((f, i) => [f, i] as const)
      .sort((a, b) => last(a[0]) - last(b[0]) || a[1] - b[1])
      .map(([f]) => f);
  }
}

/**
 * Two projects:
 * - `unit`: the fast tests (ingest, schema, model, publish, charts, press, ...), in parallel. They run no full
 *   build: test/helpers/site.ts refuses to start scripts/build.ts in this project (PDV_TEST_PROJECT).
 * - `quality`: the tests over built sites (test/quality*.test.ts: the build itself, published data, press kit,
 *   HTML; test/browser/**). Their globalSetup builds four sites once per run and starts the HTML validator in the
 *   background; the files then run one at a time (each drives Chromium, and two cores are all CI has), after the
 *   unit tests, the HTML check last.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    sequence: { sequencer: VnuLastSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          env: { PDV_TEST_PROJECT: 'unit' },
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
