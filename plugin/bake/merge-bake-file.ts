import { isDeepStrictEqual } from 'node:util';
import type { BakeTarget } from '../types';

/** A bake file as JSON: `variable`, `function`, `group`, `target` and anything else a user wrote. */
export type BakeDocument = Record<string, unknown>;

export interface BakeMergeInput {
  /** The parsed docker-bake.json, or undefined when there is none. */
  existing: unknown;
  /** Workspace-relative file name, for messages. */
  file: string;
  /** The project's bake target name (`toImageNames`). */
  name: string;
  /** The fields this run generates. */
  generated: BakeTarget;
  /** The fields the previous run generated (recorded in the Dockerfile), when known. */
  previous?: BakeTarget;
  force: boolean;
}

export interface BakeMerge {
  document: BakeDocument;
  /** One line per generated field the user changed: `target "api" field "tags": …`. Empty when forced. */
  conflicts: string[];
}

/**
 * Merges this project's generated target into the bake file; everything it did not write survives:
 * variables, functions, other groups and targets, keys it does not know, the key order of the file,
 * and fields the user added to the generated target. A generated field whose value is neither what
 * the previous run wrote (`previous`) nor what this run writes was changed by hand: a conflict,
 * unless `force`. Without a record of the previous run, an existing target whose generated fields
 * differ is someone else's (a user target of the same name): every differing field is a conflict.
 * The target joins the `default` group only when this run creates it (a user may take it out).
 * Pure: never mutates `existing`. Throws an Error naming the file and the fix when its shape is wrong.
 */
export function mergeBakeFile(input: BakeMergeInput): BakeMerge {
  // A new file lists groups before targets, as buildx's own docs do.
  const document = structuredClone(checkShape(input.existing ?? { group: {}, target: {} }, input.file)) as BakeDocument;
  const targets = (document.target ?? {}) as Record<string, Record<string, unknown>>;
  const current = targets[input.name];
  const conflicts: string[] = [];
  const merged: Record<string, unknown> = { ...(current ?? {}) };
  const fields = [...new Set([...Object.keys(input.generated), ...Object.keys(input.previous ?? {})])].sort();
  for (const field of fields) {
    const mine = (input.generated as Record<string, unknown>)[field];
    const theirs = current?.[field];
    const before = (input.previous as Record<string, unknown> | undefined)?.[field];
    const ours =
      current === undefined ||
      isDeepStrictEqual(theirs, mine) ||
      (input.previous !== undefined && isDeepStrictEqual(theirs, before));
    if (!ours && !input.force) {
      conflicts.push(
        `target "${input.name}" field "${field}": the file has ${show(theirs)}, nx-dockerize writes ${show(mine)}`,
      );
      continue;
    }
    if (mine === undefined) delete merged[field];
    else setSorted(merged, field, mine);
  }
  if (conflicts.length) return { document: structuredClone(input.existing ?? {}) as BakeDocument, conflicts };
  document.target = setSorted({ ...targets }, input.name, current ? merged : sortKeys(merged));
  if (!current) joinDefaultGroup(document, input.name);
  return { document, conflicts };
}

/** The bake file text: 2-space JSON, the file's own key order, a final newline. */
export function serializeBakeDocument(document: BakeDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function checkShape(existing: unknown, file: string): BakeDocument {
  const fix = `Fix ${file} (buildx's JSON bake format: {"group": {...}, "target": {...}}), or move it aside, then re-run the generator.`;
  const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject(existing)) throw new Error(`${file} is not a JSON object. ${fix}`);
  const document = existing as BakeDocument;
  for (const key of ['target', 'group']) {
    if (document[key] !== undefined && !isObject(document[key]))
      throw new Error(`${file}: "${key}" is not an object. ${fix}`);
  }
  const group = document.group as Record<string, unknown> | undefined;
  const defaultTargets = (group?.default as { targets?: unknown } | undefined)?.targets;
  if (
    group?.default !== undefined &&
    (!isObject(group.default) || (defaultTargets !== undefined && !Array.isArray(defaultTargets)))
  ) {
    throw new Error(`${file}: group "default" is not {"targets": [...]}. ${fix}`);
  }
  return document;
}

function joinDefaultGroup(document: BakeDocument, name: string): void {
  const groups = { ...((document.group ?? {}) as Record<string, { targets?: string[] }>) };
  const group = groups.default ?? {};
  const list = [...(group.targets ?? [])];
  if (!list.includes(name)) {
    const at = list.findIndex((other) => other > name);
    list.splice(at === -1 ? list.length : at, 0, name);
  }
  document.group = setSorted(groups, 'default', { ...group, targets: list });
}

/** Replaces `key` in place, or inserts it before the first key that sorts after it. */
function setSorted<T extends Record<string, unknown>>(object: T, key: string, value: unknown): T {
  if (key in object) {
    (object as Record<string, unknown>)[key] = value;
    return object;
  }
  const entries = Object.entries(object);
  const at = entries.findIndex(([other]) => other > key);
  entries.splice(at === -1 ? entries.length : at, 0, [key, value]);
  for (const k of Object.keys(object)) delete (object as Record<string, unknown>)[k];
  return Object.assign(object, Object.fromEntries(entries));
}

function sortKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function show(value: unknown): string {
  return value === undefined ? 'no value' : JSON.stringify(value);
}
