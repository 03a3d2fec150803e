import { posix } from 'node:path';

/** Joins workspace-relative POSIX paths; a root project (`.` or ``) adds no prefix. */
export function joinPath(...parts: string[]): string {
  const joined = posix.join(...parts.filter((part) => part !== '' && part !== '.'));
  return joined === '' ? '.' : joined;
}

/** Whether workspace-relative `path` is `dir` or inside it; every path is inside the root project (`.`). */
export function isUnderDir(path: string, dir: string): boolean {
  return dir === '.' || path === dir || path.startsWith(`${dir}/`);
}
