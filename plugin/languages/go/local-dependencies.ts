import type { FsView } from '../../fs-view';
import { joinPath } from '../../detect/join-path';
import type { LocalDependency } from '../language-module';
import { detectLocalModules } from './detect-local-modules';
import { readGoMod } from './read-go-mod';

/**
 * The local modules a Go module at `root` builds from (detect-local-modules.ts: its go.mod's
 * directory `replace`s, or go.work's `use`/`replace` in workspace mode; those it requires or
 * imports, transitively), each named by the module's own go.mod. Modules that only contribute
 * their go.mod to the dependency layer are not edges (the docker-build inputs list those files).
 * Throws the detectors' errors on a malformed go.mod/go.work.
 */
export function listGoLocalDependencies(fs: FsView, root: string): LocalDependency[] {
  const file = joinPath(root, 'go.mod');
  const layout = detectLocalModules(fs, joinPath(root), joinPath(root), readGoMod(fs.read(file) ?? '', file));
  return layout.localModules.filter((module) => module.needed).map((module) => ({ root: module.dir, file }));
}
