import type { FsView } from '../../fs-view';
import { joinPath } from '../../detect/join-path';
import type { LocalDependency } from '../language-module';
import { findUvWorkspace } from './uv-workspace';

/** A lockfile of its own makes a project standalone (detect-python-project.ts's LOCKFILES). */
const OWN_LOCKFILES = ['uv.lock', 'poetry.lock', 'requirements.txt'];

/**
 * The uv workspace members and path sources a member at `root` installs from source (uv-workspace.ts
 * `needed`: `[project] dependencies` resolved through `[tool.uv.sources]`, transitively), itself
 * left out, each named by the project's pyproject.toml. A project with its own lockfile has none.
 * Throws on a malformed pyproject.toml or a workspace that does not list the project.
 */
export function listPythonLocalDependencies(fs: FsView, root: string): LocalDependency[] {
  const dir = joinPath(root);
  const file = joinPath(dir, 'pyproject.toml');
  if (!fs.exists(file) || OWN_LOCKFILES.some((lockfile) => fs.exists(joinPath(dir, lockfile)))) return [];
  const workspace = findUvWorkspace(fs, dir, dir);
  return (workspace?.needed ?? []).filter((path) => path !== dir).map((path) => ({ root: path, file }));
}
