import type { Tree } from '@nx/devkit';
import { mergeBakeFile, serializeBakeFile, toBakeTargetName } from '../../../plugin/bake';
import type { BakeFile, BuildPlan } from '../../../plugin/types';

export const BAKE_FILE = 'docker-bake.json';

/** Adds or replaces this project's target in the workspace bake file, keeping everyone else's. */
export function writeBakeTarget(tree: Tree, plan: BuildPlan): void {
  const merged = mergeBakeFile(readBakeFile(tree), toBakeTargetName(plan.project), plan.bake);
  const text = serializeBakeFile(merged);
  if (tree.read(BAKE_FILE, 'utf-8') !== text) tree.write(BAKE_FILE, text);
}

function readBakeFile(tree: Tree): BakeFile | undefined {
  if (!tree.exists(BAKE_FILE)) return undefined;
  try {
    return JSON.parse(tree.read(BAKE_FILE, 'utf-8') ?? '') as BakeFile;
  } catch (error) {
    throw new Error(`${BAKE_FILE} is not valid JSON (${(error as Error).message}); fix or delete it, then re-run the generator.`);
  }
}
