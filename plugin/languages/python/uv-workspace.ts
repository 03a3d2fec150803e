import { posix } from 'node:path';
import type { FsView } from '../../fs-view';
import { createDetectError } from '../../detect/create-detect-error';
import { joinPath } from '../../detect/join-path';
import { readPyproject, type PyProject } from './read-pyproject';

/**
 * A uv workspace the project is a member of (uv docs, "Using workspaces"): a pyproject.toml above
 * it with `[tool.uv.workspace]` whose `members` globs (minus `exclude`) match the project's
 * directory, and the one `uv.lock` beside that root manifest.
 */
export interface UvWorkspace {
  /** Workspace-relative directory of the root pyproject.toml and uv.lock. */
  root: string;
  /** The member's package name (`[project] name`): `uv sync --package <name>`. */
  package: string;
  /** Workspace-relative directories of every member (uv reads all their manifests for `--locked`). */
  members: string[];
  /** Workspace-relative directories of the members this one needs (workspace and path sources, transitively), itself last. */
  needed: string[];
  /** Among `needed`, path sources that are not workspace members (`uv sync --no-install-local` skips them in the deps layer). */
  paths: string[];
}

interface WorkspaceTable {
  members?: string[];
  exclude?: string[];
}

/** PEP 503 normalised name: `My_Lib` → `my-lib`. */
export const normalizeName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** A glob segment (`*`, `?`) as an anchored RegExp. */
function toRegExp(segment: string): RegExp {
  const escaped = segment.replace(/[.+^$(){}|\\]/g, (char) => `\\${char}`);
  return new RegExp('^' + escaped.replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
}

/** Directories matching a glob such as apps/* or libs/** (segments: `*`, `?`, `**`), relative to `base`. */
function expandGlob(fs: FsView, base: string, pattern: string): string[] {
  let dirs = [''];
  for (const segment of pattern.split('/').filter((part) => part !== '' && part !== '.')) {
    if (segment === '**') {
      const all: string[] = [];
      const walk = (dir: string) => {
        all.push(dir);
        for (const child of fs.list(joinPath(base, dir)))
          if (fs.list(joinPath(base, dir, child)).length > 0) walk(dir ? `${dir}/${child}` : child);
      };
      dirs.forEach(walk);
      dirs = all;
    } else if (/[*?[]/.test(segment)) {
      const matcher = toRegExp(segment);
      dirs = dirs.flatMap((dir) =>
        fs
          .list(joinPath(base, dir))
          .filter((child) => matcher.test(child))
          .map((child) => (dir ? `${dir}/${child}` : child)),
      );
    } else {
      dirs = dirs.map((dir) => (dir ? `${dir}/${segment}` : segment)).filter((dir) => fs.exists(joinPath(base, dir)));
    }
  }
  return dirs.map((dir) => joinPath(base, dir));
}

/** Member directories of a workspace root: globs matched, excludes dropped, only those with a pyproject.toml, the root itself when it is a project. */
function listMembers(fs: FsView, root: string, table: WorkspaceTable, rootPyproject: PyProject): string[] {
  const excluded = new Set((table.exclude ?? []).flatMap((pattern) => expandGlob(fs, root, pattern)));
  const members = (table.members ?? [])
    .flatMap((pattern) => expandGlob(fs, root, pattern))
    .filter((dir) => !excluded.has(dir) && fs.exists(joinPath(dir, 'pyproject.toml')));
  return [...new Set([...(rootPyproject.project ? [root] : []), ...members])].sort();
}

type Sources = Record<string, { workspace?: boolean; path?: string }>;

/** The members (and path sources) `dir` depends on, transitively, then `dir` itself. */
function listNeeded(
  fs: FsView,
  byName: Map<string, string>,
  dir: string,
  project: string,
  seen = new Set<string>(),
): string[] {
  if (seen.has(dir)) return [];
  seen.add(dir);
  const pyproject = readPyproject(fs, joinPath(dir, 'pyproject.toml'), project);
  const sources = ((pyproject?.tool as { uv?: { sources?: Sources } } | undefined)?.uv?.sources ?? {}) as Sources;
  const names = (pyproject?.project?.dependencies ?? []).map((spec) =>
    normalizeName(/^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0] ?? ''),
  );
  const dependencies = names.flatMap((name) => {
    const source = Object.entries(sources).find(([key]) => normalizeName(key) === name)?.[1];
    if (source?.path) return [joinPath(dir, source.path)];
    const member = byName.get(name);
    return member ? [member] : [];
  });
  return [...dependencies.flatMap((dependency) => listNeeded(fs, byName, dependency, project, seen)), dir];
}

/** `apps/api` → `['apps', '.']`: the directories above a project, nearest first. */
function listAncestors(dir: string): string[] {
  const ancestors: string[] = [];
  for (let current = dir; current !== '.';) {
    current = posix.dirname(current);
    ancestors.push(current);
  }
  return ancestors;
}

/**
 * The uv workspace `projectRoot` is a member of: the nearest root above it with
 * `[tool.uv.workspace]` and a uv.lock (uv stops at the first such root too); undefined when
 * there is none.
 * A root that exists but does not list (or excludes) the project is an Error naming the fix, so
 * the advice never loops (running `uv lock` in a member only rewrites the root lockfile).
 */
export function findUvWorkspace(fs: FsView, projectRoot: string, project: string): UvWorkspace | undefined {
  for (const root of listAncestors(projectRoot)) {
    const pyproject = readPyproject(fs, joinPath(root, 'pyproject.toml'), project);
    const table = (pyproject?.tool as { uv?: { workspace?: WorkspaceTable } } | undefined)?.uv?.workspace;
    if (!pyproject || !table || !fs.exists(joinPath(root, 'uv.lock'))) continue;
    const members = listMembers(fs, root, table, pyproject);
    if (!members.includes(projectRoot)) {
      const excluded = (table.exclude ?? []).some((pattern) => expandGlob(fs, root, pattern).includes(projectRoot));
      throw createDetectError({
        project,
        file: joinPath(projectRoot, 'pyproject.toml'),
        problem: `has no uv.lock of its own and is ${excluded ? 'excluded from' : 'not a member of'} the uv workspace ${joinPath(root, 'pyproject.toml')}`,
        fix: excluded
          ? `an excluded project is standalone for uv: run \`uv lock\` in ${projectRoot} and commit its uv.lock`
          : `add "${posix.relative(root === '.' ? '' : root, projectRoot)}" (or a glob matching it) to [tool.uv.workspace] members in ${joinPath(root, 'pyproject.toml')}, then run \`uv lock\` at ${root === '.' ? 'the workspace root' : root}`,
      });
    }
    const byName = new Map(
      members.map((member) => [
        normalizeName(readPyproject(fs, joinPath(member, 'pyproject.toml'), project)?.project?.name ?? ''),
        member,
      ]),
    );
    const own = readPyproject(fs, joinPath(projectRoot, 'pyproject.toml'), project);
    const needed = listNeeded(fs, byName, projectRoot, project);
    return {
      root,
      package: own?.project?.name ?? posix.basename(projectRoot),
      members,
      needed,
      paths: needed.filter((dir) => !members.includes(dir)),
    };
  }
  return undefined;
}
