import type { ProjectGraph, Tree } from '@nx/devkit';
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

type CreatePackageJson = (
  project: string,
  graph: ProjectGraph,
  options: { root?: string; isProduction?: boolean },
) => Record<string, unknown>;
type CreateLockFile = (
  packageJson: Record<string, unknown>,
  graph: ProjectGraph,
  packageManager: NxPackageManager,
) => string;

/**
 * Nx's own utilities, where each supported major keeps them (see plugin/nx-compat.ts): Nx 23.3
 * and 24 export them from `@nx/devkit/internal`; Nx 22.7 does not (checked in 22.7.12's
 * internal.d.ts) but maps `nx/src/*` to its dist, where they live. Undefined when neither loads:
 * the integrated project then installs the root's production dependencies, unpruned.
 */
function loadNxUtilities(): { createPackageJson: CreatePackageJson; createLockFile: CreateLockFile } | undefined {
  // require(), not import: each path exists in some supported majors only, so a miss is caught.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const attempts: (() => { createPackageJson?: unknown; createLockFile?: unknown })[] = [
    () => require('@nx/devkit/internal'),
    () => ({
      createPackageJson: require('nx/src/plugins/js/package-json/create-package-json').createPackageJson,
      createLockFile: require('nx/src/plugins/js/lock-file/lock-file').createLockFile,
    }),
  ];
  /* eslint-enable @typescript-eslint/no-require-imports */
  for (const attempt of attempts) {
    try {
      const found = attempt();
      if (typeof found.createPackageJson === 'function' && typeof found.createLockFile === 'function') {
        return {
          createPackageJson: found.createPackageJson as CreatePackageJson,
          createLockFile: found.createLockFile as CreateLockFile,
        };
      }
    } catch {
      // Not in this major: try the next place.
    }
  }
  return undefined;
}

/**
 * The runtime package.json and pruned lockfile of an integrated project, made by Nx itself:
 * `createPackageJson(..., { isProduction: true })` collects the graph's `npm:` nodes reachable from
 * the project and its libraries (what `generatePackageJson` in @nx/esbuild and @nx/webpack does),
 * `createLockFile` prunes the root lockfile to them. Undefined when the graph has no external
 * nodes (an in-memory Tree in tests) or for bun. Nx reads the root package.json from disk.
 */
export function toRuntimeManifestFactory(tree: Tree, graph: ProjectGraphLike) {
  if (!graph.externalNodes || Object.keys(graph.externalNodes).length === 0) return undefined;
  const nx = loadNxUtilities();
  if (!nx) return undefined;
  const nxGraph = graph as unknown as ProjectGraph;
  return (project: string, manager: NodePackageManager) => {
    const nxManager = NX_MANAGER[manager];
    if (!nxManager) return undefined;
    const packageJson = nx.createPackageJson(project, nxGraph, { root: tree.root, isProduction: true });
    // createLockFile may adjust the manifest (pnpm settings), so the manifest is serialised after it.
    const lockfile = nx.createLockFile(packageJson, nxGraph, nxManager);
    return { packageJson: `${JSON.stringify(packageJson, null, 2)}\n`, lockfile };
  };
}
