import { defineConfig } from 'vitest/config';

// Two projects: `unit` is fast and Docker-free; `e2e` needs the lab (tools/lab) or a real Docker.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['plugin/**/*.spec.ts', 'generators/**/*.spec.ts', 'executors/**/*.spec.ts', 'tools/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          setupFiles: ['e2e/setup.ts'],
          testTimeout: 20 * 60_000,
          hookTimeout: 30 * 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
