import { describe, expect, it } from 'vitest';
import type { FsView } from '../../fs-view';
import { detectInstallInputs } from './detect-install-inputs';
import { detectLibraryBuilds } from './detect-library-builds';
import { pruneYarnClassic } from './prune-yarn-classic';

function memoryFs(files: Record<string, string>): FsView {
  const dirs = new Set(
    Object.keys(files).flatMap((path) =>
      path
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  return {
    read: (path) => files[path],
    exists: (path) => path in files || dirs.has(path),
    list: (path) =>
      [
        ...new Set(
          Object.keys(files)
            .filter((file) => file.startsWith(`${path}/`))
            .map((file) => file.slice(path.length + 1).split('/')[0]),
        ),
      ].sort(),
  };
}

describe('detectInstallInputs', () => {
  it('yarn berry: config, the yarnPath release folder and plugins, folders with a trailing slash', () => {
    const fs = memoryFs({
      '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-4.18.1.cjs\nnodeLinker: node-modules\n',
      '.yarn/releases/yarn-4.18.1.cjs': '//',
      '.yarn/plugins/plugin.cjs': '//',
    });
    expect(detectInstallInputs(fs, 'yarn-berry')).toEqual({
      installInputs: ['.yarnrc.yml', '.yarn/releases/', '.yarn/plugins/'],
      yarnPath: '.yarn/releases/yarn-4.18.1.cjs',
      rootLifecycleScripts: [],
      patchPackage: false,
    });
  });

  it('pnpm: patchedDependencies folders from pnpm-workspace.yaml and the package.json pnpm field; root lifecycle scripts', () => {
    const fs = memoryFs({
      'pnpm-workspace.yaml': 'packages: [apps/*]\npatchedDependencies:\n  ms@2.1.3: patches/ms@2.1.3.patch\n',
      'patches/ms@2.1.3.patch': 'diff',
      'fixes/express.patch': 'diff',
      '.npmrc': '@acme:registry=https://npm.acme.test/\n',
    });
    const root = {
      pnpm: { patchedDependencies: { 'express@4.21.2': 'fixes/express.patch' } },
      scripts: { prepare: 'husky', build: 'nx build' },
    };
    expect(detectInstallInputs(fs, 'pnpm', root as never)).toEqual({
      installInputs: ['pnpm-workspace.yaml', '.npmrc', 'patches/', 'fixes/'],
      rootLifecycleScripts: ['prepare'],
      patchPackage: false,
    });
  });

  it('npm: patch-package in a root postinstall is seen (its patches/ folder enters before the install)', () => {
    const fs = memoryFs({ 'patches/ms+2.1.3.patch': 'diff' });
    const root = { scripts: { postinstall: 'patch-package', prepare: 'husky' } };
    expect(detectInstallInputs(fs, 'npm', root as never)).toEqual({
      installInputs: ['patches/'],
      rootLifecycleScripts: ['postinstall', 'prepare'],
      patchPackage: true,
    });
  });
});

describe('detectLibraryBuilds', () => {
  it('builds libraries with a build script, dependencies first, never the project itself', () => {
    const fs = memoryFs({
      'libs/a/package.json': JSON.stringify({ name: '@w/a', main: 'dist/index.js', scripts: { build: 'tsc' } }),
      'libs/b/package.json': JSON.stringify({ name: '@w/b', scripts: { build: 'tsc' } }),
      'libs/plain/package.json': JSON.stringify({ name: '@w/plain' }),
      'apps/api/package.json': JSON.stringify({ name: '@w/api', scripts: { build: 'tsc' } }),
    });
    const graph = {
      nodes: {
        api: { data: { root: 'apps/api' } },
        a: { data: { root: 'libs/a' } },
        b: { data: { root: 'libs/b' } },
        plain: { data: { root: 'libs/plain' } },
      },
      dependencies: { api: [{ target: 'a' }, { target: 'plain' }], a: [{ target: 'b' }] },
    };
    expect(
      detectLibraryBuilds({
        fs,
        graph,
        manager: 'pnpm',
        projectRoot: 'apps/api',
        closure: ['libs/a', 'libs/b', 'libs/plain'],
      }),
    ).toEqual([
      { root: 'libs/b', command: 'pnpm --filter @w/b run build' },
      { root: 'libs/a', command: 'pnpm --filter @w/a run build', output: 'libs/a/dist' },
    ]);
  });
});

describe('pruneYarnClassic', () => {
  it('keeps what the root and kept workspaces reach, skips workspace packages, drops the rest', () => {
    const lock = {
      'express@4.21.2': { version: '4.21.2', dependencies: { debug: '2.6.9' } },
      'debug@2.6.9': { version: '2.6.9', dependencies: { ms: '2.0.0' } },
      'ms@2.0.0': { version: '2.0.0' },
      'ms@2.1.3': { version: '2.1.3' },
      'is-number@7.0.0': { version: '7.0.0' },
    };
    const manifests: Parameters<typeof pruneYarnClassic>[1] = [
      { name: 'root' },
      { name: '@w/api', dependencies: { express: '4.21.2', '@w/greet': '1.0.0' } },
      { name: '@w/greet', dependencies: { ms: '2.1.3' } },
    ];
    expect(Object.keys(pruneYarnClassic(lock, manifests))).toEqual([
      'debug@2.6.9',
      'express@4.21.2',
      'ms@2.0.0',
      'ms@2.1.3',
    ]);
  });
});
