import { logger, type Tree } from '@nx/devkit';
import { readGeneratedState, readRecordedOptions } from '../../plugin/generated-marker';
import { dockerizeProject } from '../dockerize/generator';
import { readGraphForTree, type ProjectGraphLike } from '../dockerize/lib/read-graph-for-tree';
import type { DockerizeGeneratorSchema } from '../dockerize/schema';

const RUNTIME_MANIFESTS = ['package.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'];

export interface SyncResult {
  outOfSyncMessage?: string;
}

/**
 * `nx sync` / `nx sync:check`: regenerates every nx-dockerize Dockerfile, ignore file and bake
 * target from the current project graph with the options it was generated with, so a new
 * library dependency reaches the Dockerfile. Nx compares the Tree: any change is drift.
 * Hand-edited files are never touched; they are reported instead.
 */
export async function syncGenerator(tree: Tree): Promise<SyncResult> {
  return syncDockerfiles(tree, await readGraphForTree(tree));
}

export function syncDockerfiles(tree: Tree, graph: ProjectGraphLike): SyncResult {
  const edited: string[] = [];
  const drifted = new Set<string>();
  const sync = (paths: string[], regenerate: () => void) => {
    const before = paths.map((p) => tree.read(p, 'utf-8'));
    regenerate();
    paths.forEach((p, i) => tree.read(p, 'utf-8') !== before[i] && drifted.add(p));
  };
  const projects = Object.entries(graph.nodes).sort(([a], [b]) => a.localeCompare(b));
  for (const [project, node] of projects) {
    const path = `${node.data.root === '.' ? '' : `${node.data.root}/`}Dockerfile`;
    if (!tree.exists(path)) continue;
    const text = tree.read(path, 'utf-8') ?? '';
    const state = readGeneratedState(text);
    if (state === 'foreign') continue;
    if (state === 'edited') {
      edited.push(path);
      continue;
    }
    const options = (readRecordedOptions(text) ?? {}) as Omit<DockerizeGeneratorSchema, 'project'>;
    // An integrated Node project's runtime manifest and lockfile (made by Nx) drift with the root lockfile.
    const runtimeFiles = RUNTIME_MANIFESTS.map((name) => `${path}.${name}`);
    sync([path, `${path}.dockerignore`, 'docker-bake.json', ...runtimeFiles], () => dockerizeProject(tree, { ...options, project, force: false }, graph));
  }
  if (edited.length) logger.warn(`nx-dockerize: not synced (edited by hand): ${edited.join(', ')}`);
  return drifted.size
    ? { outOfSyncMessage: `${[...drifted].sort().join(', ')} no longer match the project graph (e.g. a new library dependency). Run \`nx sync\`.` }
    : {};
}

export default syncGenerator;
