/**
 * `npm run bench`: nx-dockerize against the alternatives on real-size workloads, side by side, on
 * the lab's registry with fresh runners (`lab.sh runner up`) beside the lab's BuildKit. Never part
 * of the tests; asserts nothing. Writes bench/results/<timestamp>.json and bench/last-run.json and
 * renders docs/BENCHMARKS.md, docs/benchmarks.json and docs/benchmarks.svg after every scenario.
 *
 * Scenarios (BENCH_ONLY ids): overhead (no Docker), node, go, rust, python, java (bench/workloads/,
 * see workload-scenario.ts), monorepo (bench/monorepo.ts). Knobs: bench/state.ts.
 * Re-measure one workload and merge it into the committed run:
 * `BENCH_ONLY=go BENCH_MERGE=1 npm run bench`.
 */
import { readDockerEnv } from '../e2e/lib/docker-env';
import { docker, log } from './lib';
import { runMonorepo } from './monorepo';
import { benchCreateNodes, benchGenerator } from './overhead';
import { add, DEADLINE, MERGE, note, REPS, remainingMin, results, save, STAMP, wanted } from './state';
import { workloadScenario } from './workload-scenario';
import { WORKLOADS } from './workloads';

Object.assign(process.env, readDockerEnv());

async function overhead(): Promise<void> {
  log('overhead: createNodes on 1,000 projects, generator on 200');
  const nodes = await benchCreateNodes(1000, REPS);
  add({
    scenario: 'overhead',
    subject: 'createNodes, 1,000 projects',
    variant: 'ours',
    metric: 'ms',
    unit: 'ms',
    values: nodes.runsMs,
    detail: `${nodes.perProjectMs.toFixed(3)} ms per project; ${nodes.inferred} docker-build targets inferred`,
  });
  const gen = benchGenerator(200, REPS);
  add({
    scenario: 'overhead',
    subject: 'generator, 200 Node projects',
    variant: 'ours',
    metric: 'ms',
    unit: 'ms',
    values: gen.runsMs,
    detail: `${gen.perProjectMs.toFixed(2)} ms per project`,
  });
  save();
}

/** The monorepo scenario (bench/monorepo.ts): nx affected vs all N on a fresh runner; failures become notes. */
async function monorepo(): Promise<void> {
  await runMonorepo({ reps: REPS, stamp: STAMP, deadline: DEADLINE, results, add, save, log });
}

async function main(): Promise<void> {
  if (wanted('overhead')) await overhead();
  if (!MERGE)
    results.competitors.naive = 'bench/competitors/workloads/*/naive.Dockerfile, hand-written for the benchmark';
  save();
  const docker_ = [...WORKLOADS.map((w) => w.id), 'monorepo'];
  if (!docker_.some(wanted)) return finish();
  docker(['buildx', 'inspect', 'nx-dockerize-lab']);
  for (const spec of WORKLOADS) {
    if (!wanted(spec.id)) continue;
    if (remainingMin() < 2) {
      results.skipped.push(`${spec.id}: not run (time budget exhausted)`);
      continue;
    }
    await workloadScenario(spec).catch((e: Error) => {
      note(`${spec.id}: failed: ${e.message.split('\n')[0].slice(0, 400)}`);
      log(String(e.stack));
    });
  }
  if (wanted('monorepo')) await monorepo();
  finish();
}

function finish(): void {
  // A merged run keeps the committed run's span; its own time is in the merge note.
  if (!MERGE || !results.finishedAt) results.finishedAt = new Date().toISOString();
  save();
  log(`done: bench/results/${STAMP}.json, docs/BENCHMARKS.md`);
}

main().catch((error) => {
  log(`bench failed: ${(error as Error).stack}`);
  results.notes.push(`run aborted: ${(error as Error).message.split('\n')[0]}`);
  save();
  process.exitCode = 1;
});
