import type { FsView } from '../../fs-view';
import type { NodePackageManager, Sourced } from '../../types';
import { createDetectError } from '../../detect/create-detect-error';
import type { PackageJson } from '../../detect/detect-input';
import { detectYarnVersion } from './detect-yarn-version';
import { findLockfiles, type FoundLockfile } from './find-lockfiles';
import { parsePackageManagerField } from './parse-package-manager-field';

export interface PackageManagerFacts {
  packageManager: Sourced<NodePackageManager>;
  packageManagerVersion?: Sourced<string>;
  lockfile: string;
}

interface Context {
  fs: FsView;
  project: string;
  rootPackageJson?: PackageJson;
  lockfiles: FoundLockfile[];
}

interface Candidate {
  manager: NodePackageManager;
  source: string;
  version?: Sourced<string>;
}

/** The lockfile each manager writes, and the command that writes it (for error fixes). */
const LOCKFILE_OF: Record<NodePackageManager, string> = {
  npm: 'package-lock.json',
  pnpm: 'pnpm-lock.yaml',
  'yarn-classic': 'yarn.lock',
  'yarn-berry': 'yarn.lock',
  bun: 'bun.lock',
};

/**
 * Tried in order; the first answer wins (the nypm way).
 * 1. `packageManager` — Corepack enforces it, so it is the declared truth; it also settles
 *    a workspace that carries two lockfiles.
 * 2. The lockfile — what a frozen install really reads; two managers' lockfiles are ambiguous.
 * 3. `engines.<pm>` — only names a tool; reached only without any lockfile, where it words
 *    the "commit a lockfile" error.
 */
const SOURCES: ((context: Context) => Candidate | undefined)[] = [
  detectFromPackageManagerField,
  detectFromLockfiles,
  detectFromEngines,
];

/** Which package manager installs this workspace, its exact version, and its lockfile. */
export function detectPackageManager(input: {
  fs: FsView;
  project: string;
  rootPackageJson?: PackageJson;
}): PackageManagerFacts {
  const context: Context = { ...input, lockfiles: findLockfiles(input.fs) };
  let candidate: Candidate | undefined;
  for (const source of SOURCES) {
    candidate = source(context);
    if (candidate) break;
  }
  // npm ships with Node, so it is the manager a workspace without any hint would use.
  const chosen = candidate ?? { manager: 'npm', source: 'default (no packageManager, lockfile or engines)' };
  const lockfile = resolveLockfile(chosen, context);
  const version =
    chosen.version ?? (chosen.manager === 'yarn-berry' ? detectYarnVersion(input.fs, input.project) : undefined);
  return {
    packageManager: { value: chosen.manager, source: chosen.source },
    ...(version && { packageManagerVersion: version }),
    lockfile,
  };
}

function detectFromPackageManagerField({ rootPackageJson, project }: Context): Candidate | undefined {
  const field = rootPackageJson?.packageManager;
  if (typeof field !== 'string') return undefined;
  const { manager, version } = parsePackageManagerField(field, project);
  const source = 'package.json#packageManager';
  return { manager, source, version: { value: version, source } };
}

function detectFromLockfiles({ lockfiles, project }: Context): Candidate | undefined {
  const managers = [...new Set(lockfiles.map((lockfile) => lockfile.manager))];
  if (managers.length > 1) {
    const files = lockfiles.map((lockfile) => lockfile.file).join(' and ');
    throw createDetectError({
      project,
      file: files,
      problem: `lockfiles of different package managers (${managers.join(', ')}) at the workspace root`,
      fix: `delete the lockfile you do not use, or set "packageManager" in package.json (e.g. "pnpm@9.12.0") to choose`,
    });
  }
  return lockfiles[0] && { manager: lockfiles[0].manager, source: lockfiles[0].file };
}

/** pnpm, yarn and bun before npm: `engines.npm` is often pinned by teams that use another tool. */
const ENGINE_KEYS = ['pnpm', 'yarn', 'bun', 'npm'] as const;

function detectFromEngines({ rootPackageJson }: Context): Candidate | undefined {
  const engines = rootPackageJson?.engines ?? {};
  const key = ENGINE_KEYS.find((name) => typeof engines[name] === 'string');
  if (!key) return undefined;
  const source = `package.json#engines.${key}`;
  if (key !== 'yarn') return { manager: key, source };
  // Only the major matters: 1 is classic, anything later is berry.
  const major = /\d+/.exec(engines.yarn)?.[0];
  return { manager: major === '1' ? 'yarn-classic' : 'yarn-berry', source };
}

/** The chosen manager's lockfile; frozen installs are an invariant, so it must exist. */
function resolveLockfile(candidate: Candidate, { lockfiles, project }: Context): string {
  const family = (manager: NodePackageManager) => LOCKFILE_OF[manager];
  const matching = lockfiles.find((lockfile) => family(lockfile.manager) === family(candidate.manager));
  if (matching) return matching.file;
  const expected = LOCKFILE_OF[candidate.manager];
  const tool = toToolName(candidate.manager);
  if (lockfiles.length > 0) {
    const found = lockfiles.map((lockfile) => lockfile.file).join(' and ');
    throw createDetectError({
      project,
      file: candidate.source.split('#')[0],
      problem: `${candidate.source} says ${tool} but the workspace root has ${found}, not ${expected}`,
      fix: `run \`${tool} install\`, commit ${expected} and delete ${found}; or change "packageManager" to the manager that wrote ${found}`,
    });
  }
  throw createDetectError({
    project,
    file: expected,
    problem: `no lockfile at the workspace root (${tool} from ${candidate.source}), and a frozen install needs one`,
    fix: `run \`${tool} install\` and commit ${expected}`,
  });
}

function toToolName(manager: NodePackageManager): string {
  return manager.startsWith('yarn') ? 'yarn' : manager;
}
