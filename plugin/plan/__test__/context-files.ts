import dockerignore from '@balena/dockerignore';
import type { Tree } from '@nx/devkit';

/**
 * The files BuildKit would send for a build context whose `<Dockerfile>.dockerignore` holds `ignoreText`,
 * by a real dockerignore matcher (@balena/dockerignore: moby's pattern rules, last match wins, a
 * folder's match covers its contents; cross-checked against moby/patternmatcher, BuildKit's own).
 * `files` are context-relative POSIX paths.
 */
export function toContextFiles(ignoreText: string, files: string[]): string[] {
  const patterns = ignoreText.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const matcher = dockerignore({ ignorecase: false }).add(patterns);
  return files.filter((file) => !matcher.ignores(file)).sort();
}

/** Every file of a Tree, workspace-relative, sorted. */
export function listTreeFiles(tree: Tree, dir = ''): string[] {
  return tree
    .children(dir)
    .flatMap((name) => {
      const path = dir ? `${dir}/${name}` : name;
      return tree.isFile(path) ? [path] : listTreeFiles(tree, path);
    })
    .sort();
}
