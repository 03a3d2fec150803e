/**
 * Scenario `monorepo` (#17): in a workspace of N = 12 services, one library edit touches k = 3 of them.
 * main's CI builds all N once and exports the registry cache (one ref per image, the `docker-build`
 * executor's default). Then, each on a branch off main with one line appended to libs/money:
 *
 *   fresh runner (an empty BuildKit beside the lab's, same registry):  (a) `nx affected`  (b) all N
 *   warm lab builder (main's build still in its cache):                 (a) `nx affected`  (b) all N
 *
 * and the floors each is divided by: the same command with no edit (on a branch off main), which on a fresh
 * runner is the price of importing the registry cache for those images and solving them, and on
 * the warm builder the Nx + bake overhead with every step a cache hit, plus the registry cache's
 * import and export (the executor exports on every run); the overhead is the warm floor with
 * `--cache=none`, i.e. Nx + bake alone. Every fresh-runner figure
 * gets its own new runner. Output is cacheonly (push: false): images are built, not pushed, except in
 * the fresh runner's `pushed` pair (the same edit runs with `--push`: a CI that ships its images).
 *
 * Rows: scenario 'monorepo', subject SUBJECT, one variant per (builder, command, kind), metrics
 * 'seconds', 'steps run', 'steps cached', 'images built'.
 */
import { rmSync } from 'node:fs';
import type { Results, Row } from '../report';
import {
  AFFECTED,
  ALL,
  branchOffMain,
  editOnBranch,
  LAB_BUILDER,
  nxDockerBuild,
  onMonoRunner,
  prepareWorkspace,
  type NxBuild,
} from './workspace';

export const SCENARIO = 'monorepo';
export const SUBJECT = `libs/money edit (${AFFECTED.length} of ${ALL.length} services affected)`;
export type Runner = 'fresh runner' | 'warm builder';
export type Command = 'nx affected' | `all ${number}`;
export const ALL_COMMAND: Command = `all ${ALL.length}`;

/**
 * edit: after the lib edit; pushed: the same with `--push` (what a CI that ships images pays; fresh
 * runner only); floor: same command, no edit; overhead: no edit and `--cache=none` (warm builder only).
 */
export type Kind = 'edit' | 'pushed' | 'floor' | 'overhead';

/** The variant name of a measurement: `fresh runner: nx affected`, `warm builder floor: all 12 (no edit)`. */
export function variantName(runner: Runner, command: Command, kind: Kind = 'edit'): string {
  if (kind === 'floor') return `${runner} floor: ${command} (no edit)`;
  if (kind === 'overhead') return `${runner} overhead: ${command} (no edit, no registry cache)`;
  if (kind === 'pushed') return `${runner}: ${command}, pushed`;
  return `${runner}: ${command}`;
}

/** What the scenario needs from the bench (bench/run.ts). */
export interface MonorepoContext {
  reps: number;
  /** Run id, lower-cased into the registry namespace so runs never share cache refs. */
  stamp: string;
  /** Epoch ms after which no new repetition starts. */
  deadline: number;
  results: Results;
  add(row: Omit<Row, 'median'>): void;
  save(): void;
  log(message: string): void;
}

const BUDGET_MS = 8 * 60_000;

/** `COPY libs/money/ ×3, RUN npm ci ×1`: the run steps by instruction, targets and stage numbers dropped. */
export function describeSteps(ranNames: string[]): string {
  const counts = new Map<string, number>();
  for (const name of ranNames) {
    const step = name
      .replace(/^\[[^\]]*\] /, '')
      .replace(/ --(link|exclude=\S+)/g, '')
      .slice(0, 60);
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  return [...counts].map(([step, n]) => `${step} ×${n}`).join('; ');
}

function record(ctx: MonorepoContext, variant: string, build: NxBuild): void {
  const row = (metric: string, unit: string, value: number, detail?: string) =>
    ctx.add({ scenario: SCENARIO, subject: SUBJECT, variant, metric, unit, values: [value], detail });
  const detail = `${build.images} image(s) built, ${build.ran} steps run, ${build.cached} cached`;
  row('seconds', 's', build.seconds, build.ran ? `${detail}: ${describeSteps(build.ranNames)}` : detail);
  row('steps run', 'steps', build.ran);
  row('steps cached', 'steps', build.cached);
  row('images built', 'images', build.images);
  ctx.log(`monorepo: ${variant}: ${build.seconds.toFixed(1)} s, ${build.images} images, ${build.ran} steps run`);
}

const affectedArgs = ['affected', '--base=main', '--head=HEAD'];
const allArgs = ['run-many'];
const floorAffectedArgs = ['run-many', `--projects=${AFFECTED.join(',')}`];

/** One repetition: the four edit measurements, their four floors, the fresh runner's two pushes, the warm builder's two overheads. */
async function oneRep(ctx: MonorepoContext, dir: string, rep: number): Promise<void> {
  const branch = (runner: Runner, command: Command, kind: Kind) =>
    `r${rep}-${runner.split(' ')[0]}-${command.replace(/ /g, '-')}-${kind}`;
  const edited = async (runner: Runner, command: Command, builder: string, kind: Kind = 'edit') => {
    editOnBranch(dir, branch(runner, command, kind));
    const args = command === 'nx affected' ? affectedArgs : allArgs;
    const extra = kind === 'pushed' ? ['--push'] : [];
    record(ctx, variantName(runner, command, kind), await nxDockerBuild(dir, args, builder, extra));
  };
  // The same command with no edit, on a branch of its own (same cache refs as the edit runs).
  const floor = async (runner: Runner, command: Command, builder: string, kind: Kind = 'floor') => {
    branchOffMain(dir, branch(runner, command, kind));
    const args = command === 'nx affected' ? floorAffectedArgs : allArgs;
    const extra = kind === 'overhead' ? ['--cache=none'] : [];
    record(ctx, variantName(runner, command, kind), await nxDockerBuild(dir, args, builder, extra));
  };
  const commands: Command[] = ['nx affected', ALL_COMMAND];
  for (const command of commands) {
    await onMonoRunner((builder) => edited('fresh runner', command, builder));
    await onMonoRunner((builder) => floor('fresh runner', command, builder));
    await onMonoRunner((builder) => edited('fresh runner', command, builder, 'pushed'));
  }
  // The warm builder holds main's layers throughout: its floors see the same cache before or after the edits.
  for (const command of commands) await floor('warm builder', command, LAB_BUILDER, 'overhead');
  for (const command of commands) await floor('warm builder', command, LAB_BUILDER);
  for (const command of commands) await edited('warm builder', command, LAB_BUILDER);
}

/**
 * Runs the scenario: prepares the workspace, seeds main's registry cache from the lab builder, then
 * up to `ctx.reps` repetitions inside an 8-minute budget (one repetition takes about 3 minutes on
 * 2 cores once the seed is built; the seed is cold only after a `lab.sh reset`).
 */
export async function monorepoScenario(ctx: MonorepoContext): Promise<void> {
  const began = Date.now();
  const end = Math.min(began + BUDGET_MS, ctx.deadline);
  ctx.log(`monorepo: preparing the ${ALL.length}-service workspace`);
  const dir = await prepareWorkspace(`localhost:5000/bench-mono-${ctx.stamp.toLowerCase()}`);
  try {
    const seed = await nxDockerBuild(dir, allArgs, LAB_BUILDER);
    ctx.results.notes.push(
      `${SCENARIO}: main's seed build (all ${ALL.length}, registry cache export, lab builder) took ${seed.seconds.toFixed(1)} s (${seed.ran} steps run, ${seed.cached} cached); workspace prepared in ${((Date.now() - began) / 1000 - seed.seconds).toFixed(0)} s.`,
    );
    let last = 0;
    let done = 0;
    for (let rep = 1; rep <= ctx.reps; rep++) {
      if (rep > 1 && Date.now() + last >= end) {
        ctx.results.notes.push(`${SCENARIO}: ${done} repetition(s) instead of ${ctx.reps} (its 8-minute budget).`);
        break;
      }
      const start = Date.now();
      await oneRep(ctx, dir, rep);
      last = Date.now() - start;
      done++;
      ctx.save();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
