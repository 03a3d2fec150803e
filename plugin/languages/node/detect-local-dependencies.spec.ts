import { describe, expect, it } from 'vitest';
import { memoryFsView } from '../../fs-view';
import { planProject } from '../../plan/plan-project';
import { renderDockerfile } from '../../render/render-dockerfile';
import { defaultOptions } from '../../plan/__fixtures__/node-profiles';
import { detectLocalDependencies, toLocalPath } from './detect-local-dependencies';
import { detectNodeProject } from './detect-node-project';
import { withSettings } from '../../detect/service-settings';

/** An npm workspace: apps/api (package-style, uses libs/util), the root manifest given. */
function workspace(root: Record<string, unknown>, extra: Record<string, string> = {}) {
  const files = {
    'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*', 'libs/*'], ...root }),
    'package-lock.json': JSON.stringify({ name: 'ws', lockfileVersion: 3, packages: { '': { name: 'ws' } } }),
    'apps/api/package.json': JSON.stringify({
      name: 'api',
      main: 'main.js',
      scripts: { start: 'node main.js' },
      dependencies: { express: '4.21.2', util: 'file:../../libs/util' },
    }),
    'apps/api/main.js': "require('express')().listen(3000);\n",
    'libs/util/package.json': JSON.stringify({ name: 'util', main: 'index.js' }),
    'libs/util/index.js': 'module.exports = {};\n',
    'tools/nx-dockerize-0.1.0.tgz': 'tarball',
    'vendor/left-pad/package.json': JSON.stringify({ name: 'left-pad' }),
    ...extra,
  };
  const graph = {
    nodes: { api: { data: { root: 'apps/api' } }, util: { data: { root: 'libs/util' } } },
    dependencies: { api: [{ target: 'util' }, { target: 'npm:express' }], util: [] },
  };
  return { fs: memoryFsView(files), project: { name: 'api', root: 'apps/api' }, graph };
}

describe('local file:/link: dependencies of the manifests the install reads', () => {
  it.each([
    ['file:tools/x.tgz', 'tools/x.tgz'],
    ['file:./vendor/x', './vendor/x'],
    ['link:../lib', '../lib'],
    ['portal:./p', './p'],
    ['../x.tgz', '../x.tgz'],
    ['^4.0.0', undefined],
    ['npm:other@1', undefined],
    ['workspace:*', undefined],
    ['github:a/b', undefined],
  ])('%s → %s', (spec, path) => {
    expect(toLocalPath(spec)).toBe(path);
  });

  it('lists tarballs as files and folders with a slash, resolved from each manifest; workspace packages are skipped', () => {
    const { fs } = workspace({
      devDependencies: { 'nx-dockerize': 'file:tools/nx-dockerize-0.1.0.tgz' },
      overrides: { 'left-pad': 'file:./vendor/left-pad' },
    });
    expect(
      detectLocalDependencies({
        fs,
        project: 'api',
        manifestDirs: ['.', 'apps/api'],
        projectRoots: ['apps/api', 'libs/util'],
      }),
    ).toEqual(['tools/nx-dockerize-0.1.0.tgz', 'vendor/left-pad/']);
  });

  it('refuses a dependency outside the workspace root, naming the manifest, the dependency and the fix (README install path)', () => {
    const input = workspace({ devDependencies: { 'nx-dockerize': 'file:../nx-dockerize-0.1.0.tgz' } });
    expect(() => detectNodeProject(input)).toThrow(
      /project "api": package\.json: dependency "nx-dockerize": "file:\.\.\/nx-dockerize-0\.1\.0\.tgz" points outside the workspace root.*Fix: move the tarball or folder into the workspace \(e\.g\. tools\/\).*npm i -D \.\/tools\//,
    );
    expect(() => detectNodeProject(workspace({ devDependencies: { x: 'file:/home/me/x.tgz' } }))).toThrow(
      /outside the workspace root/,
    );
    expect(() => detectNodeProject(workspace({ devDependencies: { x: 'file:tools/missing.tgz' } }))).toThrow(
      /names tools\/missing\.tgz, which does not exist/,
    );
  });

  it('a tarball inside the workspace enters the context and is copied before the install, and stays out of the runtime', () => {
    const profile = detectNodeProject(
      workspace({
        devDependencies: { 'nx-dockerize': 'file:tools/nx-dockerize-0.1.0.tgz' },
        overrides: { 'left-pad': 'file:./vendor/left-pad' },
      }),
    );
    expect(profile.localDependencies).toEqual(['tools/nx-dockerize-0.1.0.tgz', 'vendor/left-pad/']);
    const plan = planProject(withSettings(profile, defaultOptions));
    expect(plan.ignore).toEqual(expect.arrayContaining(['!tools/nx-dockerize-0.1.0.tgz', '!vendor/left-pad']));
    const text = renderDockerfile(plan);
    // Before the prune (it reads the lockfile and manifests) and so before every install stage.
    const firstInstall = text.indexOf('\nRUN node - --out=.');
    const tarballCopy = text.indexOf('COPY tools/nx-dockerize-0.1.0.tgz tools/');
    const folderCopy = text.indexOf('COPY vendor/left-pad/ vendor/left-pad/');
    expect(tarballCopy).toBeGreaterThan(0);
    expect(folderCopy).toBeGreaterThan(0);
    expect(tarballCopy).toBeLessThan(firstInstall);
    expect(folderCopy).toBeLessThan(firstInstall);
    const runtime = text.slice(text.indexOf(' AS runtime'));
    const prodCopy = runtime.split('\n').find((line) => line.includes('--from=prod-deps')) ?? '';
    // The tarball was unpacked into node_modules; the folder is what node_modules/left-pad links to.
    expect(prodCopy).toContain('--exclude=tools/nx-dockerize-0.1.0.tgz');
    expect(prodCopy).not.toContain('--exclude=vendor/left-pad');
  });
});
