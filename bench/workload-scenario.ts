/**
 * One real-size workload, ours and every competitor side by side (issue #17). Every build pushes
 * its image to the lab registry (what CI does), on a fresh runner of its own (`lab.sh runner up`:
 * an empty BuildKit beside the lab's, so the lab's cache is never wiped):
 *
 * 1. edit floor (host compile after the one-line edit, warm caches);
 * 2. per variant on its own empty runner: cold → size (--load, first repetition) → one-line edit,
 *    warm → sibling's dependency change (first repetition) → cache export to the lab registry
 *    (`cache-to type=registry,mode=max`, for competitors too; timed, not a scenario);
 * 3. network floor: fetching the blobs of each variant's exported cache;
 * 4. fresh runner + registry cache, no edit; then fresh runner + registry cache after a one-line edit.
 *
 * "No cache at all" is the cold build: an empty runner with no cache-from. Later repetitions repeat
 * the fast scenarios (warm edit, the two fresh-runner ones) while the workload's budget lasts, and
 * cold only if time is left; the report prints n per figure.
 */
import { log, runnerDown, runnerUp } from './lib';
import { editFloor, networkFloor } from './floors';
import { sizeRow } from './size';
import { add, DEADLINE, note, record, REPS, results, save, STAMP } from './state';
import { cacheRef, hostInstallSeconds, makeWorkloadVariants, type WorkloadVariant } from './workload-variants';
import { countPackages, type WorkloadSpec } from './workloads';

export const SUBJECT = (spec: WorkloadSpec) => `api (${spec.id})`;
const runnerName = (spec: WorkloadSpec, i: number, phase: string) => `b-${spec.id}-${phase}${i}`;
const imageName = (spec: WorkloadSpec, v: WorkloadVariant) =>
  `localhost:5000/bench-out/${spec.id}-${v.id.replace(/\W+/g, '-')}:latest`;

interface Ctx {
  spec: WorkloadSpec;
  variants: WorkloadVariant[];
  end: number;
  lastRepMs: number;
}

const fits = (ctx: Ctx, ms: number) => Date.now() + ms < Math.min(ctx.end, DEADLINE);

/** Runs `body` on a fresh, empty runner and removes the runner afterwards, whatever happens. */
async function onFreshRunner<T>(name: string, body: (builder: string) => Promise<T>): Promise<T> {
  const builder = runnerUp(name);
  try {
    return await body(builder);
  } finally {
    runnerDown(name);
  }
}

async function measureEditFloor(ctx: Ctx): Promise<void> {
  const { spec, variants } = ctx;
  try {
    const nodeWs = variants.find((v) => v.id === 'nx-docker')?.workspace;
    const floor = await editFloor(spec, nodeWs);
    add({
      group: spec.id,
      scenario: 'edit-floor',
      subject: SUBJECT(spec),
      variant: 'host',
      metric: 'seconds',
      unit: 's',
      values: [floor.seconds],
      detail: floor.detail,
    });
  } catch (error) {
    note(`${spec.id}: edit floor not measured: ${(error as Error).message.split('\n')[0].slice(0, 300)}`);
  }
}

/** Whether the workload's budget (and the run's) still has room; otherwise a note saying what was cut. */
function guard(ctx: Ctx, what: string): boolean {
  if (Date.now() < Math.min(ctx.end, DEADLINE)) return true;
  results.skipped.push(`${ctx.spec.id}: ${what} not measured (its ${ctx.spec.budgetMin}-minute budget ran out)`);
  return false;
}

type Step = (v: WorkloadVariant, builder: string, rep: number) => Promise<boolean>;

/** Cold, size, warm edit, sibling dependency, cache export: scenario by scenario, each variant on its own runner. */
const WARM_STEPS: { id: string; firstRepOnly?: boolean; run: (ctx: Ctx) => Step }[] = [
  {
    id: 'cold',
    run: (ctx) => async (v, builder) =>
      record(ctx.spec.id, 'cold', SUBJECT(ctx.spec), v.id, await v.build({ builder, push: imageName(ctx.spec, v) })),
  },
  {
    id: 'size',
    firstRepOnly: true,
    run: (ctx) => async (v, builder) => {
      const tag = `bench-${ctx.spec.id}-${v.id.replace(/\W+/g, '-')}:latest`;
      const loaded = await v.build({ builder, load: true, tag });
      if (loaded.exitCode === 0) sizeRow(ctx.spec.id, SUBJECT(ctx.spec), v.id, v.loadedTag(tag), v.base);
      else note(`${ctx.spec.id}: size of ${v.id}: --load failed: ${loaded.tail.split('\n')[0].slice(0, 200)}`);
      return true;
    },
  },
  {
    id: 'warm-edit',
    run: (ctx) => async (v, builder) => {
      v.edit();
      return record(
        ctx.spec.id,
        'warm-edit',
        SUBJECT(ctx.spec),
        v.id,
        await v.build({ builder, push: imageName(ctx.spec, v) }),
      );
    },
  },
  {
    id: 'sibling-dependency',
    firstRepOnly: true,
    run: (ctx) => async (v, builder) => {
      v.siblingDependency();
      return record(
        ctx.spec.id,
        'sibling-dependency',
        SUBJECT(ctx.spec),
        v.id,
        await v.build({ builder, push: imageName(ctx.spec, v) }),
      );
    },
  },
  {
    id: 'cache export',
    run: (ctx) => async (v, builder, rep) => {
      const ref = cacheRef(ctx.spec.id, v.id, `${STAMP}-r${rep}`);
      const run = await v.build({ builder, push: imageName(ctx.spec, v), cacheTo: ref });
      if (run.exitCode !== 0)
        note(`${ctx.spec.id}: cache export of ${v.id} to ${ref} failed: ${run.tail.split('\n')[0].slice(0, 200)}`);
      else
        add({
          group: ctx.spec.id,
          scenario: 'cache-export',
          subject: SUBJECT(ctx.spec),
          variant: v.id,
          metric: 'seconds',
          unit: 's',
          values: [run.seconds],
          detail: `cache-to ${ref} (mode=max), every step a cache hit`,
        });
      return run.exitCode === 0;
    },
  },
];

async function warmPhase(ctx: Ctx, rep: number): Promise<void> {
  const { spec } = ctx;
  const names = ctx.variants.map((_, i) => runnerName(spec, i, 'w'));
  const builders = names.map((n) => runnerUp(n));
  const failed = new Set<string>();
  try {
    for (const step of WARM_STEPS) {
      if (step.firstRepOnly && rep > 1) continue;
      for (const [i, v] of ctx.variants.entries()) {
        if (failed.has(v.id) || !guard(ctx, `${step.id} of ${v.id} (rep ${rep})`)) continue;
        log(`${spec.id} rep ${rep}: ${v.id} ${step.id}`);
        if (!(await step.run(ctx)(v, builders[i], rep))) failed.add(v.id);
        save();
      }
    }
  } finally {
    for (const n of names) runnerDown(n);
  }
}

/** Fresh runner with the registry cache: no edit, then after a one-line edit; the network floor on the first rep. */
async function freshPhase(ctx: Ctx, rep: number): Promise<void> {
  const { spec } = ctx;
  for (const [i, v] of ctx.variants.entries()) {
    const ref = cacheRef(spec.id, v.id, `${STAMP}-r${rep}`);
    const push = imageName(spec, v);
    if (rep === 1) {
      try {
        const floor = await networkFloor(ref);
        add({
          group: spec.id,
          scenario: 'network-floor',
          subject: SUBJECT(spec),
          variant: v.id,
          metric: 'seconds',
          unit: 's',
          values: [floor.seconds],
          detail: `${floor.blobs} blobs, ${(floor.bytes / 1e6).toFixed(1)} MB of registry cache`,
        });
      } catch (error) {
        note(`${spec.id}: network floor of ${v.id}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    if (!guard(ctx, `fresh-runner builds of ${v.id} (rep ${rep})`)) continue;
    log(`${spec.id} rep ${rep}: ${v.id} fresh runner, no edit`);
    await onFreshRunner(runnerName(spec, i, 'f'), async (builder) =>
      record(spec.id, 'fresh-noedit', SUBJECT(spec), v.id, await v.build({ builder, push, cacheFrom: ref })),
    );
    v.edit();
    log(`${spec.id} rep ${rep}: ${v.id} fresh runner after an edit`);
    await onFreshRunner(runnerName(spec, i, 'e'), async (builder) =>
      record(spec.id, 'fresh-edit', SUBJECT(spec), v.id, await v.build({ builder, push, cacheFrom: ref })),
    );
    save();
  }
}

function describe(spec: WorkloadSpec, variants: WorkloadVariant[]): void {
  let packages = NaN;
  try {
    packages = countPackages(spec, variants[0].workspace);
  } catch (error) {
    note(`${spec.id}: could not count ${spec.unit}: ${(error as Error).message.split('\n')[0]}`);
  }
  results.workloads ??= {};
  results.workloads[spec.id] = {
    language: spec.language,
    stack: spec.stack,
    lockfile: spec.lockfile,
    unit: spec.unit,
    packages,
    competitors: spec.competitors.map(
      (c) => `${c.id}: bench/competitors/workloads/${spec.id}/${c.file} (context ${c.context})`,
    ),
    hostInstallSeconds: spec.id === 'node' ? [...hostInstallSeconds] : undefined,
  };
}

export async function workloadScenario(spec: WorkloadSpec): Promise<void> {
  const started = Date.now();
  log(`workload ${spec.id}: copying, generating ours, preparing competitors`);
  const variants = makeWorkloadVariants(spec);
  describe(spec, variants);
  const ctx: Ctx = { spec, variants, end: started + spec.budgetMin * 60_000, lastRepMs: 0 };
  await measureEditFloor(ctx);
  save();
  for (let rep = 1; rep <= REPS; rep++) {
    if (rep > 1 && !fits(ctx, ctx.lastRepMs)) {
      note(`${spec.id}: ${rep - 1} repetition(s) instead of ${REPS} (its ${spec.budgetMin}-minute budget ran out).`);
      break;
    }
    const began = Date.now();
    await warmPhase(ctx, rep);
    await freshPhase(ctx, rep);
    ctx.lastRepMs = Date.now() - began;
    save();
  }
}
