import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects: fast unit tests, the built Apps Script bundle in a bare V8 context, and real-Chromium end-to-end
// tests (run one file at a time: each starts a browser, and the machine has two cores).
export default defineConfig({
  test: {
    globalSetup: ['tests/config-home.ts'],
    projects: [
      {
        plugins: [WxtVitest()],
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      // The CLI tests start the real command on a real .xlsx: seconds, not milliseconds.
      { test: { name: 'bundle', include: ['tests/bundle/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A bound, not a wait: what a page shows after a server call that saves the workbook comes within vitest's
          // default second alone, and within that second at load 8–12 on 2 cores too; 5 s of margin for a shared
          // machine. (It had been raised to 10 s for imports that seemed slow: Playwright's actions were, see
          // harness/chromium.ts.)
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
