/**
 * Scenario `monorepo` (#17) and its report section; the pieces live in bench/monorepo/:
 * workspace.ts (the workload on disk, builders, the Nx runs), scenario.ts (what is measured),
 * section.ts (the docs/BENCHMARKS.md section). The workload itself: bench/workloads/monorepo/.
 */
import { monorepoScenario, SCENARIO, type MonorepoContext } from './monorepo/scenario';

export { monorepoScenario, type MonorepoContext } from './monorepo/scenario';
export { renderMonorepoSection, monorepoFindings } from './monorepo/section';

/** The bench's hook: runs the scenario and turns a failure into a note, so the rest of the run goes on. */
export async function runMonorepo(ctx: MonorepoContext): Promise<void> {
  try {
    await monorepoScenario(ctx);
  } catch (error) {
    ctx.results.notes.push(`${SCENARIO} failed: ${(error as Error).message.split('\n')[0].slice(0, 400)}`);
    ctx.log(`${SCENARIO} failed: ${(error as Error).stack}`);
    ctx.save();
  }
}
