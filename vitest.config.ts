import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * e2e files in a fixed order: the suites that build without emptying BuildKit's cache first, then
 * those that empty it (examples.e2e.ts starts from an empty cache; affected.e2e.ts empties it for
 * its fresh-runner test), so no suite pays for another's reset. Files not listed run last.
 */
const E2E_ORDER = ['fixtures.e2e.ts', 'peer-install.e2e.ts', 'examples.e2e.ts', 'affected.e2e.ts'];

class E2eSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = E2E_ORDER.findIndex((name) => file.moduleId.endsWith(`/${name}`));
      return index < 0 ? E2E_ORDER.length : index;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

// Two projects: `unit` is fast and Docker-free; `e2e` needs the lab (tools/lab) or a real Docker.
// The sequencer and file parallelism are root options in vitest 3 (a project's own are ignored):
// the e2e project runs its files one at a time in one fork instead (poolOptions.forks.singleFork).
export default defineConfig({
  test: {
    sequence: { sequencer: E2eSequencer },
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
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
