import picomatch from 'picomatch';
import type { FsView } from '../../fs-view';
import { createDetectError } from '../../detect/create-detect-error';
import { isUnderDir, joinPath } from '../../detect/join-path';
import { readCargoToml, type CargoToml } from './read-cargo-toml';

/**
 * Cargo's workspace rules (cargo/src/cargo/core/workspace.rs, reference/workspaces.md):
 *
 * - the root: `package.workspace` if set, else the first parent directory whose Cargo.toml has a
 *   `[workspace]` table; the package must be a member of it or excluded from it (then it is its
 *   own root), otherwise cargo refuses ("believes it's in a workspace when it's not");
 * - members: each `members` entry is a glob (the glob crate: `*`, `?`, `[…]`, `**`; no braces)
 *   expanded against the disk, non-directories dropped; a matched directory without Cargo.toml
 *   is an error; the root package is a member; path dependencies inside the root join too;
 * - exclude: path prefixes (not globs), overridden by a member listed explicitly.
 */
export interface CargoWorkspace {
  /** Workspace-relative directory of the root Cargo.toml (the package's own when it is alone). */
  root: string;
  /** Workspace-relative directories of every member, sorted. */
  members: string[];
}

interface Context {
  fs: FsView;
  project: string;
}

/** Reads and parses a Cargo.toml; invalid TOML is an error naming the file and the parser's line/column. */
export function loadCargoToml(fs: FsView, project: string, file: string): CargoToml {
  const text = fs.read(file);
  if (text === undefined)
    throw createDetectError({
      project,
      file,
      problem: 'missing: cargo loads this manifest',
      fix: "add the crate's Cargo.toml, or remove the member or path dependency that names it",
    });
  try {
    return readCargoToml(text);
  } catch (error) {
    // smol-toml's TomlError carries the position; its message's first line says what is wrong.
    const { line, column, message } = error as Error & { line?: number; column?: number };
    const at = line !== undefined ? `line ${line}, column ${column}: ` : '';
    throw createDetectError({
      project,
      file,
      problem: `is not valid TOML (${at}${message.split('\n')[0].replace(/^Invalid TOML document: /, '')})`,
      fix: 'correct the file (`cargo metadata` shows where cargo rejects it)',
    });
  }
}

const isDir = (fs: FsView, path: string) => fs.exists(path) && fs.read(path) === undefined;
const GLOB = /[*?[]/;

/** Every directory under `dir` (itself included), for `**`; build outputs and VCS dirs are never members. */
function listTree(fs: FsView, dir: string): string[] {
  const children = fs
    .list(dir)
    .filter((name) => !['target', 'node_modules', '.git'].includes(name) && isDir(fs, joinPath(dir, name)));
  return [dir, ...children.flatMap((name) => listTree(fs, joinPath(dir, name)))];
}

/** One `members` entry expanded segment by segment against the FsView, as the glob crate walks the disk. */
export function expandMemberGlob(fs: FsView, root: string, pattern: string): string[] {
  const segments = pattern.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (!segments.some((segment) => GLOB.test(segment))) return [joinPath(root, ...segments)];
  let paths = [root];
  for (const segment of segments) {
    if (segment === '**') paths = paths.flatMap((path) => listTree(fs, path));
    else if (!GLOB.test(segment))
      paths = paths.map((path) => joinPath(path, segment)).filter((path) => fs.exists(path));
    else {
      // The glob crate's defaults: `*` matches a leading dot; `{a,b}` is literal; `[!a]` negates (picomatch needs posix for that).
      const match = picomatch(segment, { dot: true, nobrace: true, noextglob: true, posix: true });
      paths = paths.flatMap((path) =>
        fs
          .list(path)
          .filter((name) => match(name))
          .map((name) => joinPath(path, name)),
      );
    }
  }
  return [...new Set(paths)].filter((path) => isDir(fs, path)).sort();
}

/** Cargo's `is_excluded`: under an `exclude` path and not under an explicitly listed member. */
function isExcluded(root: string, table: NonNullable<CargoToml['workspaceTable']>, dir: string): boolean {
  const excluded = table.exclude.some((ex) => isUnderDir(dir, joinPath(root, ex)));
  const explicit = table.members
    .filter((member) => !GLOB.test(member))
    .some((member) => isUnderDir(dir, joinPath(root, member)));
  return excluded && !explicit;
}

/** The members of the workspace whose root manifest is `root`/Cargo.toml. */
function listMembers(ctx: Context, root: string, toml: CargoToml): string[] {
  const table = toml.workspaceTable!;
  const members = new Set<string>(toml.packageName ? [root] : []);
  for (const pattern of table.members) {
    for (const dir of expandMemberGlob(ctx.fs, root, pattern)) {
      if (isExcluded(root, table, dir)) continue;
      if (!ctx.fs.exists(joinPath(dir, 'Cargo.toml'))) {
        throw createDetectError({
          project: ctx.project,
          file: joinPath(root, 'Cargo.toml'),
          problem: `workspace member ${dir} (from members entry "${pattern}") has no Cargo.toml`,
          fix: `add ${dir}/Cargo.toml, or list ${dir} under [workspace] exclude`,
        });
      }
      members.add(dir);
    }
  }
  // Path dependencies inside the root are members too (unless excluded).
  const queue = [...members];
  for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
    for (const dep of loadCargoToml(ctx.fs, ctx.project, joinPath(dir, 'Cargo.toml')).dependencies) {
      const path = dep.path ?? (dep.inherited ? table.dependencies[dep.name]?.path : undefined);
      if (path === undefined) continue;
      const target = joinPath(dep.inherited ? root : dir, path);
      if (!members.has(target) && isUnderDir(target, root) && !isExcluded(root, table, target)) {
        members.add(target);
        queue.push(target);
      }
    }
  }
  return [...members].sort();
}

/** The Cargo workspace a package at `projectRoot` belongs to (itself when it has none). */
export function findCargoWorkspace(fs: FsView, project: string, projectRoot: string, toml: CargoToml): CargoWorkspace {
  const ctx = { fs, project };
  if (toml.workspaceTable) return { root: projectRoot, members: listMembers(ctx, projectRoot, toml) };
  const parents: string[] = [];
  if (toml.workspace !== undefined) parents.push(joinPath(projectRoot, toml.workspace));
  else for (let dir = projectRoot; dir !== '.';) parents.push((dir = joinPath(dir, '..')));
  for (const dir of parents) {
    const manifest = joinPath(dir, 'Cargo.toml');
    if (!fs.exists(manifest)) continue;
    const parent = loadCargoToml(fs, project, manifest);
    if (!parent.workspaceTable) continue;
    if (isExcluded(dir, parent.workspaceTable, projectRoot)) break;
    const members = listMembers(ctx, dir, parent);
    if (members.includes(projectRoot)) return { root: dir, members };
    throw createDetectError({
      project,
      file: manifest,
      problem: `${projectRoot} is inside this Cargo workspace but not one of its members (cargo: "current package believes it's in a workspace when it's not")`,
      fix: `add "${projectRoot.slice(dir === '.' ? 0 : dir.length + 1)}" to [workspace] members (or a glob that matches it), or to [workspace] exclude`,
    });
  }
  return { root: projectRoot, members: [projectRoot] };
}
