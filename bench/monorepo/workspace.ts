/**
 * The monorepo workload on disk, ready for the real Nx CLI: a git copy of
 * bench/workloads/monorepo/workspace/ with nx-dockerize installed from its packed tarball, every
 * service dockerized by `nx g nx-dockerize:dockerize`, and the `docker-build` executor set up for
 * the registry cache on the lab registry. Also the two builders the scenario compares: the lab's
 * warm one and a fresh runner (`lab.sh runner up`, an empty BuildKit sharing the registry).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDockerEnv } from '../../e2e/lib/docker-env';
import { onFreshRunner } from '../../e2e/lib/extra-runner';
import { NEWEST_NX } from '../../e2e/lib/nx-majors';
import { commitAll, git, packPlugin, runNx } from '../../e2e/lib/nx-workspace';
import { CA } from '../lib';
import { SERVICES, WORKSPACE } from '../workloads/monorepo/generate';

/** The library the scenario edits, and the services that use it (the k of N). */
export const EDITED_LIB = 'libs/money/src/index.js';
export const AFFECTED = SERVICES.filter((s) => s.lib === 'money').map((s) => s.name);
export const ALL = SERVICES.map((s) => s.name);
export const LAB_BUILDER = 'nx-dockerize-lab';
const RUNNER = 'mono';

export interface NxBuild {
  exitCode: number;
  seconds: number;
  /** Images the executor reports built (its summary header). */
  images: number;
  /** Dockerfile steps run / taken from cache, summed over the summary table's rows. */
  ran: number;
  cached: number;
  /** The run steps' names, `[target stage i/n] INSTRUCTION ...`. */
  ranNames: string[];
  output: string;
}

function npmInstallPlugin(dir: string, tarball: string): void {
  const args = ['install', '--no-save', '--no-audit', '--no-fund', tarball, `@nx/devkit@${NEWEST_NX.devkit}`];
  execFileSync('npm', args, { cwd: dir, stdio: 'pipe' });
}

async function nxOrThrow(dir: string, args: string[]): Promise<void> {
  const run = await runNx(dir, args, readDockerEnv() as Record<string, string>);
  if (run.exitCode !== 0) throw new Error(`nx ${args.join(' ')}: ${run.output.slice(-600)}`);
}

/**
 * Copies the committed workload to a temp dir, installs the plugin (and the lockfile's packages,
 * Nx among them), dockerizes every service and points `docker-build` at `registry` with the
 * registry cache. Returns the workspace directory, on branch main with everything committed.
 */
export async function prepareWorkspace(registry: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-monorepo-'));
  cpSync(WORKSPACE, dir, { recursive: true });
  npmInstallPlugin(dir, packPlugin());
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'baseline');
  await nxOrThrow(dir, ['g', 'nx-dockerize:init']);
  for (const project of ALL) await nxOrThrow(dir, ['g', 'nx-dockerize:dockerize', project]);
  const nxJsonPath = join(dir, 'nx.json');
  const nxJson = JSON.parse(readFileSync(nxJsonPath, 'utf-8'));
  nxJson.targetDefaults = {
    ...nxJson.targetDefaults,
    'docker-build': {
      options: {
        registry,
        push: false,
        cache: 'registry',
        tags: ['{shortSha}'],
        secrets: [`id=ca-certificates,src=${CA}`],
      },
    },
  };
  writeFileSync(nxJsonPath, JSON.stringify(nxJson, null, 2));
  commitAll(dir, 'nx-dockerize');
  return dir;
}

/**
 * A new branch off main, as a PR's CI sees it: the executor exports the registry cache to the
 * branch's own ref and reads the branch's then main's, so no measurement rewrites main's ref.
 */
export function branchOffMain(dir: string, branch: string): void {
  git(dir, 'checkout', '-q', '-B', branch, 'main');
}

/** A new branch off main with one line appended to the edited library, committed. */
export function editOnBranch(dir: string, branch: string): void {
  branchOffMain(dir, branch);
  appendFileSync(join(dir, EDITED_LIB), `\n// bench edit ${branch} ${Date.now()}\n`);
  commitAll(dir, `edit ${EDITED_LIB}`);
}

/**
 * Images built (the executor's summary header, executors/docker-build/lib/format-summary.ts) and the
 * Dockerfile steps run / cached, read from bake's plain progress (`#id [target stage i/n] name`, then
 * `#id CACHED` or `#id DONE`). `FROM` vertices are not steps (the executor's own summary counts them
 * as run when BuildKit resolves the base image), nor are `[internal]` loads.
 */
export function parseBuild(output: string): Pick<NxBuild, 'images' | 'ran' | 'cached' | 'ranNames'> {
  const images = Number(/nx-dockerize: (\d+) image\(s\) built/.exec(output)?.[1] ?? 0);
  const names = new Map<string, string>();
  const states = new Map<string, 'cached' | 'done'>();
  for (const m of output.matchAll(/^#(\d+) \[([^\]]+ \d+\/\d+)\] (.*)$/gm))
    if (!/^FROM /.test(m[3])) names.set(m[1], `[${m[2]}] ${m[3]}`);
  for (const m of output.matchAll(/^#(\d+) (CACHED|DONE [\d.]+s)\s*$/gm))
    if (names.has(m[1]) && states.get(m[1]) !== 'cached') states.set(m[1], m[2] === 'CACHED' ? 'cached' : 'done');
  const ranNames = [...states].filter(([, state]) => state === 'done').map(([id]) => names.get(id) ?? id);
  return {
    images,
    ran: ranNames.length,
    cached: [...states.values()].filter((st) => st === 'cached').length,
    ranNames,
  };
}

/** `nx <args> -t docker-build --builder=<builder>`, timed (wall time of the whole Nx command). */
export async function nxDockerBuild(
  dir: string,
  args: string[],
  builder: string,
  extra: string[] = [],
): Promise<NxBuild> {
  const start = Date.now();
  const run = await runNx(
    dir,
    [...args, '-t', 'docker-build', `--builder=${builder}`, ...extra],
    readDockerEnv() as Record<string, string>,
  );
  const seconds = (Date.now() - start) / 1000;
  if (run.exitCode !== 0) throw new Error(`nx ${args.join(' ')} on ${builder}: ${run.output.slice(-800)}`);
  return { exitCode: run.exitCode, seconds, output: run.output, ...parseBuild(run.output) };
}

/** Runs `body` on a brand-new empty BuildKit (a fresh CI runner, `mono`) and removes it afterwards. */
export function onMonoRunner<T>(body: (builder: string) => Promise<T>): Promise<T> {
  return onFreshRunner(RUNNER, body);
}
