import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';

/**
 * The only way detection reads a workspace. Paths are workspace-relative and POSIX, so the
 * same detectors serve generators (an Nx `Tree`), createNodes and tests (the real disk).
 */
export interface FsView {
  /** The file's text, or undefined when it does not exist (or is a directory). */
  read(path: string): string | undefined;
  /** Whether a file or directory exists at the path. */
  exists(path: string): boolean;
  /** Names of the entries of a directory, sorted; empty when it does not exist. */
  list(path: string): string[];
}

/** Reads through an Nx devkit `Tree`, so pending generator changes are seen. */
export function treeFsView(tree: Tree): FsView {
  return {
    read: (path) => (tree.isFile(path) ? (tree.read(path, 'utf-8') ?? undefined) : undefined),
    exists: (path) => tree.exists(path),
    // The workspace root (`.` or ``) is a directory a Tree does not report as existing.
    list: (path) =>
      isRoot(path) || (tree.exists(path) && !tree.isFile(path))
        ? [...tree.children(isRoot(path) ? '' : path)].sort()
        : [],
  };
}

/** Reads the real disk under `workspaceRoot`. */
export function diskFsView(workspaceRoot: string): FsView {
  const resolve = (path: string) => join(workspaceRoot, ...path.split('/'));
  return {
    read: (path) => (statPath(resolve(path))?.isFile() ? readFileSync(resolve(path), 'utf-8') : undefined),
    exists: (path) => statPath(resolve(path)) !== undefined,
    list: (path) => (statPath(resolve(path))?.isDirectory() ? readdirSync(resolve(path)).sort() : []),
  };
}

function isRoot(path: string): boolean {
  return path === '' || path === '.';
}

function statPath(absolute: string) {
  // throwIfNoEntry: false turns "missing" into undefined instead of an exception.
  return statSync(absolute, { throwIfNoEntry: false });
}

/** An in-memory workspace (files by workspace-relative path; directories implied), for tests. */
export function memoryFsView(files: Record<string, string>): FsView {
  const prefixOf = (path: string) => (isRoot(path) ? '' : `${path}/`);
  const isDir = (path: string) => isRoot(path) || Object.keys(files).some((file) => file.startsWith(prefixOf(path)));
  return {
    read: (path) => files[path],
    exists: (path) => path in files || isDir(path),
    list: (path) =>
      [
        ...new Set(
          Object.keys(files)
            .filter((file) => file.startsWith(prefixOf(path)))
            .map((file) => file.slice(prefixOf(path).length).split('/')[0]),
        ),
      ].sort(),
  };
}
