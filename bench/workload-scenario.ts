/**
 * One real-size workload, ours and every competitor side by side (issue #17). Every build pushes
 * its image to the lab registry (what CI does), on a fresh runner of its own (`lab.sh runner up`:
 * an empty BuildKit beside the lab's, so the lab's cache is never wiped). Scenario by scenario,
 * each over all variants (so a budget cut drops a scenario, not a variant), in priority order:
 *
 * 1. edit floor (host compile after the one-line edit, warm caches), once; the extraction floor
 *    (ours' toolchain image pulled and extracted on an empty runner) once per repetition;
 * 2. on one empty runner per variant: cold (= no cache at all), then the cache export to the lab
 *    registry (`cache-to type=registry,mode=max`, competitors too; timed, not a scenario) and the
 *    network floor (fetching that cache);
 * 3. on new empty runners with cache-from that ref: fresh runner, no edit; fresh runner after a
 *    one-line edit (undone afterwards, so the warm runner's state still matches) — #17's figures first;
 * 4. back on the warm runner: one-line edit; the sibling project's dependency change and the size
 *    (--load) on the first repetition.
 *
 * A repetition after the first runs only if one more (as long as the last) fits the budget.
 */
import { onFreshRunner, startRunner, stopRunner } from '../e2e/lib/extra-runner';
import { log } from './lib';
import { editFloor, extractionFloor, networkFloor } from './floors';
import { sizeRow } from './size';
import { add, DEADLINE, note, record, REPS, results, save, STAMP } from './state';
import { cacheRef, hostInstallSeconds, makeWorkloadVariants, type WorkloadVariant } from './workload-variants';
import { countPackages, type WorkloadSpec } from './workloads';

export const SUBJECT = (spec: WorkloadSpec) => `api (${spec.id})`;
const runnerName = (spec: WorkloadSpec, i: number, phase: string) => `b-${spec.id}-${phase}${i}`;
const imageName = (spec: WorkloadSpec, v: WorkloadVariant) =>
  `localhost:5000/bench-${spec.id}-${v.id.replace(/\W+/g, '-')}:latest`;

interface Ctx {
  spec: WorkloadSpec;
  variants: WorkloadVariant[];
  end: number;
  lastRepMs: number;
}

const fits = (ctx: Ctx, ms: number) => Date.now() + ms < Math.min(ctx.end, DEADLINE);

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

/** The extraction floor of ours' toolchain image, once per repetition (an empty runner of its own). */
async function measureExtractionFloor(ctx: Ctx, rep: number): Promise<void> {
  const image = ctx.variants[0].buildImage;
  if (!image) return;
  try {
    const floor = await extractionFloor(image, `b-${ctx.spec.id}-x${rep}`);
    add({
      group: ctx.spec.id,
      scenario: 'extraction-floor',
      subject: SUBJECT(ctx.spec),
      variant: 'host',
      metric: 'seconds',
      unit: 's',
      values: [floor.seconds],
      detail: `\`FROM ${image}\` + \`RUN true\` on an empty runner: ${(floor.bytes / 1e6).toFixed(1)} MB of compressed layers`,
    });
  } catch (error) {
    note(`${ctx.spec.id}: extraction floor not measured: ${(error as Error).message.split('\n')[0].slice(0, 300)}`);
  }
}

/** Whether the workload's budget (and the run's) still has room; otherwise a note saying what was cut. */
function guard(ctx: Ctx, what: string): boolean {
  if (Date.now() < Math.min(ctx.end, DEADLINE)) return true;
  results.skipped.push(`${ctx.spec.id}: ${what} not measured (its ${ctx.spec.budgetMin}-minute budget ran out)`);
  return false;
}

type Step = (v: WorkloadVariant, builder: string, rep: number) => Promise<boolean>;

const push = (ctx: Ctx, v: WorkloadVariant) => imageName(ctx.spec, v);

async function coldStep(ctx: Ctx, v: WorkloadVariant, builder: string): Promise<boolean> {
  return record(ctx.spec.id, 'cold', SUBJECT(ctx.spec), v.id, await v.build({ builder, push: push(ctx, v) }));
}

async function sizeStep(ctx: Ctx, v: WorkloadVariant, builder: string): Promise<boolean> {
  const tag = `bench-${ctx.spec.id}-${v.id.replace(/\W+/g, '-')}:latest`;
  const loaded = await v.build({ builder, load: true, tag });
  if (loaded.exitCode === 0) sizeRow(ctx.spec.id, SUBJECT(ctx.spec), v.id, v.loadedTag(tag), v.base);
  else note(`${ctx.spec.id}: size of ${v.id}: --load failed: ${loaded.tail.split('\n')[0].slice(0, 200)}`);
  return true;
}

async function editStep(ctx: Ctx, v: WorkloadVariant, builder: string): Promise<boolean> {
  v.edit();
  return record(ctx.spec.id, 'warm-edit', SUBJECT(ctx.spec), v.id, await v.build({ builder, push: push(ctx, v) }));
}

/** What main's CI would do after its build: export the cache (timed apart), then measure fetching it back. */
async function exportStep(ctx: Ctx, v: WorkloadVariant, builder: string, rep: number): Promise<boolean> {
  const { spec } = ctx;
  const ref = cacheRef(spec.id, v.id, `${STAMP}-r${rep}`);
  const run = await v.build({ builder, push: push(ctx, v), cacheTo: ref });
  if (run.exitCode !== 0) {
    note(`${spec.id}: cache export of ${v.id} to ${ref} failed: ${run.tail.split('\n')[0].slice(0, 200)}`);
    return false;
  }
  add({
    group: spec.id,
    scenario: 'cache-export',
    subject: SUBJECT(spec),
    variant: v.id,
    metric: 'seconds',
    unit: 's',
    values: [run.seconds],
    detail: `cache-to ${ref} (mode=max), every step a cache hit`,
  });
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
  return true;
}

/** Fresh runner with the registry cache: no edit, then after a one-line edit (undone afterwards). */
async function freshStep(ctx: Ctx, v: WorkloadVariant, rep: number, edited: boolean): Promise<boolean> {
  const { spec } = ctx;
  const ref = cacheRef(spec.id, v.id, `${STAMP}-r${rep}`);
  const undo = edited ? v.edit() : undefined;
  const scenario = edited ? 'fresh-edit' : 'fresh-noedit';
  const i = ctx.variants.indexOf(v);
  try {
    return await onFreshRunner(runnerName(spec, i, edited ? 'e' : 'f'), async (builder) =>
      record(spec.id, scenario, SUBJECT(spec), v.id, await v.build({ builder, push: push(ctx, v), cacheFrom: ref })),
    );
  } finally {
    undo?.();
  }
}

async function siblingStep(ctx: Ctx, v: WorkloadVariant, builder: string): Promise<boolean> {
  v.siblingDependency();
  return record(
    ctx.spec.id,
    'sibling-dependency',
    SUBJECT(ctx.spec),
    v.id,
    await v.build({ builder, push: push(ctx, v) }),
  );
}

/** The scenarios in priority order; `builder` is the variant's warm runner. */
const STEPS: { id: string; firstRepOnly?: boolean; run: (ctx: Ctx) => Step }[] = [
  { id: 'cold', run: (ctx) => (v, b) => coldStep(ctx, v, b) },
  { id: 'cache export', run: (ctx) => (v, b, rep) => exportStep(ctx, v, b, rep) },
  { id: 'fresh runner, no edit', run: (ctx) => (v, _b, rep) => freshStep(ctx, v, rep, false) },
  { id: 'fresh runner, edit', run: (ctx) => (v, _b, rep) => freshStep(ctx, v, rep, true) },
  { id: 'warm-edit', run: (ctx) => (v, b) => editStep(ctx, v, b) },
  { id: 'sibling-dependency', firstRepOnly: true, run: (ctx) => (v, b) => siblingStep(ctx, v, b) },
  { id: 'size', firstRepOnly: true, run: (ctx) => (v, b) => sizeStep(ctx, v, b) },
];

async function repetition(ctx: Ctx, rep: number): Promise<void> {
  const { spec } = ctx;
  const names = ctx.variants.map((_, i) => runnerName(spec, i, 'w'));
  const builders = names.map((n) => startRunner(n));
  const failed = new Set<string>();
  try {
    for (const step of STEPS) {
      if (step.firstRepOnly && rep > 1) continue;
      for (const [i, v] of ctx.variants.entries()) {
        if (failed.has(v.id) || !guard(ctx, `${step.id} of ${v.id} (rep ${rep})`)) continue;
        log(`${spec.id} rep ${rep}: ${v.id} ${step.id}`);
        if (!(await step.run(ctx)(v, builders[i], rep))) failed.add(v.id);
        save();
      }
    }
  } finally {
    for (const n of names) stopRunner(n);
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
  const budgetMin = Number(process.env.BENCH_WORKLOAD_MINUTES ?? spec.budgetMin);
  const ctx: Ctx = { spec, variants, end: started + budgetMin * 60_000, lastRepMs: 0 };
  await measureEditFloor(ctx);
  save();
  for (let rep = 1; rep <= REPS; rep++) {
    if (rep > 1 && !fits(ctx, ctx.lastRepMs)) {
      note(`${spec.id}: ${rep - 1} repetition(s) instead of ${REPS} (its ${spec.budgetMin}-minute budget ran out).`);
      break;
    }
    const began = Date.now();
    await measureExtractionFloor(ctx, rep);
    await repetition(ctx, rep);
    ctx.lastRepMs = Date.now() - began;
    save();
  }
}
