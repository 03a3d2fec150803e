import type { FsView } from '../../fs-view';
import type { SystemPackages } from '../../plan/system-packages';

/** A package that builds or loads a native addon, and what it needs. */
export interface NativeModule {
  name: string;
  /** Its prebuilt binary comes from GitHub releases or it compiles on install: the build stage needs a C toolchain. */
  compiles: boolean;
  /** Where it was found: `package-lock.json (hasInstallScript)` or `known native package`. */
  source: string;
  /** Reachable from the production packages, so it is loaded in the runtime image (glibc-bound). */
  runtime: boolean;
  /** Debian packages it links against beyond the C toolchain (sharp < 0.33: libvips). */
  system?: { build: string[]; runtime: string[] };
}

/**
 * Modules that link a system library when they compile, by version: sharp before 0.33 fetched a
 * prebuilt libvips from GitHub and otherwise builds against the system's (libvips-dev to build,
 * libvips42 to run); from 0.33 libvips ships in `@img/sharp-libvips-*` npm packages (sharp docs,
 * "Installation").
 */
function toSystemNeeds(
  name: string,
  version: string | undefined,
): Pick<NativeModule, 'compiles' | 'system'> | undefined {
  if (name !== 'sharp' || !version) return undefined;
  const [major, minor] = version.split('.').map(Number);
  if (major > 0 || minor >= 33) return undefined;
  return { compiles: true, system: { build: ['libvips-dev', 'pkg-config'], runtime: ['libvips42'] } };
}

/** Build-stage toolchain for node-gyp (Python, make, a C++ compiler): Debian bookworm names. */
export const NODE_GYP_TOOLCHAIN = ['g++', 'make', 'python3'];

/**
 * Known native packages (for lockfiles that do not record install scripts): whether they compile
 * when no prebuilt binary can be fetched. sharp ≥ 0.33 and argon2 ship their binaries inside npm
 * packages (no compile, but glibc-bound); better-sqlite3, sqlite3 and bcrypt fetch prebuilds from
 * GitHub releases with prebuild-install/node-pre-gyp and compile with node-gyp otherwise.
 */
const KNOWN: Record<string, boolean> = {
  'better-sqlite3': true,
  sqlite3: true,
  bcrypt: true,
  canvas: true,
  'node-pty': true,
  argon2: false,
  sharp: false,
  '@node-rs/argon2': false,
  '@node-rs/bcrypt': false,
};

/** Dependencies that mean "this install script downloads a prebuilt addon or runs node-gyp". */
const COMPILE_HELPERS = ['prebuild-install', 'node-pre-gyp', '@mapbox/node-pre-gyp', 'node-gyp', 'nan'];
/** Dependencies that mean "this package loads a native addon" (glibc-bound) without compiling here. */
const ADDON_LOADERS = ['node-gyp-build', 'bindings', 'node-addon-api'];

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  dev?: boolean;
}

/**
 * Native modules among the packages the project uses and their dependencies. With an npm
 * lockfile (v2/v3 `packages`): every package reachable from `roots` whose entry has
 * `hasInstallScript` and depends on a compile helper or addon loader (npm records install
 * scripts and binding.gyp builds as `hasInstallScript`), plus the known table. Other lockfiles:
 * the known table on the direct packages. `roots` are what the image's install builds (dev
 * included); `runtimeRoots` the production packages (what the runtime loads). Sorted by name.
 */
export function detectNativeModules(input: {
  fs: FsView;
  lockfile?: string;
  roots: string[];
  runtimeRoots: string[];
}): NativeModule[] {
  const entries = input.lockfile?.endsWith('package-lock.json') ? readLockEntries(input.fs, input.lockfile) : undefined;
  const reachable = entries ? walk(entries, input.roots) : new Set(input.roots);
  const atRuntime = entries ? walk(entries, input.runtimeRoots) : new Set(input.runtimeRoots);
  const found = new Map<string, NativeModule>();
  for (const name of reachable) {
    const runtime = atRuntime.has(name);
    if (name in KNOWN) {
      const needs = toSystemNeeds(name, entries?.get(name)?.version);
      found.set(name, { name, compiles: KNOWN[name], source: 'known native package', runtime, ...needs });
    }
    const entry = entries?.get(name);
    if (!entry?.hasInstallScript || found.has(name)) continue;
    const deps = Object.keys({ ...entry.dependencies, ...entry.optionalDependencies });
    const compiles = deps.some((dep) => COMPILE_HELPERS.includes(dep));
    if (compiles || deps.some((dep) => ADDON_LOADERS.includes(dep))) {
      const helpers = deps.filter((dep) => [...COMPILE_HELPERS, ...ADDON_LOADERS].includes(dep)).join(', ');
      found.set(name, { name, compiles, source: `${input.lockfile} (install script + ${helpers})`, runtime });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * System packages for the native modules found: the node-gyp toolchain (and any library headers)
 * in the build stages only; the shared libraries they link in the runtime.
 */
export function toNativeSystemPackages(modules: NativeModule[]): SystemPackages | undefined {
  const compiling = modules.filter((module) => module.compiles).map((module) => module.name);
  if (compiling.length === 0) return undefined;
  return {
    build: [...NODE_GYP_TOOLCHAIN, ...modules.flatMap((module) => module.system?.build ?? [])],
    runtime: modules.filter((module) => module.runtime).flatMap((module) => module.system?.runtime ?? []),
    reason: `${compiling.join(', ')} compile${compiling.length === 1 ? 's' : ''} with node-gyp when no prebuilt binary can be fetched (prebuilds come from GitHub releases)`,
  };
}

/** name → entry, the hoisted `node_modules/<name>` first (what a top-level require resolves). */
function readLockEntries(fs: FsView, lockfile: string): Map<string, LockEntry> | undefined {
  let packages: Record<string, LockEntry> | undefined;
  try {
    packages = JSON.parse(fs.read(lockfile) ?? '{}').packages;
  } catch {
    return undefined;
  }
  const entries = new Map<string, LockEntry>();
  for (const [path, entry] of Object.entries(packages ?? {})) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const name = path.slice(at + 'node_modules/'.length);
    const hoisted = path === `node_modules/${name}`;
    if (hoisted || !entries.has(name)) entries.set(name, entry);
  }
  return entries;
}

function walk(entries: Map<string, LockEntry>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const entry = entries.get(name);
    queue.push(...Object.keys({ ...entry?.dependencies, ...entry?.optionalDependencies }));
  }
  return seen;
}
