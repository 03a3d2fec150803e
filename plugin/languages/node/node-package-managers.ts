import type { NodePackageManager } from '../../types';

/**
 * What the Node recipe needs to know about one package manager, as data. Facts checked by
 * running each tool (pnpm 10.34.8, yarn 1.22.22, yarn 4.18.1, npm 10.9.9) on a copy of a
 * workspace holding only the project's manifests (e2e/fixtures/*), Nov 2026.
 */
export interface PackageManagerRecipe {
  /** Lockfile name when the profile names none. */
  lockfile: string;
  /**
   * Root files and folders every install reads (config, release, plugins, patches), entering
   * with the manifests when present. Secrets never belong in them: see README (npmrc secret).
   */
  installInputs: string[];
  /** The directory the tool really caches downloads in; pinned by `env` and mounted as a cache. */
  cacheDir: string;
  env: Record<string, string>;
  /** Frozen install of every dependency (deps stage) and of production ones only (prod-deps). */
  install: string[];
  prodInstall: string[];
  /**
   * The npm package that provides the tool, installed with `npm install --global <pkg>@<version>`
   * (corepack fails signature checks behind re-signing proxies and is gone from Node 25).
   * npm itself ships with Node. Yarn Berry with a `yarnPath` release uses that file instead.
   */
  npmPackage?: string;
  /**
   * The production install when the root package.json has lifecycle scripts (`"prepare": "husky"`):
   * those are dev hooks whose tools are devDependencies, absent from a production install, so
   * `npm ci --omit=dev` exits 127 (checked with husky 9.1.7). Root scripts are skipped and the
   * dependencies' own install scripts still run (`rebuild` builds dependencies, not the root).
   * Undefined: the manager does not run root lifecycle scripts on this install (yarn berry's
   * focus), or has no safe way to skip only them (see `rootScriptsNote`).
   */
  prodInstallWithoutRootScripts?: string[];
  /** Said in the header when the root has lifecycle scripts and `prodInstallWithoutRootScripts` is undefined. */
  rootScriptsNote?: string;
  /**
   * Prunes the lockfile in place to the manifests present (root + the project's workspaces), with
   * the tool itself and without network, so another project's dependency change leaves the
   * install layer's input bytes unchanged for a workspace package (an Nx integrated app has no
   * workspace: its slice is the whole root manifest). `script` = a plugin-shipped heredoc script.
   * Undefined: the whole root lockfile is the install's input.
   */
  prune?: { command: string[]; script?: string; cacheDir?: string; tool?: string };
  /** Why the install is keyed on the whole lockfile, for the Dockerfile header (when `prune` is undefined). */
  notPrunedBecause?: string;
}

const PNPM_STORE = '/root/.local/share/pnpm/store';
const PNPM_CACHE = '/root/.cache/pnpm';
const YARN_BERRY_CACHE = '/root/.yarn/berry/cache';
const NPM_CACHE = '/root/.npm';

export const nodePackageManagers: Record<NodePackageManager, PackageManagerRecipe> = {
  npm: {
    lockfile: 'package-lock.json',
    installInputs: ['.npmrc', 'patches'],
    cacheDir: NPM_CACHE,
    // npm_config_cache pins the directory the cache mount targets; the rest silences network chatter.
    env: {
      npm_config_cache: NPM_CACHE,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    },
    install: ['npm', 'ci'],
    prodInstall: ['npm', 'ci', '--omit=dev'],
    prodInstallWithoutRootScripts: ['/bin/sh', '-c', 'npm ci --omit=dev --ignore-scripts && npm rebuild'],
    prune: { command: ['node', '-', '--out=.'], script: 'prune-npm-workspaces' },
  },
  pnpm: {
    lockfile: 'pnpm-lock.yaml',
    installInputs: ['pnpm-workspace.yaml', '.npmrc', '.pnpmfile.cjs', 'patches'],
    cacheDir: PNPM_STORE,
    // pnpm reads npm_config_* settings; store-dir is otherwise derived from XDG_DATA_HOME.
    // npm_config_cache_dir pins pnpm's metadata cache, which the lockfile pruning step mounts.
    env: { npm_config_store_dir: PNPM_STORE, npm_config_cache_dir: PNPM_CACHE, npm_config_update_notifier: 'false' },
    install: ['pnpm', 'install', '--frozen-lockfile'],
    // With only the project's manifests present, the root and those workspaces are all that install.
    prodInstall: ['pnpm', 'install', '--frozen-lockfile', '--prod'],
    prodInstallWithoutRootScripts: [
      '/bin/sh',
      '-c',
      'pnpm install --frozen-lockfile --prod --ignore-scripts && pnpm rebuild',
    ],
    npmPackage: 'pnpm',
    // pnpm drops the importers and packages of absent workspaces and keeps every locked version;
    // it reads registry metadata to do so (--offline fails with an empty metadata cache), so the
    // step mounts that cache and may reach the registry. Same bytes as an offline run (checked).
    prune: { command: ['pnpm', 'install', '--lockfile-only', '--prefer-offline'], cacheDir: PNPM_CACHE },
  },
  'yarn-classic': {
    lockfile: 'yarn.lock',
    installInputs: ['.npmrc', '.yarnrc', 'patches'],
    // Yarn 1's default cache folder for root on Linux, pinned so the mount cannot drift from it.
    cacheDir: '/usr/local/share/.cache/yarn',
    env: { YARN_CACHE_FOLDER: '/usr/local/share/.cache/yarn' },
    install: ['yarn', 'install', '--frozen-lockfile'],
    prodInstall: ['yarn', 'install', '--frozen-lockfile', '--production'],
    rootScriptsNote:
      'Yarn 1 runs the root lifecycle scripts on a production install and has no rebuild that skips only them: a root script that needs a devDependency (husky) fails it; move such hooks to a script that checks for the tool, e.g. "prepare": "husky || true"',
    npmPackage: 'yarn',
    // yarn's own lockfile module parses and writes; the embedded script keeps what the manifests
    // reach (checked: byte-identical to yarn.lock minus the other workspace's entries).
    prune: { command: ['node', '-'], script: 'prune-yarn-classic', tool: '@yarnpkg/lockfile@1.1.0' },
  },
  'yarn-berry': {
    lockfile: 'yarn.lock',
    installInputs: ['.yarnrc.yml', '.yarn/releases', '.yarn/plugins', '.yarn/patches', '.npmrc'],
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
    rootScriptsNote:
      "Yarn Berry runs no root prepare on install, only workspaces' postinstall scripts; a root postinstall that needs a devDependency fails the production install",
    npmPackage: '@yarnpkg/cli-dist',
    // update-lockfile mode drops absent workspaces' entries and fetches only entries without a
    // checksum; network disabled proves it fetched nothing.
    prune: {
      command: [
        'env',
        'YARN_ENABLE_IMMUTABLE_INSTALLS=false',
        'YARN_ENABLE_NETWORK=false',
        'yarn',
        'install',
        '--mode=update-lockfile',
      ],
    },
  },
  bun: {
    lockfile: 'bun.lock',
    installInputs: ['bunfig.toml', '.npmrc', 'patches'],
    cacheDir: '/root/.bun/install/cache',
    env: { BUN_INSTALL_CACHE_DIR: '/root/.bun/install/cache' },
    install: ['bun', 'install', '--frozen-lockfile'],
    prodInstall: ['bun', 'install', '--frozen-lockfile', '--production'],
    rootScriptsNote:
      'bun runs the root lifecycle scripts on install; a root script that needs a devDependency (husky) fails the production install',
    npmPackage: 'bun',
    // bun refuses a frozen install with a subset of workspace manifests ("lockfile had changes");
    // `--lockfile-only` with only the project's manifests drops the others (bun 1.3.9, empty cache).
    prune: { command: ['bun', 'install', '--lockfile-only'] },
  },
};
