import type { FsView } from '../../fs-view';
import type { GraphInput, PackageJson } from '../../detect/detect-input';

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
 * - package style: any `dependencies` at all, workspace libraries included: Node resolves a
 *   workspace library through the link the package manager puts in node_modules;
 * - integrated style: the project or a library of its closure has `npm:` edges in the Nx graph
 *   (imports of external packages that a bundler keeps external).
 */
export function detectProdDependencies(context: Context): boolean {
  if (context.style === 'integrated') {
    const closure = new Set(context.closure);
    const names = [
      context.project,
      ...Object.keys(context.graph.nodes).filter((name) => closure.has(context.graph.nodes[name].data.root)),
    ];
    return names.some((name) =>
      (context.graph.dependencies[name] ?? []).some(({ target }) => target.startsWith('npm:')),
    );
  }
  return Object.keys(context.projectPackageJson?.dependencies ?? {}).length > 0;
}
