import type { Tree } from '@nx/devkit';
import { readGeneratedState, stampGenerated } from '../../../plugin/generated-marker';

/** What to do with a file edited by hand: refuse (the generator) or keep it and say so (the sync generator). */
export interface GuardOptions {
  force: boolean;
  /** Called instead of throwing when a hand-edited (or foreign) file is left as it is. */
  onKeptEdit?: (path: string) => void;
}

/**
 * Writes a generated `#`-commented file, refusing to replace one that was edited by hand
 * (or never written by us) unless `force` is set. Unchanged content is not rewritten, so a
 * re-run is idempotent and shows no changes. With `onKeptEdit`, a hand-edited file is kept and
 * reported instead of failing the run.
 */
export function writeGuardedFile(tree: Tree, path: string, text: string, project: string, guard: GuardOptions): void {
  const { force } = guard;
  const content = stampGenerated(text);
  const existing = tree.exists(path) ? tree.read(path, 'utf-8') ?? '' : undefined;
  if (existing === content) return;
  if (existing !== undefined && !force) {
    const state = readGeneratedState(existing);
    const rerun = `nx g nx-dockerize:dockerize ${project} --force`;
    if (guard.onKeptEdit && state !== 'generated') {
      guard.onKeptEdit(path);
      return;
    }
    if (state === 'edited') {
      throw new Error(
        `${path} was edited by hand after nx-dockerize generated it, so it was left as it is. ` +
          `Keep your edits by moving them into a template override (--templateDir), or discard them with: ${rerun}`,
      );
    }
    if (state === 'foreign') {
      throw new Error(
        `${path} already exists and was not written by nx-dockerize, so it was left as it is. ` +
          `Move it aside, or replace it with: ${rerun}`,
      );
    }
  }
  tree.write(path, content);
}
