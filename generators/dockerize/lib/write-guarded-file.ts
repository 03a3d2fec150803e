import type { Tree } from '@nx/devkit';
import { readGeneratedState, stampGenerated } from '../../../plugin/generated-marker';

/**
 * Writes a generated `#`-commented file, refusing to replace one that was edited by hand
 * (or never written by us) unless `force` is set. Unchanged content is not rewritten, so a
 * re-run is idempotent and shows no changes.
 */
export function writeGuardedFile(tree: Tree, path: string, text: string, project: string, force: boolean): void {
  const content = stampGenerated(text);
  const existing = tree.exists(path) ? tree.read(path, 'utf-8') ?? '' : undefined;
  if (existing === content) return;
  if (existing !== undefined && !force) {
    const state = readGeneratedState(existing);
    const rerun = `nx g nx-dockerize:dockerize ${project} --force`;
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
