import { posix } from 'node:path';

/** Joins workspace-relative POSIX paths; a root project (`.` or ``) adds no prefix. */
export function joinPath(...parts: string[]): string {
  const joined = posix.join(...parts.filter((part) => part !== '' && part !== '.'));
  return joined === '' ? '.' : joined;
}
