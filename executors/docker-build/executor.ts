import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { toImageNames } from '../../plugin/bake';
import type { BakeFile, BakeTarget } from '../../plugin/types';
import { buildBakeArgs } from './lib/build-bake-args';
import { buildBakeOverrides } from './lib/build-bake-overrides';
import { explainMissingBuildx } from './lib/check-buildx';
import { toCacheWarnings } from './lib/cache-warnings';
import { checkImageOptions } from './lib/check-image-options';
import { formatSummary } from './lib/format-summary';
import { normalizeListOptions } from './lib/normalize-list-options';
import { readGitFacts } from './lib/read-git-facts';
import { resolveCache } from './lib/resolve-cache';
import type { GitFacts, ProjectBuild } from './lib/resolve-images';
import { runBakeRounds, type TargetOutcome } from './lib/run-bake-rounds';
import { spawnBake } from './lib/spawn-bake';
import type { DockerBuildExecutorSchema } from './schema';

export interface BuildRequest {
  taskId: string;
  project: string;
  options: DockerBuildExecutorSchema;
}

type TaskResults = Record<string, { success: boolean; terminalOutput: string }>;

/** One project (`nx run api:docker-build`, or Nx without batch mode). */
export default async function dockerBuildExecutor(
  options: DockerBuildExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const project = context.projectName ?? '';
  const results = await buildProjects([{ taskId: project, project, options }], context);
  return { success: results[project].success };
}

/** Batch mode: every affected docker-build task in ONE `docker buildx bake`. */
export async function dockerBuildBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, DockerBuildExecutorSchema>,
  overrides: DockerBuildExecutorSchema,
  context: ExecutorContext,
): Promise<TaskResults> {
  const requests = Object.values(taskGraph.tasks).map((task) => ({
    taskId: task.id,
    project: task.target.project,
    options: { ...inputs[task.id], ...overrides },
  }));
  return buildProjects(requests, context);
}

/** What the executor does to the outside world; tests replace it (no Docker, no signals to vitest). */
export interface ExecutorEffects {
  explainMissingBuildx: () => string | undefined;
  spawnBake: typeof spawnBake;
  /** Where the temporary directory is made. */
  tmpRoot: string;
  /** Exits by the signal bake was stopped with, once everything is cleaned up. */
  reraise: (signal: NodeJS.Signals) => void;
}

const EFFECTS: ExecutorEffects = {
  explainMissingBuildx,
  spawnBake,
  tmpRoot: tmpdir(),
  // No handler of ours is left: the default action (exit by that signal) applies, as without us.
  reraise: (signal) => process.kill(process.pid, signal),
};

export async function buildProjects(
  given: BuildRequest[],
  context: ExecutorContext,
  effects: ExecutorEffects = EFFECTS,
): Promise<TaskResults> {
  // `--secrets=…` once on the command line arrives as a string; bake needs a list.
  const requests = given.map((r) => ({ ...r, options: normalizeListOptions(r.options) }));
  // Options that shape the bake command itself come from the first task; per-image options
  // (registry, tags, cache, args) may differ per project and go into the overrides file.
  const runOptions = requests[0].options;
  const bakeFile = runOptions.bakeFile ?? 'docker-bake.json';
  const missingBuildx = effects.explainMissingBuildx();
  if (missingBuildx) throw new Error(missingBuildx);
  const known = readBakeTargets(join(context.root, bakeFile));
  const git = readGitFacts(context.root, runOptions);
  const cacheNote = resolveCache({ repository: '', name: '' }, runOptions, git).note;
  if (cacheNote) console.warn(`nx-dockerize: ${cacheNote}`);
  const builds = requests.map((r) => toProjectBuild(r.project, context));
  checkImageOptions(requests);
  const missing = builds.filter((b) => !known.has(b.bakeTarget));
  const buildable = builds.filter((b) => known.has(b.bakeTarget));

  // Removed on every exit path: success, failure, an exception, and SIGINT/SIGTERM (forwarded to
  // bake, awaited, then re-raised here once the directory is gone).
  const dir = mkdtempSync(join(effects.tmpRoot, 'nx-dockerize-'));
  let interrupted: NodeJS.Signals | undefined;
  try {
    const overrides = mergeOverrides(buildable, requests, git);
    const overridesFile = join(dir, 'overrides.json');
    writeFileSync(overridesFile, JSON.stringify(overrides, null, 2));
    const secrets = Object.values(overrides.target).flatMap((target) => target.secret ?? []);
    const invocation = {
      bakeFile,
      overridesFile,
      metadataFile: join(dir, 'metadata.json'),
      targets: [] as string[],
      secrets,
    };
    const run = async (targets: string[]) => {
      const round = await effects.spawnBake(
        buildBakeArgs({ ...invocation, targets }, runOptions),
        context.root,
        invocation.metadataFile,
        {
          timeoutSeconds: runOptions.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        },
      );
      interrupted ??= round.interrupted;
      return round;
    };
    const targets = buildable.map((b) => b.bakeTarget);
    const outcomes: Record<string, TargetOutcome> = targets.length
      ? await (runOptions.dryRun ? dryRun(targets, run) : runBakeRounds(targets, run))
      : {};
    return report(requests, builds, outcomes, missing, overrides.target, bakeFile, Boolean(runOptions.dryRun));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (interrupted) effects.reraise(interrupted);
  }
}

/** Two hours: a cold multi-platform build of a large service fits; a hung one does not hold CI forever. */
const DEFAULT_TIMEOUT_SECONDS = 7200;

function readBakeTargets(file: string): Set<string> {
  try {
    return new Set(Object.keys(JSON.parse(readFileSync(file, 'utf-8')).target ?? {}));
  } catch (error) {
    throw new Error(
      `nx-dockerize: cannot read bake file ${file} (${(error as Error).message}). Run \`nx g nx-dockerize:dockerize <project>\` to create it.`,
      { cause: error },
    );
  }
}

function toProjectBuild(project: string, context: ExecutorContext): ProjectBuild {
  const root = context.projectsConfigurations?.projects[project]?.root ?? '.';
  let version: string | undefined;
  try {
    version = JSON.parse(readFileSync(join(context.root, root, 'package.json'), 'utf-8')).version;
  } catch {
    version = undefined; // no package.json: no {version} tag
  }
  const names = toImageNames(project);
  return { project, bakeTarget: names.bakeTarget, repository: names.repository, version };
}

/** Each project's own overrides (its options may differ), in one file for the one bake. */
function mergeOverrides(builds: ProjectBuild[], requests: BuildRequest[], git: GitFacts): BakeFile {
  const target: Record<string, BakeTarget> = {};
  for (const build of builds) {
    const options = requests.find((r) => r.project === build.project)!.options;
    target[build.bakeTarget] = buildBakeOverrides([build], options, git).target[build.bakeTarget];
  }
  return { group: { default: { targets: Object.keys(target).sort() } }, target };
}

async function dryRun(
  targets: string[],
  run: (targets: string[]) => Promise<{ exitCode: number; seconds: number }>,
): Promise<Record<string, TargetOutcome>> {
  const printed = await run(targets);
  const progress = {
    cached: 0,
    executed: 0,
    seconds: 0,
    errors: printed.exitCode === 0 ? [] : ['docker buildx bake --print failed'],
  };
  return Object.fromEntries(
    targets.map((t) => [t, { success: printed.exitCode === 0, progress, seconds: printed.seconds }]),
  );
}

function report(
  requests: BuildRequest[],
  builds: ProjectBuild[],
  outcomes: Record<string, TargetOutcome>,
  missing: ProjectBuild[],
  overrides: Record<string, BakeTarget>,
  bakeFile: string,
  dryRun: boolean,
): TaskResults {
  for (const build of missing) {
    outcomes[build.bakeTarget] = {
      success: false,
      seconds: 0,
      progress: {
        cached: 0,
        executed: 0,
        seconds: 0,
        errors: [
          `no target "${build.bakeTarget}" in ${bakeFile}; run \`nx g nx-dockerize:dockerize ${build.project}\``,
        ],
      },
    };
  }
  const rows = builds.map((build) => ({
    project: build.project,
    outcome: outcomes[build.bakeTarget],
    images: overrides[build.bakeTarget]?.tags ?? [],
    warnings: toCacheWarnings(
      outcomes[build.bakeTarget].progress.cache ?? [],
      overrides[build.bakeTarget]?.['cache-to'] ?? [],
    ),
  }));
  const summary = formatSummary(rows, { dryRun });
  console.log(`\n${summary}`);
  return Object.fromEntries(
    requests.map((request, i) => {
      const outcome = outcomes[builds[i].bakeTarget];
      const image = rows[i].images[0] ?? '';
      const line = outcome.success
        ? `${request.project}: ${outcome.imageName ?? image}${outcome.digest ? `@${outcome.digest}` : ''}`
        : `${request.project}: FAILED: ${outcome.progress.errors.join('; ')}`;
      const warnings = rows[i].warnings.map((warning) => `\n${request.project}: warning: ${warning}`).join('');
      return [request.taskId, { success: outcome.success, terminalOutput: line + warnings }];
    }),
  );
}
