import type { BakeFile } from '../types';

/** Object keys sorted at every depth; arrays keep their order (tag and platform order matter). */
function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeysDeep((value as Record<string, unknown>)[key])]),
  );
}

/**
 * The official JSON bake format, written from the typed model. Stable key order keeps
 * regeneration byte-identical, so `nx sync:check` reports drift only on real changes.
 */
export function serializeBakeFile(file: BakeFile): string {
  return `${JSON.stringify(sortKeysDeep(file), null, 2)}\n`;
}
