import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { copyExamples, EXAMPLES } from './workspace-copy';

const REPO = resolve(__dirname, '../..');

/** Builds and packs nx-dockerize the way it is published; returns the tarball path. */
export function packPlugin(): string {
  execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'nx-dockerize-pack-'));
  execFileSync('npm', ['pack', '--pack-destination', dir], { cwd: REPO, stdio: 'pipe' });
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
}

/**
 * A git copy of examples/ with nx-dockerize installed from its tarball. `--no-save` keeps
 * package.json and the lockfile untouched: the images' pruned installs must not see the plugin.
 */
export function createPluginWorkspace(tarball: string): string {
  const workspace = copyExamples();
  cpSync(join(EXAMPLES, 'node_modules'), join(workspace, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  const npm = ['install', '--no-save', '--no-audit', '--no-fund', tarball, '@nx/devkit@23.2.1'];
  execFileSync('npm', npm, { cwd: workspace, stdio: 'pipe' });
  git(workspace, 'init', '-q', '-b', 'main');
  commitAll(workspace, 'baseline');
  return workspace;
}

export function git(cwd: string, ...args: string[]): string {
  const identity = ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com'];
  return execFileSync('git', [...identity, ...args], { cwd, stdio: 'pipe' }).toString().trim();
}

export function commitAll(cwd: string, message: string): void {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '--allow-empty', '-m', message);
}

/** Runs the workspace's own Nx CLI, non-interactively, without daemon, cloud or TUI. */
export function runNx(cwd: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_INTERACTIVE: 'false', CI: 'true' };
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
