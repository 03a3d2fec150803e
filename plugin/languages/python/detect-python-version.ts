import type { FsView } from '../../fs-view';
import type { Sourced } from '../../types';
import versions from '../../versions.json';
import { joinPath } from '../../detect/join-path';
import type { PyProject } from './read-pyproject';

/** `3.12.1`, `3.12`, `cpython@3.12` → `3.12`. */
function toMinor(text: string): string | undefined {
  return /(\d+)\.(\d+)/.exec(text)?.slice(1, 3).join('.');
}

/**
 * Python major.minor, in precedence order: `.python-version` (project, then workspace root; the file
 * uv and pyenv read) → the lower bound of `requires-python` (`>=3.11`, `~=3.12`, `==3.11.*`) →
 * versions.json. The lower bound is the version the project promises to support.
 */
export function detectPythonVersion(fs: FsView, projectRoot: string, pyproject: PyProject | undefined): Sourced<string> {
  for (const file of [joinPath(projectRoot, '.python-version'), '.python-version']) {
    const line = (fs.read(file) ?? '').split('\n').map((text) => text.trim()).find((text) => text && !text.startsWith('#'));
    const minor = line ? toMinor(line) : undefined;
    if (minor) return { value: minor, source: file };
  }
  const requires = pyproject?.project?.['requires-python'];
  const lower = requires ? /(?:>=|~=|==|\^)\s*(\d+\.\d+)/.exec(requires) : null;
  if (lower) return { value: lower[1], source: `${joinPath(projectRoot, 'pyproject.toml')}#project.requires-python (${requires})` };
  return { value: versions.python.defaultMinor, source: 'default (versions.json python.defaultMinor)' };
}
