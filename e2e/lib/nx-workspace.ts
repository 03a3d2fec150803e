import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NEWEST_NX, type NxMajor } from './nx-majors';
import { copyExamples, EXAMPLES } from './workspace-copy';

const REPO = resolve(__dirname, '../..');

/** Builds and packs nx-dockerize the way it is published; returns the tarball path. */
export function packPlugin(): string {
  execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'nx-dockerize-pack-'));
  execFileSync('npm', ['pack', '--pack-destination', dir], { cwd: REPO, stdio: 'pipe' });
  return join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.tgz'))!,
  );
}

/**
 * A git copy of examples/ with nx-dockerize installed from its tarball (on the newest Nx, without
 * `nx add`; the bench uses it). `--no-save` keeps package.json and the lockfile untouched: the
 * images' pruned installs must not see the plugin.
 */
export function createPluginWorkspace(tarball: string): string {
  const workspace = copyExamples();
  cpSync(join(EXAMPLES, 'node_modules'), join(workspace, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  const npm = ['install', '--no-save', '--no-audit', '--no-fund', tarball, `@nx/devkit@${NEWEST_NX.devkit}`];
  execFileSync('npm', npm, { cwd: workspace, stdio: 'pipe' });
  git(workspace, 'init', '-q', '-b', 'main');
  commitAll(workspace, 'baseline');
  return workspace;
}

/**
 * A git copy of examples/ on Nx `nx.major`, with nx-dockerize added the way users add it:
 * `nx add nx-dockerize@file:<tarball>` run by that major's own CLI. Returns the workspace and
 * what `nx add` printed.
 *
 * 1. examples/ and its installed node_modules are copied (the npm cache is warm: only Nx's own
 *    packages change between majors), committed as the baseline;
 * 2. `npm install --save-dev --save-exact nx@X @nx/devkit@X`, as a workspace on that major has
 *    them (an Nx 22 workspace needs its own @nx/devkit: npm's peer auto-install would pick the
 *    newest, 24.0.0, whose peer range starts at nx 23);
 * 3. `nx add` with `npm_config_save=false`: the plugin is installed, not written into
 *    package.json (the images' pruned `npm ci` cannot reach a file: tarball);
 * 4. package.json and package-lock.json go back to the baseline's bytes. node_modules keeps
 *    Nx X (the CLI under test), and the images see the same lockfile on every major, so
 *    after the first major BuildKit serves every install and build layer from its cache.
 */
export async function createWorkspaceOnNx(tarball: string, nx: NxMajor): Promise<{ workspace: string; add: NxRun }> {
  const workspace = copyExamples();
  cpSync(join(EXAMPLES, 'node_modules'), join(workspace, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  git(workspace, 'init', '-q', '-b', 'main');
  commitAll(workspace, 'baseline');
  const npm = [
    'install',
    '--save-dev',
    '--save-exact',
    '--no-audit',
    '--no-fund',
    `nx@${nx.nx}`,
    `@nx/devkit@${nx.devkit}`,
  ];
  execFileSync('npm', npm, { cwd: workspace, stdio: 'pipe' });
  const add = await runNx(workspace, ['add', `nx-dockerize@file:${tarball}`], { npm_config_save: 'false' });
  git(workspace, 'checkout', '--', 'package.json', 'package-lock.json');
  return { workspace, add };
}

/** The version of the Nx CLI installed in a workspace (node_modules/nx/package.json). */
export function installedNxVersion(workspace: string): string {
  return JSON.parse(readFileSync(join(workspace, 'node_modules/nx/package.json'), 'utf-8')).version;
}

export function git(cwd: string, ...args: string[]): string {
  const identity = ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com'];
  return execFileSync('git', [...identity, ...args], { cwd, stdio: 'pipe' })
    .toString()
    .trim();
}

export function commitAll(cwd: string, message: string): void {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '--allow-empty', '-m', message);
}

export interface NxRun {
  exitCode: number;
  output: string;
}

/** Runs the workspace's own Nx CLI, non-interactively, without daemon, cloud or TUI. */
export function runNx(cwd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<NxRun> {
  const env = {
    ...process.env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_INTERACTIVE: 'false',
    CI: 'true',
    ...extraEnv,
  };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(cwd, 'node_modules/.bin/nx'), args, { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, output }));
  });
}

/** States of the plain-progress steps whose name matches, e.g. every `npm ci`. */
export function stepStates(output: string, name: RegExp): string[] {
  const ids = new Set<string>();
  for (const match of output.matchAll(/^#(\d+) \[[^\]]+\] (.*)$/gm)) if (name.test(match[2])) ids.add(match[1]);
  const states: string[] = [];
  for (const match of output.matchAll(/^#(\d+) (CACHED|DONE [\d.]+s|ERROR.*|CANCELED)\s*$/gm)) {
    if (ids.has(match[1])) states.push(match[2].startsWith('DONE') ? 'DONE' : match[2].split(':')[0]);
  }
  return states;
}
