import { parse } from 'smol-toml';
import type { FsView } from '../../fs-view';
import { createDetectError } from '../../detect/create-detect-error';

/** A pyproject.toml as far as detection reads it (PEP 621 `[project]`, `[build-system]`, Poetry's table). */
export interface PyProject {
  project?: {
    name?: string;
    'requires-python'?: string;
    dependencies?: string[];
    scripts?: Record<string, string>;
  };
  'build-system'?: { 'build-backend'?: string; requires?: string[] };
  tool?: {
    poetry?: {
      name?: string;
      dependencies?: Record<string, unknown>;
      scripts?: Record<string, unknown>;
      'package-mode'?: boolean;
    };
  };
}

/** Parses `file` when it exists; a syntax error names the project, the file and the fix. */
export function readPyproject(fs: FsView, file: string, project: string): PyProject | undefined {
  const text = fs.read(file);
  if (text === undefined) return undefined;
  try {
    return parse(text) as PyProject;
  } catch (error) {
    throw createDetectError({
      project,
      file,
      problem: `is not valid TOML (${(error as Error).message.split('\n')[0]})`,
      fix: 'correct the file (uv, pip and poetry would reject it too)',
    });
  }
}

/** Normalised names of the distributions a project depends on (PEP 503: lower case, `-`). */
export function listPythonDependencies(pyproject: PyProject | undefined, requirements?: string): string[] {
  const fromPep621 = pyproject?.project?.dependencies ?? [];
  const fromPoetry = Object.keys(pyproject?.tool?.poetry?.dependencies ?? {}).filter((name) => name !== 'python');
  const fromRequirements = (requirements ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[A-Za-z0-9]/.test(line));
  return [...fromPep621, ...fromPoetry, ...fromRequirements]
    .map((spec) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0] ?? '')
    .filter(Boolean)
    .map((name) => name.toLowerCase().replace(/[._]+/g, '-'));
}
