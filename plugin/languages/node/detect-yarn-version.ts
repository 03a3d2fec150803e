import { parse } from 'yaml';
import type { FsView } from '../../fs-view';
import type { Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';

const YARNRC = '.yarnrc.yml';

/**
 * Yarn Berry pins itself with `yarnPath: .yarn/releases/yarn-4.5.0.cjs` in `.yarnrc.yml`;
 * used when the packageManager field does not already say the version.
 */
export function detectYarnVersion(fs: FsView, project: string): Sourced<string> | undefined {
  const text = fs.read(YARNRC);
  if (text === undefined) return undefined;
  const yarnPath = readYarnPath(text, project);
  const version = yarnPath && /yarn-(\d+\.\d+\.\d+[-.\w]*?)\.c?js$/.exec(yarnPath)?.[1];
  return version ? { value: version, source: `${YARNRC}#yarnPath` } : undefined;
}

/** `.yarnrc.yml#yarnPath` (workspace-relative, `./` dropped), or undefined without the file or the key. */
export function readYarnPath(text: string | undefined, project: string): string | undefined {
  if (text === undefined) return undefined;
  try {
    const config: unknown = parse(text);
    const yarnPath = (config as { yarnPath?: unknown } | null)?.yarnPath;
    return typeof yarnPath === 'string' ? yarnPath.replace(/^\.\//, '') : undefined;
  } catch (error) {
    throw createDetectError({
      project,
      file: YARNRC,
      problem: `is not valid YAML (${(error as Error).message.split('\n')[0]})`,
      fix: `correct ${YARNRC} or delete it`,
    });
  }
}
