import { logger, type Tree } from '@nx/devkit';
import { readGeneratedState, readRecordedOptions } from '../../plugin/generated-marker';
import { dockerizeProject } from '../dockerize/generator';
import { joinPath } from '../../plugin/detect/join-path';
import { readGraphForTree, type ProjectGraphLike } from '../dockerize/lib/read-graph-for-tree';
import type { DockerizeGeneratorSchema } from '../dockerize/schema';

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
    const path = joinPath(node.data.root, 'Dockerfile');
    if (!tree.exists(path)) continue;
    const text = tree.read(path, 'utf-8') ?? '';
    const state = readGeneratedState(text);
    if (state === 'foreign') continue;
    if (state === 'edited') {
      edited.push(path);
      continue;
    }
    const options = (readRecordedOptions(text) ?? {}) as Omit<DockerizeGeneratorSchema, 'project'>;
    // A hand-edited ignore file is kept (and reported) while the Dockerfile and bake target still sync.
    const onKeptEdit = (kept: string) => edited.push(kept);
    sync([path, `${path}.dockerignore`, 'docker-bake.json'], () => dockerizeProject(tree, { ...options, project, force: false }, graph, { onKeptEdit }));
  }
  if (edited.length) logger.warn(`nx-dockerize: not synced (edited by hand): ${edited.join(', ')}`);
  return drifted.size
    ? { outOfSyncMessage: `${[...drifted].sort().join(', ')} no longer match the project graph (e.g. a new library dependency). Run \`nx sync\`.` }
    : {};
}

export default syncGenerator;
