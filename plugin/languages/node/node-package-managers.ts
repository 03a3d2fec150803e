import type { NodePackageManager } from '../../types';

/** What the Node recipe needs to know about one package manager, as data. */
export interface PackageManagerRecipe {
  /** Lockfile name when the profile names none. */
  lockfile: string;
  /** Root config files copied with the manifests when present (optional: copied through a glob). */
  optionalRootFiles: string[];
  /** The directory the tool really caches downloads in; pinned by `env` and mounted as a cache. */
  cacheDir: string;
  env: Record<string, string>;
  /** Frozen install of every dependency (deps stage) and of production ones only (prod-deps). */
  install: string[];
  prodInstall: string[];
  /** Activated through corepack (`corepack prepare <tool>@<version> --activate`). */
  corepackTool?: 'pnpm' | 'yarn';
  /** Image family for the base/deps/build stages when Node's own image cannot run the tool. */
  baseImage?: string;
  /** Whether the lockfile can be pruned to the project's workspaces (npm only, for now). */
  prunable: boolean;
}

const PNPM_STORE = '/root/.local/share/pnpm/store';
const YARN_BERRY_CACHE = '/root/.yarn/berry/cache';

export const nodePackageManagers: Record<NodePackageManager, PackageManagerRecipe> = {
  npm: {
    lockfile: 'package-lock.json',
    optionalRootFiles: [],
    cacheDir: '/root/.npm',
    // npm_config_cache pins the directory the cache mount targets; the rest silences network chatter.
    env: { npm_config_cache: '/root/.npm', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
    install: ['npm', 'ci'],
    prodInstall: ['npm', 'ci', '--omit=dev'],
    prunable: true,
  },
  pnpm: {
    lockfile: 'pnpm-lock.yaml',
    optionalRootFiles: ['pnpm-workspace.yaml'],
    cacheDir: PNPM_STORE,
    // pnpm reads npm_config_* settings; store-dir is otherwise derived from XDG_DATA_HOME.
    env: { npm_config_store_dir: PNPM_STORE, npm_config_update_notifier: 'false' },
    install: ['pnpm', 'install', '--frozen-lockfile'],
    prodInstall: ['pnpm', 'install', '--frozen-lockfile', '--prod'],
    corepackTool: 'pnpm',
    prunable: false,
  },
  'yarn-classic': {
    lockfile: 'yarn.lock',
    optionalRootFiles: [],
    // Yarn 1's default cache folder for root on Linux, pinned so the mount cannot drift from it.
    cacheDir: '/usr/local/share/.cache/yarn',
    env: { YARN_CACHE_FOLDER: '/usr/local/share/.cache/yarn' },
    install: ['yarn', 'install', '--frozen-lockfile'],
    prodInstall: ['yarn', 'install', '--frozen-lockfile', '--production'],
    prunable: false,
  },
  'yarn-berry': {
    lockfile: 'yarn.lock',
    optionalRootFiles: ['.yarnrc.yml'],
    cacheDir: YARN_BERRY_CACHE,
    env: {
      YARN_ENABLE_GLOBAL_CACHE: 'false',
      YARN_CACHE_FOLDER: YARN_BERRY_CACHE,
      // The runtime stage copies node_modules; Plug'n'Play would leave none to copy.
      YARN_NODE_LINKER: 'node-modules',
      // `workspaces focus` has no --immutable flag; this makes it refuse lockfile changes too.
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'true',
      YARN_ENABLE_TELEMETRY: 'false',
    },
    install: ['yarn', 'install', '--immutable'],
    prodInstall: ['yarn', 'workspaces', 'focus', '--all', '--production'],
    corepackTool: 'yarn',
    prunable: false,
  },
  bun: {
    lockfile: 'bun.lock',
    optionalRootFiles: [],
    cacheDir: '/root/.bun/install/cache',
    env: { BUN_INSTALL_CACHE_DIR: '/root/.bun/install/cache' },
    install: ['bun', 'install', '--frozen-lockfile'],
    prodInstall: ['bun', 'install', '--frozen-lockfile', '--production'],
    baseImage: 'oven/bun',
    prunable: false,
  },
};
