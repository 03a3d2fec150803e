import { satisfies, validRange } from '@renovatebot/pep440';
import semver from 'semver';
import type { FsView } from '../../fs-view';
import type { Sourced } from '../../types';
import versions from '../../versions.json';
import { joinPath } from '../../detect/join-path';
import { checkToolchainOption, pickNewest, toSemver } from '../../detect/toolchain-policy';
import type { PyProject } from './read-pyproject';

/** `3.12.1`, `3.12`, `cpython@3.12` → `3.12`. */
function toMinor(text: string): string | undefined {
  return /(\d+)\.(\d+)/.exec(text)?.slice(1, 3).join('.');
}

/** Does any release of `minor` (patch 0 to 30) satisfy the PEP 440 specifier set? */
function allowsMinor(specifier: string, minor: string): boolean {
  return Array.from({ length: 31 }, (_, patch) => `${minor}.${patch}`).some((version) => satisfies(version, specifier));
}

const newestSupported = () => pickNewest(versions.python.supported, () => true)!;

/**
 * Python major.minor (versions.json python.$policy), in precedence order:
 * 1. the `pythonVersion` option (an image must exist: oldestImage ≤ it ≤ the newest supported);
 * 2. `.python-version` (project, then workspace root; the file uv and pyenv read);
 * 3. the newest supported release that `requires-python` allows (a real PEP 440 evaluation:
 *    `>=3.11` → the newest, `>=3.10,<3.13` → 3.12, `~=3.11.4` → 3.11); a range no supported release
 *    satisfies falls back to its lower bound;
 * 4. versions.json python.defaultMinor.
 */
export function detectPythonVersion(
  fs: FsView,
  projectRoot: string,
  pyproject: PyProject | undefined,
  options: { project?: string; pythonVersion?: string } = {},
): Sourced<string> {
  if (options.pythonVersion) {
    return checkToolchainOption({
      project: options.project ?? projectRoot,
      option: 'pythonVersion',
      value: options.pythonVersion,
      language: 'python',
      normalise: (value) => (/^\d+\.\d+$/.test(value) ? value : undefined),
      allowed: (version) =>
        semver.gte(toSemver(version)!, toSemver(versions.python.oldestImage)!) &&
        semver.lte(toSemver(version)!, toSemver(newestSupported())!),
      exists: `${versions.python.oldestImage} to ${newestSupported()}`,
    });
  }
  for (const file of [joinPath(projectRoot, '.python-version'), '.python-version']) {
    const line = (fs.read(file) ?? '')
      .split('\n')
      .map((text) => text.trim())
      .find((text) => text && !text.startsWith('#'));
    const minor = line ? toMinor(line) : undefined;
    if (minor) return { value: minor, source: file };
  }
  const requires = pyproject?.project?.['requires-python'];
  const source = `${joinPath(projectRoot, 'pyproject.toml')}#project.requires-python (${requires})`;
  if (requires && validRange(requires)) {
    const newest = pickNewest(versions.python.supported, (minor) => allowsMinor(requires, minor));
    if (newest) return { value: newest, source: `${source}: the newest supported Python it allows` };
  }
  const lower = requires ? /(?:>=|~=|==|\^)\s*(\d+\.\d+)/.exec(requires) : null;
  if (lower) return { value: lower[1], source: `${source}: its lower bound (no supported release satisfies it)` };
  return { value: versions.python.defaultMinor, source: 'default (versions.json python.defaultMinor)' };
}
