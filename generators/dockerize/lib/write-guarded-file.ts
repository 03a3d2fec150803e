import type { Tree } from '@nx/devkit';
import { readGeneratedState, sameGenerated, stampGenerated } from '../../../plugin/generated-marker';

/** A file the generator will write once every check of the run has passed. */
export interface FileChange {
  path: string;
  content: string;
}

/**
 * The change that writes a generated `#`-commented file, or undefined when the file already holds
 * exactly that (line endings and the final newline aside, so an editor's or git's CRLF causes no
 * churn). Throws, naming the file and both ways forward, when the file was edited by hand or never
 * written by us, unless `force` (or, with `onKeptEdit`, keeps it and reports it). Writes nothing: the
 * caller writes only after every check passed.
 */
export function guardGeneratedFile(
  tree: Tree,
  path: string,
  text: string,
  project: string,
  force: boolean,
  onKeptEdit?: (path: string) => void,
): FileChange | undefined {
  const content = stampGenerated(text);
  const existing = tree.exists(path) ? (tree.read(path, 'utf-8') ?? '') : undefined;
  if (existing !== undefined && sameGenerated(existing, content)) return undefined;
  if (existing !== undefined && !force) {
    const state = readGeneratedState(existing);
    // The sync generator keeps a hand-edited (or foreign) file and reports it instead of failing.
    if (onKeptEdit && state !== 'generated') {
      onKeptEdit(path);
      return undefined;
    }
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
  return { path, content };
}

/** Kept for callers of the old name: checks, then writes at once. */
export function writeGuardedFile(tree: Tree, path: string, text: string, project: string, force: boolean): void {
  const change = guardGeneratedFile(tree, path, text, project, force);
  if (change) tree.write(change.path, change.content);
}
