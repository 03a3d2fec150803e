import type { Tree } from '@nx/devkit';
import { createTree } from '@nx/devkit/testing';
import { syncDockerfiles } from '../../sync/generator';
import { dockerizeProject } from '../generator';
import type { ProjectGraphLike } from '../lib/read-graph-for-tree';
import type { DockerizeGeneratorSchema } from '../schema';
import type { Workspace } from './workspaces';

/** One generator call: `nx g nx-dockerize:dockerize <project> [options]`, or `nx sync`. */
export type Run =
  | { dockerize: string; options?: Omit<Partial<DockerizeGeneratorSchema>, 'project'> | Record<string, unknown> }
  | { sync: true };

export type Expectation =
  /** The run throws; the message names `file` and matches `fix` (and `message`); the tree is byte-identical. */
  | { refused: { file: string; fix: RegExp; message?: RegExp } }
  /** The run succeeds; each listed file then contains every string / matches every pattern; `unchanged` files are byte-identical. */
  | { written: Record<string, (string | RegExp)[]>; unchanged?: string[] }
  /** The run succeeds and changes nothing at all. */
  | { nothingChanged: true }
  /** `nx sync:check` fails with a message naming `file`; `unchanged` files are byte-identical. */
  | { outOfSync: { file: string; message: RegExp }; unchanged?: string[] };

export type CaseKind =
  | 'bake file'
  | 'names'
  | 'edits and checksum'
  | 'refused by kind'
  | 'malformed manifest'
  | 'lockfiles'
  | 'options'
  | 'paths and templates';

export interface BadInputCase {
  id: string;
  kind: CaseKind;
  /** What the user has or does, in a sentence (the docs table's first column). */
  input: string;
  workspace: Workspace;
  /** Runs that must succeed before the checked one (e.g. a first generation to edit). */
  before?: Run[];
  /** Hand edits between `before` and the checked run. */
  edit?: (tree: Tree) => void;
  /** The project graph changes before the checked run (e.g. a new library dependency). */
  graphAfter?: (workspace: Workspace) => Workspace;
  run: Run;
  expect: Expectation;
}

export interface CaseResult {
  /** The error message of a refused run, or the out-of-sync message of a sync. */
  message?: string;
  refused: boolean;
  /** Files added, changed or deleted by the checked run. */
  changed: string[];
  before: Record<string, string>;
  after: Record<string, string>;
}

export function toGraph(workspace: Workspace): ProjectGraphLike {
  const nodes: ProjectGraphLike['nodes'] = {};
  const dependencies: ProjectGraphLike['dependencies'] = {};
  for (const [name, spec] of Object.entries(workspace.projects)) {
    nodes[name] = {
      type: spec.type ?? (spec.projectType === 'library' ? 'lib' : 'app'),
      data: {
        root: spec.root,
        ...(spec.projectType && { projectType: spec.projectType }),
        ...(spec.targets && { targets: spec.targets }),
      },
    };
    dependencies[name] = (spec.dependencies ?? []).map((target) => ({ target }));
  }
  return { nodes, dependencies };
}

/** Every file of the tree with its content: what "byte-identical" is checked on. */
export function snapshotTree(tree: Tree, dir = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const child of tree.children(dir)) {
    const path = dir ? `${dir}/${child}` : child;
    if (tree.isFile(path)) files[path] = tree.read(path, 'utf-8') ?? '';
    else Object.assign(files, snapshotTree(tree, path));
  }
  return files;
}

function perform(tree: Tree, graph: ProjectGraphLike, run: Run): string | undefined {
  if ('sync' in run) return syncDockerfiles(tree, graph).outOfSyncMessage;
  dockerizeProject(tree, { ...(run.options as object), project: run.dockerize } as DockerizeGeneratorSchema, graph);
  return undefined;
}

/** Runs a case on a fresh in-memory workspace and reports what happened (the spec asserts it). */
export function runCase(testCase: BadInputCase): CaseResult {
  const tree = createTree();
  for (const [path, content] of Object.entries(testCase.workspace.files)) tree.write(path, content);
  for (const run of testCase.before ?? []) {
    const message = perform(tree, toGraph(testCase.workspace), run);
    if (message) throw new Error(`case ${testCase.id}: a "before" run reported: ${message}`);
  }
  testCase.edit?.(tree);
  const graph = toGraph(testCase.graphAfter ? testCase.graphAfter(testCase.workspace) : testCase.workspace);
  const before = snapshotTree(tree);
  let message: string | undefined;
  let refused = false;
  try {
    message = perform(tree, graph, testCase.run);
  } catch (error) {
    refused = true;
    message = (error as Error).message;
  }
  const after = snapshotTree(tree);
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((path) => before[path] !== after[path])
    .sort();
  return { message, refused, changed, before, after };
}

/** docker-bake.json as a case edits it: `target` and `group` blocks by name; any other block is kept as it is. */
export interface EditableBake {
  target: Record<string, Record<string, unknown>>;
  group: Record<string, Record<string, unknown>>;
  [block: string]: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether parsed docker-bake.json has `target` and `group` blocks that are objects of objects. */
function isEditableBake(json: unknown): json is EditableBake {
  const blockOfObjects = (block: unknown) => isRecord(block) && Object.values(block).every(isRecord);
  return isRecord(json) && blockOfObjects(json.target) && blockOfObjects(json.group);
}

/** Tree edit helpers for `edit`. */
export const edits = {
  replace: (path: string, from: string | RegExp, to: string) => (tree: Tree) => {
    const text = tree.read(path, 'utf-8') ?? '';
    const next = text.replace(from, to);
    if (next === text) throw new Error(`edit: "${String(from)}" not found in ${path}`);
    tree.write(path, next);
  },
  write: (path: string, content: string) => (tree: Tree) => tree.write(path, content),
  bake:
    (change: (bake: EditableBake) => void, indent = 2) =>
    (tree: Tree) => {
      const bake: unknown = JSON.parse(tree.read('docker-bake.json', 'utf-8') ?? '{}');
      // A broken case, not a finding: the bake file must come from a `before` run of the generator.
      if (!isEditableBake(bake)) throw new Error('edit: docker-bake.json has no "target" and "group" objects');
      change(bake);
      tree.write('docker-bake.json', `${JSON.stringify(bake, null, indent)}\n`);
    },
  all:
    (...steps: ((tree: Tree) => void)[]) =>
    (tree: Tree) =>
      steps.forEach((step) => step(tree)),
};
