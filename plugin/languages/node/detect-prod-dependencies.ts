import type { FsView } from '../../fs-view';
import type { GraphInput, PackageJson } from '../../detect/detect-input';
import { joinPath } from '../../detect/join-path';

interface Context {
  fs: FsView;
  project: string;
  style: 'package' | 'integrated';
  projectPackageJson?: PackageJson;
  closure: string[];
  graph: GraphInput;
}

/**
 * Does the runtime image need node_modules?
 * - package style: the project's `dependencies`, minus its own workspace libraries (version
 *   `workspace:*` or `*` and named by a package.json in the closure — those are copied as source);
 * - integrated style: the project has `npm:` edges in the Nx graph (imports of external packages).
 */
export function detectProdDependencies(context: Context): boolean {
  if (context.style === 'integrated') {
    return (context.graph.dependencies[context.project] ?? []).some(({ target }) => target.startsWith('npm:'));
  }
  const workspaceNames = new Set(
    context.closure.map((root) => readName(context.fs, joinPath(root, 'package.json'))).filter(Boolean),
  );
  const dependencies = Object.entries(context.projectPackageJson?.dependencies ?? {});
  return dependencies.some(([name, version]) => !(isWorkspaceVersion(version) && workspaceNames.has(name)));
}

function isWorkspaceVersion(version: string): boolean {
  return version === '*' || version.startsWith('workspace:');
}

/** A library's package name; a broken library package.json only means "not a workspace name" here. */
function readName(fs: FsView, path: string): string | undefined {
  try {
    const name: unknown = JSON.parse(fs.read(path) ?? '{}').name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
