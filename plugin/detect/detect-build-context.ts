import ignore from 'ignore';
import type { FsView } from '../fs-view';
import type { BuildContextFacts } from '../types';
import type { GraphInput } from './detect-input';
import { joinPath } from './join-path';

/**
 * Top-level names that never belong to a root project's build context, whatever .gitignore says:
 * version control and CI/editor folders, Nx's and npm's local state, and the files nx-dockerize
 * itself writes at the root (BuildKit reads the Dockerfile and its ignore file on their own).
 */
const NEVER_IN_CONTEXT = new Set([
  '.git',
  '.gitignore',
  '.gitattributes',
  '.dockerignore',
  '.github',
  '.gitlab',
  '.idea',
  '.vscode',
  '.nx',
  'node_modules',
  'Dockerfile',
  'Dockerfile.dockerignore',
  'docker-bake.json',
]);

/**
 * What the allow-list needs beyond the project and its closure (types.ts `BuildContextFacts`):
 * - `nestedProjects`: other Nx projects whose root lies inside the project or a closure root and
 *   that are not in the closure (e.g. `apps/api/e2e`, or every other project of a root project);
 * - `rootEntries` (root projects only, `root` `.` or ``): the workspace's top-level files and
 *   folders, minus .gitignore'd ones (root .gitignore, git's rules via the `ignore` package, the
 *   matcher Nx itself uses), minus `NEVER_IN_CONTEXT` and minus other projects' roots. A root project
 *   cannot be re-included as `!.` (that re-includes nothing: BuildKit then sends an empty context),
 *   so its allow-list names these one by one; a new top-level file makes `nx sync:check` report drift.
 */
export function detectBuildContext(input: {
  fs: FsView;
  graph: GraphInput;
  project: string;
  projectRoot: string;
  closure: string[];
}): BuildContextFacts {
  const root = joinPath(input.projectRoot);
  const included = [root, ...input.closure];
  const containsIncluded = (candidate: string) =>
    included.some((path) => path === candidate || isInside(path, candidate));
  const nestedProjects = Object.entries(input.graph.nodes)
    .filter(([name]) => name !== input.project)
    .map(([, node]) => joinPath(node.data.root))
    .filter((other) => other !== '.' && !input.closure.includes(other))
    .filter((other) => included.some((path) => isInside(other, path)) && !containsIncluded(other));
  const unique = [...new Set(nestedProjects)].sort();
  if (root !== '.') return { nestedProjects: unique };
  return { rootEntries: listRootEntries(input.fs, [...unique, ...input.closure]), nestedProjects: unique };
}

/** The root's own top-level entries: not ignored by git, not tool state, not a whole other project. */
function listRootEntries(fs: FsView, projectRoots: string[]): string[] {
  const gitignore = ignore().add(fs.read('.gitignore') ?? '');
  const names = fs.list('.').length > 0 ? fs.list('.') : fs.list('');
  return names.filter(
    (name) =>
      !NEVER_IN_CONTEXT.has(name) &&
      !gitignore.ignores(name) &&
      !gitignore.ignores(`${name}/`) &&
      // A top-level folder that is exactly another project (not merely containing one) stays out whole.
      !projectRoots.includes(name),
  );
}

/** Is `path` strictly inside `folder` (workspace-relative, `.` is the root)? */
function isInside(path: string, folder: string): boolean {
  return folder === '.' ? path !== '.' : path.startsWith(`${folder}/`);
}
