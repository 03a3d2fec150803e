/**
 * `npm run bench`: nx-dockerize against the alternatives, side by side, on the lab's BuildKit.
 * Never part of the tests; asserts nothing. Writes bench/results/<timestamp>.json and renders
 * docs/BENCHMARKS.md, docs/benchmarks.json and docs/benchmarks.svg after every scenario, so a
 * run cut short still leaves a report of what it measured.
 *
 * Env: BENCH_REPS (default 3), BENCH_MINUTES (total budget for the Docker scenarios, default 65),
 * BENCH_ONLY (comma list of scenario ids), BENCH_REGENERATE=0 (use the committed competitor files),
 * BENCH_MERGE=1 (start from the committed bench/last-run.json and replace only the rows this run
 * measures: for re-measuring one scenario, e.g. `BENCH_ONLY=nest BENCH_MERGE=1`, without losing the rest).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExamples } from '../e2e/lib/workspace-copy';
import { readDockerEnv } from '../e2e/lib/docker-env';
import versions from '../plugin/versions.json';
import {
  adaptForLab,
  COMPETITORS,
  FLY_VERSION,
  generateCompetitors,
  LAB_DEBIAN,
  LAB_GOLANG,
  LAB_JRE,
  LAB_MAVEN,
  LAB_PYTHON,
  LAB_RUST,
  makeFlyStandalone,
  NODE_SERVICES,
  NX_VERSION,
  type NodeService,
} from './competitors';
import { bake, buildxBuild, docker, labReset, log, median, REPO, timed, type BuildRun } from './lib';
import { makeNestVariants, NEST_SUBJECT } from './nest';
import { runMonorepo } from './monorepo';
import { benchCreateNodes, benchGenerator } from './overhead';
import { ADDED_SIZE_METRIC, renderReport, type Results, type Row } from './report';

const REPS = Number(process.env.BENCH_REPS ?? 3);
const START = Date.now();
const DEADLINE = START + Number(process.env.BENCH_MINUTES ?? 65) * 60_000;
const ONLY = process.env.BENCH_ONLY?.split(',');
const STAMP = new Date().toISOString().replace(/[:.]/g, '-');
const EXAMPLES_BIN = join(REPO, 'examples/node_modules/.bin');
Object.assign(process.env, readDockerEnv());

const MERGE = process.env.BENCH_MERGE === '1';
const results: Results = MERGE
  ? mergeBase()
  : { startedAt: new Date().toISOString(), machine: machine(), competitors: {}, rows: [], notes: [], skipped: [] };

/** BENCH_MERGE=1: the committed run, minus the rows and notes of the scenarios this run re-measures. */
function mergeBase(): Results {
  const base = JSON.parse(readFileSync(join(REPO, 'bench/last-run.json'), 'utf-8')) as Results;
  const redo = (text: string) =>
    (ONLY ?? []).some((id) => text.startsWith(`${id}:`) || (id === 'nest' && text.includes(NEST_SUBJECT)));
  base.rows = base.rows.filter((r) => !(ONLY?.includes('nest') && r.subject === NEST_SUBJECT));
  base.notes = base.notes.filter((n) => !redo(n));
  base.skipped = base.skipped.filter((n) => !redo(n));
  base.notes.push(
    `${(ONLY ?? ['all']).join(', ')}: measured in a later run (${new Date().toISOString()}, BENCH_ONLY=${ONLY?.join(',') ?? ''}, BENCH_REPS=${REPS}) on the same lab and merged into this one (BENCH_MERGE=1); the other rows are from the run that started at ${base.startedAt}.`,
  );
  return base;
}

function machine(): Results['machine'] {
  const sh = (cmd: string) => {
    try {
      return execFileSync('bash', ['-c', cmd], { env: { ...process.env, ...readDockerEnv() } })
        .toString()
        .trim();
    } catch {
      return 'unknown';
    }
  };
  const builder = builderFacts(sh('docker buildx inspect nx-dockerize-lab'));
  return {
    cpus: sh('nproc'),
    cpuModel: sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"),
    memory: sh("free -h | awk '/Mem:/{print $2}'"),
    kernel: sh('uname -r'),
    node: process.version,
    docker: sh('/usr/bin/docker version --format "{{.Server.Version}}"'),
    buildx: sh('docker buildx version'),
    buildkit: builder.buildkit,
    labVersions: JSON.stringify(versions.tools),
    workerNetwork: builder.workerNetwork,
    buildkitGc: builder.buildkitGc,
  };
}

/** BuildKit version, worker network and GC bounds (the cache the warm scenarios rely on), from one `buildx inspect`. */
function builderFacts(inspect: string): { buildkit: string; workerNetwork: string; buildkitGc: string } {
  if (inspect === 'unknown') return { buildkit: 'unknown', workerNetwork: 'unknown', buildkitGc: 'unknown' };
  const lines = inspect.split('\n');
  const value = (label: RegExp) =>
    lines
      .find((l) => label.test(l))
      ?.replace(label, '')
      .trim() ?? '';
  const lastRule = lines.findIndex((l) => l.includes('GC Policy rule#3'));
  const gcBounds =
    lastRule < 0 ? [] : lines.slice(lastRule + 1, lastRule + 5).filter((l) => /Reserved|Max Used/.test(l));
  return {
    buildkit: value(/^.*BuildKit version:/),
    workerNetwork: value(/^.*worker\.network:/),
    buildkitGc: gcBounds.map((l) => l.trim().replace(/ +/g, ' ')).join('; '),
  };
}

function save(): void {
  mkdirSync(join(REPO, 'bench/results'), { recursive: true });
  const json = JSON.stringify(results, null, 2);
  writeFileSync(join(REPO, `bench/results/${STAMP}.json`), json);
  // Committed beside the report, so a clean clone can re-render it: tsx bench/render.ts bench/last-run.json
  writeFileSync(join(REPO, 'bench/last-run.json'), json);
  renderReport(results);
}

function add(row: Omit<Row, 'median'>): void {
  const existing = results.rows.find(
    (r) =>
      r.scenario === row.scenario && r.subject === row.subject && r.variant === row.variant && r.metric === row.metric,
  );
  if (existing) {
    existing.values.push(...row.values);
    existing.median = median(existing.values);
    if (row.detail) existing.detail = row.detail;
  } else results.rows.push({ ...row, median: median(row.values) });
}

function checkDeadline(): void {
  if (Date.now() > DEADLINE) throw new Error('time budget exhausted');
}
const remainingMin = () => (DEADLINE - Date.now()) / 60_000;
const wanted = (id: string) => !ONLY || ONLY.includes(id);

/** Reps for a scenario whose one rep takes ~repMin minutes, within `share` of what is left. */
async function reps(id: string, budgetMin: number, body: (rep: number) => Promise<void>): Promise<void> {
  if (!wanted(id)) return;
  const end = Math.min(Date.now() + budgetMin * 60_000, DEADLINE);
  if (Date.now() >= DEADLINE) {
    results.skipped.push(`${id}: not run (time budget exhausted)`);
    save();
    return;
  }
  log(`scenario ${id} (budget ${budgetMin} min, ${remainingMin().toFixed(1)} min left)`);
  let done = 0;
  let last = 0;
  for (let rep = 1; rep <= REPS; rep++) {
    // Start another repetition only if one more (as long as the last) fits in the budget.
    if (rep > 1 && Date.now() + last * 0.8 >= end) {
      results.notes.push(`${id}: ${done} repetition(s) instead of ${REPS} (its time budget ran out).`);
      break;
    }
    const began = Date.now();
    try {
      await body(rep);
      done++;
      last = Date.now() - began;
    } catch (error) {
      results.notes.push(`${id}: repetition ${rep} failed: ${(error as Error).message.split('\n')[0]}`);
      log(`${id} rep ${rep} failed: ${(error as Error).stack}`);
      break;
    }
    save();
  }
  save();
}

// ---------------------------------------------------------------------------------------------
// The four ways to build a Node service, each in its own copy of examples/ (edits stay apart).

type VariantId = 'ours' | 'nx-docker' | 'fly' | 'naive';
interface Variant {
  id: VariantId;
  build(svc: NodeService, opts?: { load?: boolean; tag?: string }): Promise<BuildRun>;
  edit(svc: NodeService): void;
  depChange?(): void;
}

const appendLine = (file: string) =>
  appendFileSync(file, `\n// bench edit ${Date.now()}-${Math.random().toString(36).slice(2)}\n`);

function addInventoryDependency(workspace: string): void {
  execFileSync(
    'npm',
    [
      'install',
      'is-number@7.0.0',
      '--workspace=apps/inventory',
      '--package-lock-only',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: workspace, stdio: 'pipe' },
  );
  const version = `0.0.${Date.now()}`;
  const edit = (file: string, change: (json: any) => void) => {
    const json = JSON.parse(readFileSync(join(workspace, file), 'utf-8'));
    change(json);
    writeFileSync(join(workspace, file), `${JSON.stringify(json, null, 2)}\n`);
  };
  edit('apps/inventory/package.json', (m) => (m.version = version));
  edit('package-lock.json', (l) => (l.packages['apps/inventory'].version = version));
}

function makeVariants(): Variant[] {
  const files = mkdtempSync(join(tmpdir(), 'bench-dockerfiles-'));
  const ours = copyExamples();
  const nxd = copyExamples();
  const naive = copyExamples();
  const fly: Record<string, string> = {};
  for (const svc of NODE_SERVICES) {
    const adapted = (from: string, name: string) => {
      const path = join(files, name);
      writeFileSync(path, adaptForLab(readFileSync(from, 'utf-8')));
      return path;
    };
    adapted(join(COMPETITORS, 'nx-docker', svc.dir, 'Dockerfile'), `nx-docker-${svc.dir}.Dockerfile`);
    adapted(join(COMPETITORS, 'naive', `${svc.dir}.Dockerfile`), `naive-${svc.dir}.Dockerfile`);
    rmSync(join(nxd, `apps/${svc.dir}/Dockerfile.dockerignore`), { force: true });
    const dir = mkdtempSync(join(tmpdir(), `bench-fly-${svc.dir}-`));
    makeFlyStandalone(svc, dir);
    writeFileSync(
      join(dir, 'Dockerfile'),
      adaptForLab(readFileSync(join(COMPETITORS, 'fly', svc.dir, 'Dockerfile'), 'utf-8')),
    );
    cpSync(join(COMPETITORS, 'fly', svc.dir, '.dockerignore'), join(dir, '.dockerignore'));
    fly[svc.dir] = dir;
  }
  return [
    {
      id: 'ours',
      build: (svc, o) => bake({ cwd: ours, targets: [svc.bakeTarget], load: o?.load, tagPrefix: 'bench-ours' }),
      edit: (svc) => appendLine(join(ours, svc.source)),
      depChange: () => addInventoryDependency(ours),
    },
    {
      id: 'nx-docker',
      // @nx/docker's docker:build dependsOn build: the app is built on the host, the image copies it.
      build: async (svc, o) => {
        const host = await timed(join(EXAMPLES_BIN, 'esbuild'), svc.hostBuild, nxd);
        if (host.exitCode !== 0) throw new Error(`host build: ${host.output.slice(-400)}`);
        const dist = join(nxd, `apps/${svc.dir}/dist`);
        if (svc.hostOutput !== `apps/${svc.dir}/dist`) cpSync(join(nxd, svc.hostOutput), dist, { recursive: true });
        // What @nx/esbuild's generatePackageJson would put beside main.js (the Dockerfile runs npm install there).
        const own =
          svc.dir === 'inventory'
            ? JSON.parse(readFileSync(join(nxd, 'apps/inventory/package.json'), 'utf-8'))
            : { name: svc.dir, version: '0.0.0' };
        writeFileSync(
          join(dist, 'package.json'),
          JSON.stringify({ name: own.name, version: own.version, dependencies: own.dependencies ?? {} }, null, 2),
        );
        const image = await buildxBuild({
          cwd: nxd,
          context: `apps/${svc.dir}`,
          file: join(files, `nx-docker-${svc.dir}.Dockerfile`),
          load: o?.load,
          tag: o?.tag,
        });
        return { ...image, seconds: image.seconds + host.seconds };
      },
      edit: (svc) => appendLine(join(nxd, svc.source)),
      depChange: () => addInventoryDependency(nxd),
    },
    {
      id: 'fly',
      build: (svc, o) =>
        buildxBuild({ cwd: fly[svc.dir], context: '.', file: 'Dockerfile', load: o?.load, tag: o?.tag }),
      edit: (svc) => appendLine(join(fly[svc.dir], 'src/main.ts')),
    },
    {
      id: 'naive',
      build: (svc, o) =>
        buildxBuild({
          cwd: naive,
          context: '.',
          file: join(files, `naive-${svc.dir}.Dockerfile`),
          load: o?.load,
          tag: o?.tag,
        }),
      edit: (svc) => appendLine(join(naive, svc.source)),
      depChange: () => addInventoryDependency(naive),
    },
  ];
}

function record(scenario: string, subject: string, variant: string, run: BuildRun): void {
  if (run.exitCode !== 0) {
    results.notes.push(`${scenario} / ${subject} / ${variant}: build failed: ${run.tail.split('\n')[0].slice(0, 300)}`);
    return;
  }
  add({ scenario, subject, variant, metric: 'seconds', unit: 's', values: [run.seconds] });
  add({
    scenario,
    subject,
    variant,
    metric: 'steps re-run',
    unit: 'steps',
    values: [run.ran],
    detail: `${run.ran} of ${run.steps} steps ran; ${run.ranNames
      .slice(0, 6)
      .map((n) => n.split('\n')[0].slice(0, 70))
      .join(' · ')}`,
  });
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (wanted('overhead')) {
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

  if (MERGE) {
    /* keep the merged run's record of how the competitors were produced */
  } else if (process.env.BENCH_REGENERATE !== '0') {
    log('generating competitor Dockerfiles with the competitors themselves');
    const how = generateCompetitors();
    results.competitors = { 'nx-docker': how.nxDocker, fly: how.fly };
  } else
    results.competitors = {
      'nx-docker': `@nx/node@${NX_VERSION} setup-docker: committed output (not regenerated)`,
      fly: `@flydotio/dockerfile@${FLY_VERSION}: committed output (not regenerated)`,
    };
  results.competitors.naive = 'bench/competitors/naive/*.Dockerfile, hand-written for the benchmark';
  save();

  const dockerScenarios = [
    'build',
    'bake-vs-per-project',
    'registry-cache',
    'monorepo',
    'nest',
    ...ECOSYSTEMS.map((e) => e.id),
    'size-all',
  ];
  if (!dockerScenarios.some(wanted)) return finish();
  docker(['buildx', 'inspect', 'nx-dockerize-lab']);
  const variants = wanted('build') ? makeVariants() : [];

  // 1-4. Per (service, variant), with nothing else in the cache: cold build; then a one-line edit
  // and a warm rebuild; then (orders) another project's dependency change and a rebuild; on the
  // first repetition also a --load for the image size. One reset serves all four measurements.
  const orders = NODE_SERVICES[0];
  await reps('build', 13, async (rep) => {
    for (const svc of NODE_SERVICES)
      for (const v of variants) {
        checkDeadline();
        try {
          await onePair(rep, svc, v);
        } catch (error) {
          results.notes.push(
            `rep ${rep} ${svc.project} ${v.id}: ${(error as Error).message.split('\n')[0].slice(0, 300)}`,
          );
          log(`rep ${rep} ${svc.project} ${v.id} failed: ${(error as Error).stack}`);
        }
      }
  });
  if (wanted('build'))
    results.notes.push(
      "other-dep-change: Fly has no entry — its standalone layout has a lockfile per service, so another service's dependency change cannot reach it (the price: one lockfile per service to maintain).",
    );

  async function onePair(rep: number, svc: NodeService, v: Variant): Promise<void> {
    {
      labReset();
      log(`rep ${rep}: ${svc.project} ${v.id}: cold`);
      const cold = await v.build(svc);
      record('cold', svc.project, v.id, cold);
      if (cold.exitCode !== 0) return;
      v.edit(svc);
      log(`rep ${rep}: ${svc.project} ${v.id}: warm edit`);
      record('warm-edit', svc.project, v.id, await v.build(svc));
      if (svc === orders && v.depChange) {
        v.depChange();
        log(`rep ${rep}: orders ${v.id}: other project's dependency change`);
        record('other-dep-change', 'orders', v.id, await v.build(orders));
      }
      if (rep === 1 && wanted('size')) {
        const tag = `bench-${v.id}-${svc.dir}:latest`;
        const loaded = await v.build(svc, { load: true, tag });
        if (loaded.exitCode === 0)
          sizeRow(svc.project, v.id, v.id === 'ours' ? `bench-ours-${svc.bakeTarget}:latest` : tag);
      }
    }
  }

  // 5. one bake for both Node services vs one docker buildx build per project, sequentially (cold).
  await reps('bake-vs-per-project', 5, async () => {
    const ws = variantsWorkspace();
    checkDeadline();
    labReset();
    const one = await bake({ cwd: ws, targets: NODE_SERVICES.map((s) => s.bakeTarget) });
    record('bake-vs-per-project', 'orders + inventory, cold', 'ours', one);
    labReset();
    let total = 0;
    let ran = 0;
    let steps = 0;
    for (const svc of NODE_SERVICES) {
      const r = await buildxBuild({ cwd: ws, context: '.', file: `apps/${svc.dir}/Dockerfile` });
      if (r.exitCode !== 0) throw new Error(`per-project build of ${svc.project} failed`);
      total += r.seconds;
      ran += r.ran;
      steps += r.steps;
    }
    record('bake-vs-per-project', 'orders + inventory, cold', 'per-project builds', {
      seconds: total,
      exitCode: 0,
      ran,
      cached: 0,
      steps,
      ranNames: [],
      tail: '',
    });
  });

  // 6. fresh runner with the registry cache vs warm local vs no cache (ours), after a one-line edit.
  await reps('registry-cache', 8, async (rep) => {
    const ws = variantsWorkspace();
    for (const svc of NODE_SERVICES) {
      // The executor's form: a tag beside the image in its own repository (executors/docker-build/lib/cache-ref.ts).
      const ref = `localhost:5000/${svc.bakeTarget}:buildcache-bench-${STAMP}`;
      const to = [
        '--set',
        `${svc.bakeTarget}.cache-to=type=registry,ref=${ref},mode=max,image-manifest=true,oci-mediatypes=true`,
      ];
      const from = ['--set', `${svc.bakeTarget}.cache-from=type=registry,ref=${ref}`];
      checkDeadline();
      if (rep === 1) await bake({ cwd: ws, targets: [svc.bakeTarget], extra: to }); // what main's CI pushed
      appendLine(join(ws, svc.source));
      labReset();
      record(
        'registry-cache',
        svc.project,
        'no cache (fresh runner)',
        await bake({ cwd: ws, targets: [svc.bakeTarget] }),
      );
      labReset();
      appendLine(join(ws, svc.source));
      record(
        'registry-cache',
        svc.project,
        'fresh runner + registry cache',
        await bake({ cwd: ws, targets: [svc.bakeTarget], extra: from }),
      );
      appendLine(join(ws, svc.source));
      record('registry-cache', svc.project, 'warm local cache', await bake({ cwd: ws, targets: [svc.bakeTarget] }));
    }
  });

  // 7. monorepo (bench/monorepo/): nx affected (k of N) vs all N, on a fresh runner and on the warm builder.
  if (wanted('monorepo')) await runMonorepo({ reps: REPS, stamp: STAMP, deadline: DEADLINE, results, add, save, log });

  // 8a. NestJS (e2e/fixtures/nest-nx): ours vs @nx/node:setup-docker's Dockerfile vs naive.
  if (wanted('nest') && remainingMin() > 3)
    await nestScenario().catch((e: Error) => {
      results.notes.push(`nest failed: ${e.message.split('\n')[0].slice(0, 400)}`);
      log(String(e.stack));
    });
  else if (wanted('nest'))
    results.skipped.push(
      `nest: the ${NEST_SUBJECT} comparison (ours vs @nx/node:setup-docker vs naive) not run (time budget)`,
    );

  // 8. Go and Python: ours vs the upstream documentation's Dockerfile vs naive (cold, warm edit, size).
  for (const spec of ECOSYSTEMS) {
    if (wanted(spec.id) && remainingMin() > 3)
      await ecosystemScenario(spec).catch((e: Error) => {
        results.notes.push(`${spec.id} failed: ${e.message.split('\n')[0].slice(0, 400)}`);
        log(String(e.stack));
      });
    else if (wanted(spec.id))
      results.skipped.push(
        `${spec.id}: the ${spec.project} comparison (ours vs upstream docs vs naive) not run (time budget)`,
      );
  }

  // 9. size of every example image (ours), all in one bake --load.
  if (wanted('size-all') && remainingMin() > 3) {
    log('size (all examples, ours)');
    const ws = variantsWorkspace();
    const targets = ['catalog-go', 'search-rust', 'pricing-py', 'billing-java'];
    const run = await bake({ cwd: ws, targets, load: true, tagPrefix: 'bench-ours' });
    add({
      scenario: 'size-all-build',
      subject: targets.join(', '),
      variant: 'ours',
      metric: 'seconds',
      unit: 's',
      values: [run.seconds],
      detail: `one bake --load; ${run.ran} of ${run.steps} steps ran`,
    });
    // The ecosystem comparisons above may have measured the same image already: one row each.
    const measured = (t: string) =>
      results.rows.some((r) => r.scenario === 'size' && r.subject === t && r.variant === 'ours');
    if (run.exitCode === 0) {
      for (const t of targets) if (!measured(t)) sizeRow(t, 'ours', `bench-ours-${t}:latest`);
    } else results.notes.push(`size-all: bake failed: ${run.tail.slice(0, 300)}`);
    save();
  } else if (wanted('size-all'))
    results.skipped.push('size-all: image sizes of the Go, Rust, Python and Java examples not measured (time budget)');

  finish();
}

function finish(): void {
  // A merged run keeps the committed run's span; its own time is in the merge note.
  if (!MERGE || !results.finishedAt) results.finishedAt = new Date().toISOString();
  save();
  log(`done: bench/results/${STAMP}.json, docs/BENCHMARKS.md`);
}

/** A non-Node example measured against its ecosystem's upstream-docs Dockerfile and a naive one. */
interface EcosystemSpec {
  id: string;
  project: string;
  dir: string;
  /** The source file the warm-edit appends a comment to, and the comment marker. */
  source: string;
  marker: string;
  /** Minutes for all repetitions (the first also loads the three images for the size table). */
  budgetMin: number;
  /** The competitors' runtime bases, for the size breakdown (as dockerd can pull them from the lab
   * registry); ours is read off our Dockerfile (baseOf). */
  bases: { upstream: string; naive: string };
}

const ECOSYSTEMS: EcosystemSpec[] = [
  {
    id: 'go',
    project: 'catalog-go',
    dir: 'catalog-go',
    source: 'main.go',
    marker: '//',
    budgetMin: 14,
    bases: { upstream: 'localhost:5000/gcr/distroless/cc-debian12', naive: LAB_GOLANG },
  },
  {
    id: 'python',
    project: 'pricing-py',
    dir: 'pricing-py',
    source: 'src/pricing/server.py',
    marker: '#',
    budgetMin: 4,
    bases: { upstream: LAB_PYTHON, naive: LAB_PYTHON },
  },
  {
    id: 'rust',
    project: 'search-rust',
    dir: 'search-rust',
    source: 'src/main.rs',
    marker: '//',
    budgetMin: 6,
    bases: { upstream: LAB_DEBIAN, naive: LAB_RUST },
  },
  {
    id: 'java',
    project: 'billing-java',
    dir: 'billing-java',
    source: 'src/main/java/com/example/billing/Main.java',
    marker: '//',
    budgetMin: 10,
    bases: { upstream: LAB_JRE, naive: LAB_MAVEN },
  },
];

async function ecosystemScenario(spec: EcosystemSpec): Promise<void> {
  const ws = copyExamples();
  const files = mkdtempSync(join(tmpdir(), `bench-${spec.id}-`));
  const file = (name: string, from: string) => {
    writeFileSync(join(files, name), adaptForLab(readFileSync(from, 'utf-8')));
    return join(files, name);
  };
  const context = `apps/${spec.dir}`;
  const upstream = file('upstream.Dockerfile', join(COMPETITORS, `upstream-docs/${spec.project}.Dockerfile`));
  const naive = file('naive.Dockerfile', join(COMPETITORS, `naive/${spec.project}.Dockerfile`));
  const variants: { id: string; base?: string; build: (o?: { load?: boolean; tag?: string }) => Promise<BuildRun> }[] =
    [
      { id: 'ours', build: (o) => bake({ cwd: ws, targets: [spec.project], load: o?.load, tagPrefix: 'bench-ours' }) },
      {
        id: 'upstream docs',
        base: spec.bases.upstream,
        build: (o) => buildxBuild({ cwd: ws, context, file: upstream, load: o?.load, tag: o?.tag }),
      },
      {
        id: 'naive',
        base: spec.bases.naive,
        build: (o) => buildxBuild({ cwd: ws, context, file: naive, load: o?.load, tag: o?.tag }),
      },
    ];
  await reps(spec.id, spec.budgetMin, async (rep) => {
    for (const v of variants) {
      checkDeadline();
      labReset();
      const cold = await v.build();
      record('cold', spec.project, v.id, cold);
      if (cold.exitCode !== 0) continue;
      appendFileSync(join(ws, context, spec.source), `\n${spec.marker} bench edit ${Date.now()}\n`);
      record('warm-edit', spec.project, v.id, await v.build());
      if (rep === 1) {
        const tag = `bench-${spec.id}-${v.id.replace(/\W+/g, '-')}:latest`;
        const loaded = await v.build({ load: true, tag });
        if (loaded.exitCode === 0)
          sizeRow(spec.project, v.id, v.id === 'ours' ? `bench-ours-${spec.project}:latest` : tag, v.base);
      }
    }
  });
}

/** NestJS: per variant, with nothing else in the cache, a cold build, a one-line edit and a warm
 * rebuild, and on the first repetition a --load for the size (the same loop as the ecosystems'). */
async function nestScenario(): Promise<void> {
  const hostInstall: number[] = [];
  const variants = makeNestVariants(hostInstall);
  results.notes.push(
    `nest: nx-docker's host \`npm install\` of the nest-nx workspace (which its host build needs; run once before the builds, not included in its figures): ${hostInstall.map((s) => `${s.toFixed(1)} s`).join(', ')} on this machine with a warm npm cache.`,
  );
  await reps('nest', 16, async (rep) => {
    for (const v of variants) {
      checkDeadline();
      labReset();
      const cold = await v.build();
      record('cold', NEST_SUBJECT, v.id, cold);
      if (cold.exitCode !== 0) continue;
      v.edit();
      record('warm-edit', NEST_SUBJECT, v.id, await v.build());
      if (rep === 1) {
        const tag = `bench-nest-${v.id}:latest`;
        const loaded = await v.build({ load: true, tag });
        if (loaded.exitCode === 0) sizeRow(NEST_SUBJECT, v.id, v.loadedTag(tag), v.base);
        else
          results.notes.push(`nest / ${v.id}: --load for the size failed: ${loaded.tail.split('\n')[0].slice(0, 300)}`);
      }
    }
  });
}

let sharedWs: string | undefined;
function variantsWorkspace(): string {
  sharedWs ??= copyExamples();
  return sharedWs;
}

function sizeRow(subject: string, variant: string, image: string, knownBase?: string): void {
  try {
    const size = Number(docker(['image', 'inspect', '--format', '{{.Size}}', image]));
    const history = docker([
      'history',
      '--no-trunc',
      '--format',
      '{{.Size}}\t{{.CreatedBy}}',
      '--human=false',
      image,
    ]).split('\n');
    const dockerfileBase = knownBase ?? baseOf(image);
    let base = NaN;
    if (dockerfileBase) {
      try {
        docker(['pull', '-q', dockerfileBase]);
      } catch {
        /* resolved below or NaN */
      }
      try {
        base = Number(docker(['image', 'inspect', '--format', '{{.Size}}', dockerfileBase]));
      } catch {
        /* unknown */
      }
    }
    const layers = history.filter((l) => !l.startsWith('0\t')).length;
    add({
      scenario: 'size',
      subject,
      variant,
      metric: 'image MB',
      unit: 'MB',
      values: [size / 1e6],
      detail: `base ${dockerfileBase ?? '?'} ${(base / 1e6).toFixed(1)} MB + added ${((size - base) / 1e6).toFixed(1)} MB; ${layers} non-empty layers`,
    });
    add({ scenario: 'size', subject, variant, metric: ADDED_SIZE_METRIC, unit: 'MB', values: [(size - base) / 1e6] });
  } catch (error) {
    results.notes.push(`size ${subject} ${variant}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The runtime base the image was built FROM, as dockerd can pull it (gcr.io names via the lab registry). */
function baseOf(image: string): string | undefined {
  const map: Record<string, string> = {};
  const ws = variantsWorkspace();
  for (const [target, dir] of [
    ['orders', 'orders'],
    ['examples-inventory', 'inventory'],
    ['catalog-go', 'catalog-go'],
    ['search-rust', 'search-rust'],
    ['pricing-py', 'pricing-py'],
    ['billing-java', 'billing-java'],
  ]) {
    const froms = [...readFileSync(join(ws, `apps/${dir}/Dockerfile`), 'utf-8').matchAll(/^FROM\s+(\S+)/gm)].map(
      (m) => m[1],
    );
    map[`bench-ours-${target}:latest`] = froms[froms.length - 1];
  }
  let base = map[image];
  if (!base) {
    if (/bench-(nx-docker|naive|fly)-/.test(image)) base = 'node:22-bookworm-slim'; // every Node competitor runs on it in the lab
  }
  return base?.replace(/^gcr\.io\//, 'localhost:5000/gcr/').replace(/^ghcr\.io\//, 'localhost:5000/ghcr/');
}

main().catch((error) => {
  log(`bench failed: ${(error as Error).stack}`);
  results.notes.push(`run aborted: ${(error as Error).message.split('\n')[0]}`);
  save();
  process.exitCode = 1;
});
