import { parse } from 'yaml';
import type { FsView } from '../../fs-view';
import type { NodePackageManager } from '../../types';
import type { PackageJson } from '../../detect/detect-input';
import { nodePackageManagers } from './node-package-managers';
import { readYarnPath } from './detect-yarn-version';

export interface InstallInputs {
  /** Present root files, and folders with a trailing slash (`patches/`, `.yarn/plugins/`). */
  installInputs: string[];
  yarnPath?: string;
  rootLifecycleScripts: string[];
  /** A root lifecycle script runs patch-package: the production install must run it too. */
  patchPackage: boolean;
}

/** The lifecycle scripts npm, pnpm and yarn 1 run for the root package on install (npm docs, "scripts"). */
const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];

/**
 * Everything an install reads besides the manifests and the lockfile, so it enters before the
 * install: the manager's config files and folders (recipe table), the Yarn release `yarnPath`
 * names, and pnpm's `patchedDependencies` files (package.json `pnpm` field or pnpm-workspace.yaml).
 */
export function detectInstallInputs(
  fs: FsView,
  manager: NodePackageManager,
  rootPackageJson?: PackageJson,
  project = '',
): InstallInputs {
  const inputs = nodePackageManagers[manager].installInputs
    .filter((path) => fs.exists(path))
    .map((path) => (fs.read(path) === undefined ? `${path}/` : path));
  const yarnPath = manager === 'yarn-berry' ? readYarnPath(fs.read('.yarnrc.yml'), project) : undefined;
  const patchDirs = manager === 'pnpm' ? listPnpmPatchDirs(fs, rootPackageJson) : [];
  const extra = [...patchDirs, ...(yarnPath && !inputs.some((input) => yarnPath.startsWith(input)) ? [yarnPath] : [])];
  const scripts = (rootPackageJson as { scripts?: Record<string, string> } | undefined)?.scripts ?? {};
  return {
    installInputs: [...new Set([...inputs, ...extra.filter((path) => fs.exists(path.replace(/\/$/, '')))])],
    ...(yarnPath && { yarnPath }),
    rootLifecycleScripts: LIFECYCLE.filter((name) => typeof scripts[name] === 'string'),
    patchPackage: LIFECYCLE.some((name) => /\bpatch-package\b/.test(scripts[name] ?? '')),
  };
}

/** Folders of pnpm patch files, e.g. `patches/` for `"express@4.21.2": "patches/express@4.21.2.patch"`. */
function listPnpmPatchDirs(fs: FsView, rootPackageJson?: PackageJson): string[] {
  const fromManifest =
    (rootPackageJson as { pnpm?: { patchedDependencies?: Record<string, string> } } | undefined)?.pnpm
      ?.patchedDependencies ?? {};
  let fromWorkspace: Record<string, string> = {};
  try {
    const config = parse(fs.read('pnpm-workspace.yaml') ?? '') as {
      patchedDependencies?: Record<string, string>;
    } | null;
    fromWorkspace = config?.patchedDependencies ?? {};
  } catch {
    // An unreadable pnpm-workspace.yaml fails pnpm itself with a clearer message.
  }
  return [...Object.values(fromManifest), ...Object.values(fromWorkspace)]
    .filter((path): path is string => typeof path === 'string')
    .map((path) => (path.includes('/') ? `${path.slice(0, path.indexOf('/'))}/` : path));
}
