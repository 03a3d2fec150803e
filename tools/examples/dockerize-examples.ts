/**
 * The main job on the bundled examples/ workspace: dockerize every application in it,
 * exactly as `nx g nx-dockerize:dockerize <project>` would, and write (or, with --check,
 * compare) the generated files. The drift test calls `planExampleChanges` directly.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FsTree } from '@nx/devkit/internal';
import { dockerizeProject } from '../../generators/dockerize/generator';
import type { ProjectGraphLike } from '../../generators/dockerize/lib/read-graph-for-tree';

export const EXAMPLES_ROOT = resolve(__dirname, '../../examples');

interface GraphFile {
  graph: ProjectGraphLike;
}

/** The examples' real Nx project graph, from the Nx the examples workspace itself installs. */
export function readExamplesGraph(root = EXAMPLES_ROOT): GraphFile['graph'] {
  ensureInstalled(root);
  const dir = mkdtempSync(join(tmpdir(), 'nx-dockerize-graph-'));
  try {
    const file = join(dir, 'graph.json');
    execFileSync(join(root, 'node_modules/.bin/nx'), ['graph', `--file=${file}`], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true' },
      stdio: 'pipe',
    });
    return (JSON.parse(readFileSync(file, 'utf-8')) as GraphFile).graph;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ensureInstalled(root: string): void {
  try {
    readFileSync(join(root, 'node_modules/nx/package.json'));
  } catch {
    console.log(`[examples] installing the examples workspace (npm ci in ${root})`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  }
}

export interface ExampleChange {
  path: string;
  content: string;
}

/** Runs the generator (which logs its notes) for every application in the examples graph; returns what it would write. */
export function planExampleChanges(root = EXAMPLES_ROOT, force = false): ExampleChange[] {
  const graph = readExamplesGraph(root);
  const tree = new FsTree(root, false);
  const apps = Object.keys(graph.nodes)
    .filter((name) => graph.nodes[name].type === 'app')
    .sort();
  for (const project of apps) dockerizeProject(tree, { project, force }, graph);
  return tree.listChanges().map((change) => ({ path: change.path, content: change.content?.toString('utf-8') ?? '' }));
}

function main(): void {
  const check = process.argv.includes('--check');
  const changes = planExampleChanges(EXAMPLES_ROOT, process.argv.includes('--force'));
  for (const change of changes) {
    if (check) {
      console.error(`[examples] out of date: examples/${change.path}`);
      continue;
    }
    const target = join(EXAMPLES_ROOT, change.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, change.content);
    console.log(`[examples] wrote examples/${change.path}`);
  }
  if (!changes.length) console.log('[examples] every generated file is up to date');
  else if (check) process.exit(1);
  console.log('[examples] build them with: cd examples && docker buildx bake --file docker-bake.json');
}

if (require.main === module) main();
