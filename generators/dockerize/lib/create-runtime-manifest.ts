import type { ProjectGraph, Tree } from '@nx/devkit';
import { createLockFile, createPackageJson } from '@nx/devkit/internal';
import type { NodePackageManager } from '../../../plugin/types';
import type { ProjectGraphLike } from './read-graph-for-tree';

type NxPackageManager = 'npm' | 'pnpm' | 'yarn';

const NX_MANAGER: Partial<Record<NodePackageManager, NxPackageManager>> = {
  npm: 'npm',
  pnpm: 'pnpm',
  'yarn-classic': 'yarn',
  'yarn-berry': 'yarn',
  // bun: Nx has no bun lockfile generation (generatePrunedDeployOutput warns and ships nothing).
};

/**
 * The runtime package.json and pruned lockfile of an integrated project, made by Nx itself:
 * `createPackageJson(..., { isProduction: true })` collects the graph's `npm:` nodes reachable from
 * the project and its libraries (what `generatePackageJson` in @nx/esbuild and @nx/webpack does),
 * `createLockFile` prunes the root lockfile to them. Undefined when the graph has no external
 * nodes (an in-memory Tree in tests) or for bun. Nx reads the root package.json from disk.
 */
export function toRuntimeManifestFactory(tree: Tree, graph: ProjectGraphLike) {
  if (!graph.externalNodes || Object.keys(graph.externalNodes).length === 0) return undefined;
  const nxGraph = graph as unknown as ProjectGraph;
  return (project: string, manager: NodePackageManager) => {
    const nxManager = NX_MANAGER[manager];
    if (!nxManager) return undefined;
    const packageJson = createPackageJson(project, nxGraph, { root: tree.root, isProduction: true });
    // createLockFile may adjust the manifest (pnpm settings), so the manifest is serialised after it.
    const lockfile = createLockFile(packageJson, nxGraph, nxManager);
    return { packageJson: `${JSON.stringify(packageJson, null, 2)}\n`, lockfile };
  };
}
