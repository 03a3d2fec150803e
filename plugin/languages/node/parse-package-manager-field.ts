import type { NodePackageManager } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';

/**
 * Reads Corepack's `packageManager` field, e.g. `pnpm@9.12.0+sha512.abc` → pnpm 9.12.0.
 * Yarn 1 is "classic"; Yarn 2+ is "berry" (different lockfile, install flags and cache).
 */
export function parsePackageManagerField(
  value: string,
  project: string,
): { manager: NodePackageManager; version: string } {
  const match = /^(npm|pnpm|yarn|bun)@(\d+)\.(\d+)\.(\d+)([-.\w]*)(?:\+.*)?$/.exec(value.trim());
  if (!match) {
    throw createDetectError({
      project,
      file: 'package.json',
      problem: `packageManager "${value}" is not <npm|pnpm|yarn|bun>@<exact version>`,
      fix: 'set it by hand to an exact version, e.g. "pnpm@9.12.0" (`npm pkg set packageManager=pnpm@9.12.0` writes it; the version `pnpm --version` prints)',
    });
  }
  const [, name, major, minor, patch, prerelease] = match;
  const version = `${major}.${minor}.${patch}${prerelease}`;
  if (name === 'yarn') return { manager: major === '1' ? 'yarn-classic' : 'yarn-berry', version };
  return { manager: name as NodePackageManager, version };
}
