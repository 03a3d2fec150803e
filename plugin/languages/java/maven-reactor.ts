import { posix } from 'node:path';
import type { FsView } from '../../fs-view';
import { joinPath } from '../../detect/join-path';
import { readPom, resolvePomValue, type PomFacts } from './read-pom';

/** One pom of the workspace: its workspace-relative directory and file, parsed. */
export interface PomEntry {
  dir: string;
  file: string;
  pom: PomFacts;
}

/**
 * A Maven reactor the project is a module of: the topmost pom.xml above the project whose
 * `<modules>` reach it (transitively). `modules` holds every pom of that reactor (the root
 * included), which Maven reads even with `-pl`; `needed` the module directories `-pl <module> -am`
 * builds: the project and the reactor modules it depends on, transitively (by groupId:artifactId).
 */
export interface MavenReactor {
  root: PomEntry;
  modules: PomEntry[];
  /** `-pl` argument: the project's directory relative to the reactor root. */
  module: string;
  /** Workspace-relative directories of the modules `-am` builds (the project last). */
  needed: string[];
}

const parentOf = (dir: string): string | undefined =>
  dir === '.' ? undefined : posix.dirname(dir) === '.' ? '.' : posix.dirname(dir);

function readEntry(fs: FsView, dir: string, project: string): PomEntry | undefined {
  const file = joinPath(dir, 'pom.xml');
  const text = fs.read(file);
  return text === undefined ? undefined : { dir, file, pom: readPom(text, file, project) };
}

/** The pom at `dir` and every module below it, recursively (a module path may be `../x`). */
function listModules(fs: FsView, entry: PomEntry, project: string, seen = new Set<string>()): PomEntry[] {
  if (seen.has(entry.dir)) return [];
  seen.add(entry.dir);
  const children = entry.pom.modules
    .map((module) => readEntry(fs, joinPath(entry.dir, module.replace(/\/pom\.xml$/, '')), project))
    .filter((child): child is PomEntry => child !== undefined);
  return [entry, ...children.flatMap((child) => listModules(fs, child, project, seen))];
}

/**
 * The local parent chain of a pom, child first: `<parent>` followed through `relativePath`
 * (Maven's default `../pom.xml`) while the pom found there has the parent's artifactId.
 */
export function readPomChain(fs: FsView, entry: PomEntry, project: string): PomEntry[] {
  const chain = [entry];
  for (let current = entry; current.pom.parent && current.pom.parent.relativePath !== '' && chain.length < 10;) {
    const relative = current.pom.parent.relativePath ?? '../pom.xml';
    const dir = joinPath(current.dir, relative.endsWith('.xml') ? posix.dirname(relative) : relative);
    const parent = readEntry(fs, dir, project);
    if (!parent || parent.pom.artifactId !== current.pom.parent.artifactId) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

/** Properties of a chain (ancestors first, the child's win) plus `project.*` coordinates. */
export function mergeChainProperties(chain: PomEntry[]): Record<string, string> {
  const properties = Object.assign({}, ...[...chain].reverse().map((entry) => entry.pom.properties)) as Record<
    string,
    string
  >;
  const { pom } = chain[0];
  const groupId = pom.groupId ?? pom.parent?.groupId;
  const version = pom.version ?? pom.parent?.version;
  return {
    ...properties,
    ...(groupId && { 'project.groupId': groupId }),
    ...(pom.artifactId && { 'project.artifactId': pom.artifactId }),
    ...(version && { 'project.version': version }),
    ...(pom.parent?.version && { 'project.parent.version': pom.parent.version }),
  };
}

function toCoordinates(entry: PomEntry): string {
  return `${entry.pom.groupId ?? entry.pom.parent?.groupId}:${entry.pom.artifactId}`;
}

/** The reactor modules `entry` depends on, transitively, and `entry` itself last. */
function listNeeded(fs: FsView, modules: PomEntry[], entry: PomEntry, project: string): string[] {
  const byCoordinates = new Map(modules.map((module) => [toCoordinates(module), module]));
  const needed: string[] = [];
  const visit = (current: PomEntry) => {
    if (needed.includes(current.dir)) return;
    const properties = mergeChainProperties(readPomChain(fs, current, project));
    for (const dependency of current.pom.dependencies) {
      const sibling = byCoordinates.get(
        `${resolvePomValue(dependency.groupId, properties)}:${resolvePomValue(dependency.artifactId, properties)}`,
      );
      if (sibling && sibling.dir !== current.dir) visit(sibling);
    }
    needed.push(current.dir);
  };
  visit(entry);
  return needed;
}

/** The reactor `projectRoot` belongs to, or undefined when no pom above it lists it as a module. */
export function findMavenReactor(fs: FsView, projectRoot: string, project: string): MavenReactor | undefined {
  let found: { root: PomEntry; modules: PomEntry[] } | undefined;
  for (let dir = parentOf(projectRoot); dir !== undefined; dir = parentOf(dir)) {
    const candidate = readEntry(fs, dir, project);
    if (!candidate || candidate.pom.modules.length === 0) continue;
    const modules = listModules(fs, candidate, project);
    if (modules.some((module) => module.dir === projectRoot)) found = { root: candidate, modules };
  }
  if (!found) return undefined;
  const entry = found.modules.find((module) => module.dir === projectRoot)!;
  return {
    ...found,
    module: posix.relative(found.root.dir === '.' ? '' : found.root.dir, projectRoot),
    needed: listNeeded(fs, found.modules, entry, project),
  };
}
