import { posix } from 'node:path';
import type { FsView } from '../../fs-view';
import type { GraphInput } from '../../detect/detect-input';
import { joinPath } from '../../detect/join-path';
import type { NodePackageManager } from '../../types';
import { toWorkspaceRunCommand } from './to-workspace-run-command';

interface Context {
  fs: FsView;
  graph: GraphInput;
  manager: NodePackageManager;
  projectRoot: string;
  closure: string[];
}

/**
 * The closure's workspace libraries that have a `build` script, dependencies first (what Nx's
 * `^build` runs before the project's build): a TypeScript library whose `main` is `dist/index.js`
 * must be built, or its node_modules link points at nothing at run time.
 */
export function detectLibraryBuilds({
  fs,
  graph,
  manager,
  projectRoot,
  closure,
}: Context): { root: string; command: string; output?: string }[] {
  const rootToName = new Map(Object.entries(graph.nodes).map(([name, node]) => [joinPath(node.data.root), name]));
  const nameToRoot = new Map([...rootToName].map(([root, name]) => [name, root]));
  const ordered: string[] = [];
  const visit = (root: string, path: Set<string>) => {
    if (ordered.includes(root) || path.has(root)) return;
    path.add(root);
    const deps = graph.dependencies[rootToName.get(root) ?? ''] ?? [];
    for (const { target } of deps) {
      const depRoot = nameToRoot.get(target);
      if (depRoot && closure.includes(depRoot)) visit(depRoot, path);
    }
    ordered.push(root);
  };
  for (const root of closure) visit(root, new Set());
  return ordered
    .filter((root) => root !== projectRoot)
    .flatMap((root) => {
      const manifest = readManifest(fs, joinPath(root, 'package.json'));
      const name = manifest?.name;
      if (typeof manifest?.scripts?.build !== 'string' || typeof name !== 'string') return [];
      // Where `main` points (`dist/index.js` → `libs/x/dist`): the output a copy-output build must let in.
      const mainDir = typeof manifest.main === 'string' ? posix.dirname(joinPath(root, manifest.main)) : undefined;
      const output = mainDir && mainDir !== joinPath(root) ? { output: mainDir } : {};
      return [{ root, command: toWorkspaceRunCommand(manager, { root, name, script: 'build' }), ...output }];
    });
}

function readManifest(
  fs: FsView,
  path: string,
): { name?: string; main?: string; scripts?: Record<string, string> } | undefined {
  try {
    const text = fs.read(path);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
