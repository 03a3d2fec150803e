import type { FsView } from '../../fs-view';
import { isUnderDir, joinPath } from '../../detect/join-path';
import type { LocalDependency } from '../language-module';
import { findCargoWorkspace, loadCargoToml } from './find-cargo-workspace';
import { listSourceDirs, loadCrates } from './detect-rust-project';

/**
 * The crates a Cargo package at `root` builds from: its normal and build path dependencies
 * (inherited ones through `[workspace.dependencies]`), transitively, as detectRustProject's
 * `sourceDirs` computes them; for a virtual workspace root, those of every member. Dirs inside
 * `root` are left out. Each is named by the project's Cargo.toml. Throws on a malformed manifest.
 */
export function listRustLocalDependencies(fs: FsView, root: string): LocalDependency[] {
  const dir = joinPath(root);
  const file = joinPath(dir, 'Cargo.toml');
  const toml = loadCargoToml(fs, dir, file);
  const workspace = findCargoWorkspace(fs, dir, dir, toml);
  const rootToml = workspace.root === dir ? toml : loadCargoToml(fs, dir, joinPath(workspace.root, 'Cargo.toml'));
  const crates = loadCrates(fs, dir, workspace, rootToml);
  const starts = toml.packageName ? [dir] : workspace.members;
  const dirs = new Set(starts.flatMap((start) => listSourceDirs(start, crates, rootToml, workspace.root)));
  return [...dirs]
    .filter((path) => !isUnderDir(path, dir))
    .sort()
    .map((path) => ({ root: path, file }));
}
