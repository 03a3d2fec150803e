import type { BakeFile, BakeTarget } from '../types';

/**
 * Puts `target` under `name` in a bake file, keeping every other project's target, and lists
 * it in the `default` group. Pure: returns a new file, never mutates `existing`.
 */
export function mergeBakeFile(existing: BakeFile | undefined, name: string, target: BakeTarget): BakeFile {
  const group = { ...(existing?.group ?? {}) };
  const defaultTargets = group.default?.targets ?? [];
  // Sorted and deduped so regenerating in any project order yields the same file (idempotence).
  group.default = { targets: [...new Set([...defaultTargets, name])].sort() };
  return { group, target: { ...(existing?.target ?? {}), [name]: target } };
}
