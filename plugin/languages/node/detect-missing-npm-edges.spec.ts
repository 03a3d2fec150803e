import { describe, expect, it } from 'vitest';
import { memoryFsView } from '../../fs-view';
import { detectNodeProject } from './detect-node-project';
import { describeExternalBuild, readSourceAnalysis } from './detect-missing-npm-edges';

const esbuild = {
  executor: '@nx/esbuild:esbuild',
  options: { main: 'apps/shop/src/main.ts', outputPath: 'dist/apps/shop', platform: 'node', format: ['cjs'] },
};

/** An Nx integrated npm workspace: apps/shop (no package.json) uses libs/util; the graph as given. */
function workspace(nxJson: object, dependencies: Record<string, { target: string }[]>, build: object = esbuild) {
  const fs = memoryFsView({
    'nx.json': JSON.stringify(nxJson),
    'package.json': JSON.stringify({
      name: 'ws',
      private: true,
      dependencies: { express: '4.21.2', ms: '2.1.3' },
      devDependencies: { nx: '24.0.6', esbuild: '0.24.2', '@nx/esbuild': '24.0.6' },
    }),
    'package-lock.json': JSON.stringify({ name: 'ws', lockfileVersion: 3, packages: { '': { name: 'ws' } } }),
    'apps/shop/project.json': JSON.stringify({ name: 'shop' }),
    'apps/shop/src/main.ts':
      "import express from 'express';\nimport { util } from '@ws/util';\nimport type { Request } from 'express-serve-static-core';\nexpress().listen(3000);\n",
    'apps/shop/webpack.config.js': "require('@nx/esbuild');\n",
    'libs/util/project.json': JSON.stringify({ name: 'util' }),
    'libs/util/src/index.ts': "import ms from 'ms';\nexport const util = ms('1s');\n",
  });
  const graph = {
    nodes: { shop: { data: { root: 'apps/shop' } }, util: { data: { root: 'libs/util' } } },
    dependencies: { util: [], ...dependencies },
  };
  return { fs, project: { name: 'shop', root: 'apps/shop', targets: { build } }, graph };
}

describe('an integrated app whose graph cannot see its package imports', () => {
  it('stops with an error naming nx.json, the import and the fix when source analysis is off', () => {
    const input = workspace({ plugins: [] }, { shop: [{ target: 'util' }] });
    expect(() => detectNodeProject(input)).toThrow(
      /project "shop": nx\.json: apps\/shop\/src\/main\.ts imports "express" and the build keeps packages external \(targets\.build: @nx\/esbuild:esbuild without thirdParty: true\), but the Nx project graph has no npm: dependency .*source analysis is off \(nx\.json has no pluginsConfig\["@nx\/js"\].*Fix: .*"analyzeSourceFiles": true/,
    );
    expect(() =>
      detectNodeProject(
        workspace({ pluginsConfig: { '@nx/js': { analyzeSourceFiles: false } } }, { shop: [{ target: 'util' }] }),
      ),
    ).toThrow(/analyzeSourceFiles is false/);
  });

  it('finds the import in a library of the closure too', () => {
    const input = workspace({}, { shop: [{ target: 'util' }] });
    input.fs = memoryFsView({
      ...Object.fromEntries(
        [
          'nx.json',
          'package.json',
          'package-lock.json',
          'apps/shop/project.json',
          'libs/util/project.json',
          'libs/util/src/index.ts',
        ].map((f) => [f, input.fs.read(f) ?? '']),
      ),
      'apps/shop/src/main.ts': "import { util } from '@ws/util';\n",
    });
    expect(() => detectNodeProject(input)).toThrow(/libs\/util\/src\/index\.ts imports "ms"/);
  });

  it('writes the image when the graph has the npm: edges, or the bundle holds every package', () => {
    expect(() =>
      detectNodeProject(workspace({}, { shop: [{ target: 'util' }, { target: 'npm:express' }] })),
    ).not.toThrow();
    const bundled = { ...esbuild, options: { ...esbuild.options, thirdParty: true } };
    expect(() => detectNodeProject(workspace({}, { shop: [{ target: 'util' }] }, bundled))).not.toThrow();
  });

  it.each([
    [{ executor: '@nx/esbuild:esbuild', options: {} }, true],
    [{ executor: '@nx/esbuild:esbuild', options: { thirdParty: true } }, false],
    [{ executor: '@nx/webpack:webpack', options: {} }, true],
    [{ executor: '@nx/webpack:webpack', options: { externalDependencies: 'none' } }, false],
    [{ executor: '@nx/js:tsc', options: {} }, true],
    [
      {
        executor: 'nx:run-commands',
        options: {
          command: 'esbuild apps/a/src/main.ts --bundle --platform=node --packages=external --outfile=dist/a/main.js',
        },
      },
      true,
    ],
    [
      {
        executor: 'nx:run-commands',
        options: { command: 'esbuild apps/a/src/main.ts --bundle --platform=node --outfile=dist/a/main.js' },
      },
      false,
    ],
    [{ executor: 'nx:run-script', options: { script: 'build' } }, false],
    [undefined, true],
  ])('build %j keeps packages external: %s', (target, external) => {
    expect(describeExternalBuild(target) !== undefined).toBe(external);
  });

  it("reads Nx's source-analysis switch as Nx does (jsPluginConfig)", () => {
    expect(readSourceAnalysis({}, { devDependencies: { '@nx/js': '24.0.6' } }).on).toBe(true);
    expect(readSourceAnalysis({}, { devDependencies: { '@nx/esbuild': '24.0.6' } }).on).toBe(false);
    expect(readSourceAnalysis({ pluginsConfig: { '@nx/js': {} } }, {}).on).toBe(true);
    expect(
      readSourceAnalysis(
        { pluginsConfig: { '@nx/js': { analyzeSourceFiles: false } } },
        { devDependencies: { '@nx/js': '1' } },
      ).on,
    ).toBe(false);
  });
});
