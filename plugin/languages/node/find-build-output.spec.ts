import { describe, expect, it } from 'vitest';
import type { FsView } from '../../fs-view';
import type { TargetInput } from '../../detect/detect-input';
import { findBuildOutput } from './find-build-output';

function memoryFs(files: Record<string, string>): FsView {
  return { read: (path) => files[path], exists: (path) => path in files, list: () => [] };
}

const cases: {
  name: string;
  target?: TargetInput;
  files?: Record<string, string>;
  expected: { outputPath: string; entry: string } | undefined;
}[] = [
  {
    name: '@nx/webpack:webpack: outputPath + main.js',
    target: { executor: '@nx/webpack:webpack', options: { outputPath: 'dist/apps/api', main: 'apps/api/src/main.ts' } },
    expected: { outputPath: 'dist/apps/api', entry: 'dist/apps/api/main.js' },
  },
  {
    name: '@nx/webpack:webpack with outputFileName',
    target: { executor: '@nx/webpack:webpack', options: { outputPath: 'dist/apps/api', outputFileName: 'server.js' } },
    expected: { outputPath: 'dist/apps/api', entry: 'dist/apps/api/server.js' },
  },
  {
    name: '@nx/esbuild:esbuild: the main file name as .js',
    target: {
      executor: '@nx/esbuild:esbuild',
      options: { outputPath: 'dist/apps/api', main: 'apps/api/src/index.ts' },
    },
    expected: { outputPath: 'dist/apps/api', entry: 'dist/apps/api/index.js' },
  },
  {
    name: '@nx/js:tsc: the main file path inside the project',
    target: { executor: '@nx/js:tsc', options: { outputPath: 'dist/apps/api', main: 'apps/api/src/main.ts' } },
    expected: { outputPath: 'dist/apps/api', entry: 'dist/apps/api/src/main.js' },
  },
  {
    name: 'webpack.config.js with NxAppWebpackPlugin({ outputPath }) (workspace-relative)',
    files: {
      'apps/api/webpack.config.js': "new NxAppWebpackPlugin({ outputPath: 'dist/apps/api', outputFileName: 'app.js' })",
    },
    expected: { outputPath: 'dist/apps/api', entry: 'dist/apps/api/app.js' },
  },
  {
    name: 'nest-cli.json with the webpack builder',
    files: { 'apps/api/nest-cli.json': '{ "compilerOptions": { "webpack": true } }' },
    expected: { outputPath: 'apps/api/dist', entry: 'apps/api/dist/main.js' },
  },
  {
    name: 'nest-cli.json with a custom tsConfigPath and entryFile',
    files: {
      'apps/api/nest-cli.json': '{ "entryFile": "server", "compilerOptions": { "tsConfigPath": "tsconfig.app.json" } }',
      'apps/api/tsconfig.app.json': '{ "compilerOptions": { "outDir": "../../dist/api" } }',
    },
    expected: { outputPath: 'dist/api', entry: 'dist/api/server.js' },
  },
  { name: 'nothing to read', expected: undefined },
];

describe('findBuildOutput', () => {
  it.each(cases)('$name', ({ target, files = {}, expected }) => {
    const found = findBuildOutput({ fs: memoryFs(files), projectRoot: 'apps/api', target });
    expect(found && { outputPath: found.outputPath, entry: found.entry }).toEqual(expected);
  });
});
