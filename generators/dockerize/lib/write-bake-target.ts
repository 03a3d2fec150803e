import type { Tree } from '@nx/devkit';
import { mergeBakeFile, serializeBakeDocument } from '../../../plugin/bake';
import type { BakeTarget } from '../../../plugin/types';
import type { FileChange } from './write-guarded-file';

export const BAKE_FILE = 'docker-bake.json';

export interface BakeChangeInput {
  project: string;
  bakeTarget: string;
  generated: BakeTarget;
  /** What the previous run wrote (recorded in the Dockerfile), when known. */
  previous?: BakeTarget;
  force: boolean;
}

/**
 * The change that merges this project's target into docker-bake.json (see `mergeBakeFile`: what
 * the generator did not write survives), or undefined when the file already says that. Throws
 * when a generated field was changed by hand (naming the field and `--force`) or the file is not
 * a bake file. Writes nothing.
 */
export function planBakeChange(tree: Tree, input: BakeChangeInput): FileChange | undefined {
  const before = tree.exists(BAKE_FILE) ? (tree.read(BAKE_FILE, 'utf-8') ?? '') : undefined;
  const merge = mergeBakeFile({
    existing: parseBakeFile(before),
    file: BAKE_FILE,
    name: input.bakeTarget,
    generated: input.generated,
    previous: input.previous,
    force: input.force,
  });
  if (merge.conflicts.length) {
    throw new Error(
      `${BAKE_FILE}: ${merge.conflicts.join('; ')}. The field was changed by hand (or the target is not nx-dockerize's), so nothing was written. ` +
        'Keep your change by putting it in a field nx-dockerize does not write or in a second bake file (`docker buildx bake --file docker-bake.json --file docker-bake.override.json`), ' +
        `or overwrite the generated fields with: nx g nx-dockerize:dockerize ${input.project} --force`,
    );
  }
  // Same content in the user's own formatting: leave the file alone.
  if (before !== undefined && JSON.stringify(JSON.parse(before)) === JSON.stringify(merge.document)) return undefined;
  return { path: BAKE_FILE, content: serializeBakeDocument(merge.document) };
}

function parseBakeFile(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${BAKE_FILE} is not valid JSON (${(error as Error).message}), so nothing was written. Fix or move it aside, then re-run the generator.`,
      { cause: error },
    );
  }
}
