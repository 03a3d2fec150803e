import { posix } from 'node:path';
import type { FsView } from '../../fs-view';
import { createDetectError } from '../../detect/create-detect-error';
import { readPackageJson } from './read-package-json';

/** Dependency fields an install reads (npm docs "package.json"; pnpm `pnpm.overrides`; yarn `resolutions`). */
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'overrides', 'resolutions'];

/**
 * A local path spec: `file:`, `link:` and `portal:` (npm, pnpm, yarn), or a bare path npm reads
 * as `file:` (`./x.tgz`, `../x`, `/abs`, `~/x`). Returns the path part, or undefined.
 */
export function toLocalPath(spec: string): string | undefined {
  const prefixed = /^(?:file|link|portal):(.*)$/.exec(spec);
  if (prefixed) return prefixed[1].replace(/^\/\/(?=\/)/, '');
  return /^(\.{1,2}\/|\/|~\/)/.test(spec) ? spec : undefined;
}

/** Every `[name, spec]` of a manifest's dependency fields, nested npm `overrides` flattened. */
function listSpecs(manifest: Record<string, unknown>): [string, string][] {
  const pnpmOverrides = (manifest.pnpm as { overrides?: unknown } | undefined)?.overrides;
  const fields = [...DEPENDENCY_FIELDS.map((field) => manifest[field]), pnpmOverrides];
  const walk = (value: unknown): [string, string][] =>
    value && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>).flatMap(([name, spec]) =>
          typeof spec === 'string' ? [[name, spec] as [string, string]] : walk(spec),
        )
      : [];
  return fields.flatMap(walk);
}

export interface LocalDependencyInput {
  fs: FsView;
  project: string;
  /** Workspace-relative folders whose package.json the install reads (`.` for the root). */
  manifestDirs: string[];
  /** Nx project roots: a local dependency on one is a workspace package, handled as such. */
  projectRoots: string[];
}

/**
 * Local dependencies (`file:`/`link:` tarballs and folders) of the manifests the install reads,
 * workspace-relative: a tarball as a file path, a folder with a trailing slash, so they enter the
 * context and are copied before the install (README's install path writes
 * `"nx-dockerize": "file:tools/nx-dockerize-0.1.0.tgz"`). Workspace packages (Nx project roots)
 * are left to the workspace machinery. Throws an Error naming the manifest, the dependency and the
 * fix for a path outside the workspace (the image has only the context) or one that does not exist.
 */
export function detectLocalDependencies(input: LocalDependencyInput): string[] {
  const { fs, project } = input;
  const found = new Set<string>();
  for (const dir of [...new Set(input.manifestDirs)]) {
    const manifestPath = dir === '.' ? 'package.json' : `${dir}/package.json`;
    const manifest = readPackageJson(fs, manifestPath, project) as Record<string, unknown> | undefined;
    for (const [name, spec] of listSpecs(manifest ?? {})) {
      const local = toLocalPath(spec);
      if (local === undefined) continue;
      const path = posix.normalize(posix.join(dir, local)).replace(/\/+$/, '');
      const problem = (what: string) =>
        createDetectError({
          project,
          file: manifestPath,
          problem: `dependency "${name}": "${spec}" ${what}; the image build sees only the workspace (its build context), so the install cannot find it`,
          fix: `move the tarball or folder into the workspace (e.g. tools/), then reinstall it from there (e.g. \`npm i -D ./tools/<file>.tgz\`), so ${manifestPath} points inside the workspace`,
        });
      if (local.startsWith('/') || local.startsWith('~') || path === '..' || path.startsWith('../'))
        throw problem('points outside the workspace root');
      if (path === '.' || input.projectRoots.includes(path)) continue;
      if (!fs.exists(path)) throw problem(`names ${path}, which does not exist`);
      found.add(fs.read(path) === undefined ? `${path}/` : path);
    }
  }
  return [...found].sort();
}
