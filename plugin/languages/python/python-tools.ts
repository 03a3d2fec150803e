import type { PythonPackageManager } from '../../types';

/** Where every Python image keeps the project's virtual environment. */
export const VENV = '/opt/venv';

/** What the Python recipe needs to know about one package manager, as data. */
export interface PythonToolRecipe {
  /** The directory the tool caches downloads in; pinned by `env` and mounted as a cache. */
  cacheDir: string;
  env: Record<string, string>;
  /** Base-stage steps that bring the tool and create the venv (argv; `{venv}` substituted). */
  setup: string[][];
  /** Frozen install of the locked third-party dependencies only (manifests copied, no sources yet). */
  installDeps: (facts: {
    lockfile: string;
    hashes: boolean;
    workspacePackage?: string;
    localPaths?: boolean;
  }) => string[];
  /** After the sources: install the project itself into the venv (packaged projects only). `workspacePackage`: a uv workspace member. */
  installProject?: (facts: { workspacePackage?: string }) => string[];
}

const PIP_ENV = {
  PIP_CACHE_DIR: '/root/.cache/pip',
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  // pip trusts certifi's bundle by default; the system bundle is where a corporate CA goes.
  PIP_CERT: '/etc/ssl/certs/ca-certificates.crt',
};

export const pythonTools: Record<PythonPackageManager, PythonToolRecipe> = {
  uv: {
    cacheDir: '/root/.cache/uv',
    env: {
      UV_CACHE_DIR: '/root/.cache/uv',
      // Bytecode compiled at build time; copy (not hardlink) out of the cache mount.
      UV_COMPILE_BYTECODE: '1',
      UV_LINK_MODE: 'copy',
      // The image's interpreter, never a downloaded one; the venv lives outside the sources.
      UV_PYTHON_DOWNLOADS: 'never',
      UV_PROJECT_ENVIRONMENT: VENV,
      // The system CA bundle instead of uv's bundled roots (corporate CAs, TLS-inspecting proxies);
      // UV_NATIVE_TLS before uv 0.13 (still read, with a deprecation warning).
      UV_SYSTEM_CERTS: 'true',
    },
    setup: [],
    // A workspace member: only its closure (--package), frozen to the root uv.lock; the deps layer
    // skips every workspace member (--no-install-workspace), whose sources are not there yet.
    // Path sources that are not members are skipped too (--no-install-local): their sources come later.
    installDeps: ({ workspacePackage, localPaths }) =>
      workspacePackage
        ? [
            'uv',
            'sync',
            '--locked',
            '--no-dev',
            '--package',
            workspacePackage,
            '--no-install-workspace',
            ...(localPaths ? ['--no-install-local'] : []),
            '--no-editable',
          ]
        : ['uv', 'sync', '--locked', '--no-dev', '--no-install-project', '--no-editable'],
    installProject: ({ workspacePackage }) => [
      'uv',
      'sync',
      '--locked',
      '--no-dev',
      ...(workspacePackage ? ['--package', workspacePackage] : []),
      '--no-editable',
    ],
  },
  poetry: {
    cacheDir: '/root/.cache/pypoetry',
    env: {
      POETRY_CACHE_DIR: '/root/.cache/pypoetry',
      POETRY_VIRTUALENVS_CREATE: 'false',
      POETRY_NO_INTERACTION: '1',
      ...PIP_ENV,
      // Poetry downloads through requests, which trusts certifi's bundle unless told otherwise.
      REQUESTS_CA_BUNDLE: '/etc/ssl/certs/ca-certificates.crt',
      // Poetry installs into the active virtual environment.
      VIRTUAL_ENV: VENV,
      PATH: `${VENV}/bin:$PATH`,
    },
    // Poetry in its own venv, so it never lands in the runtime's.
    setup: [
      ['python', '-m', 'venv', '/opt/poetry'],
      ['/opt/poetry/bin/pip', 'install', '--no-cache-dir', 'poetry=={poetry}'],
      ['python', '-m', 'venv', VENV],
    ],
    installDeps: () => ['/opt/poetry/bin/poetry', 'install', '--only', 'main', '--no-root', '--no-directory'],
    // Poetry 2 refuses --only/--with beside --only-root (the root package alone installs no group).
    installProject: () => ['/opt/poetry/bin/poetry', 'install', '--only-root'],
  },
  pip: {
    cacheDir: '/root/.cache/pip',
    env: { ...PIP_ENV, VIRTUAL_ENV: VENV, PATH: `${VENV}/bin:$PATH` },
    setup: [['python', '-m', 'venv', VENV]],
    // Hashes: pip verifies every download. Pinned without hashes: the file is the whole lock, so
    // nothing beyond it is resolved, and `pip check` fails the build if it is incomplete.
    installDeps: ({ lockfile, hashes }) =>
      hashes
        ? ['pip', 'install', '--require-hashes', '-r', lockfile]
        : ['/bin/sh', '-c', `pip install --no-deps -r ${lockfile} && pip check`],
    installProject: () => ['pip', 'install', '--no-deps', '.'],
  },
};
