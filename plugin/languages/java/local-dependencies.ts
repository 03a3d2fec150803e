import type { FsView } from '../../fs-view';
import { joinPath } from '../../detect/join-path';
import type { LocalDependency } from '../language-module';
import { findMavenReactor } from './maven-reactor';

/**
 * The Maven reactor modules a module at `root` is built with (`-pl <module> -am`: maven-reactor.ts
 * `needed`, the reactor modules it depends on by groupId:artifactId, transitively), itself left
 * out, each named by the project's pom.xml. Gradle builds and poms outside a reactor have none.
 * Throws on a malformed pom.
 */
export function listJavaLocalDependencies(fs: FsView, root: string): LocalDependency[] {
  const dir = joinPath(root);
  const file = joinPath(dir, 'pom.xml');
  if (!fs.exists(file)) return [];
  const reactor = findMavenReactor(fs, dir, dir);
  return (reactor?.needed ?? []).filter((path) => path !== dir).map((path) => ({ root: path, file }));
}
