import { describe, expect, it } from 'vitest';
import type { ProjectInput } from '../../../detect/detect-input';
import { detectNodeProject } from '../detect-node-project';
import { planNodeRecipe } from '../plan-node-recipe';
import { withSettings } from '../../../detect/service-settings';
import { graphOf, lock, memoryFs, rootPackageJson, slim, stage } from './__fixtures__/framework-workspace';

const nestApi: ProjectInput = {
  name: 'api',
  root: 'apps/api',
  targets: {
    // What Nx's Nest generator writes (packages/nest application generator, getNestWebpackBuildConfig).
    build: {
      executor: 'nx:run-commands',
      options: { command: 'webpack-cli build', args: ['--node-env=production'], cwd: 'apps/api' },
    },
  },
};
const nestFiles = {
  'package.json': rootPackageJson,
  'package-lock.json': lock(),
  'nx.json': '{}',
  'tsconfig.base.json': '{}',
  'apps/api/project.json': '{}',
  'apps/api/src/main.ts': 'await app.listen(process.env.PORT ?? 3000);',
  'apps/api/webpack.config.js': [
    "const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');",
    "const { join } = require('path');",
    "module.exports = { output: { path: join(__dirname, '../../dist/apps/api') },",
    "  plugins: [new NxAppWebpackPlugin({ target: 'node', compiler: 'tsc', main: './src/main.ts' })] };",
  ].join('\n'),
};

describe('framework providers', () => {
  it('NestJS from Nx’s generator: named, built through `nx run` with nx.json, entry from the webpack config', () => {
    const profile = detectNodeProject({
      fs: memoryFs(nestFiles),
      project: nestApi,
      graph: graphOf(nestApi, ['@nestjs/core', '@nestjs/common']),
    });
    expect(profile.frameworks?.map((facts) => facts.name)).toEqual(['NestJS']);
    expect(profile.frameworks?.[0].evidence).toContain('@nestjs/core (from the Nx project graph');
    expect(profile.build?.value).toEqual({
      command: 'npx nx run api:build',
      outputPath: 'dist/apps/api',
      runsNx: true,
    });
    expect(profile.build?.source).toContain("apps/api/webpack.config.js uses Nx's bundler plugin");
    expect(profile.entrypoint).toEqual({ value: 'main.js', source: 'apps/api/webpack.config.js (output path)' });
    const plan = planNodeRecipe(withSettings(profile, slim));
    expect(stage(plan.stages, 'build')).toContainEqual({
      kind: 'copy',
      role: 'source',
      sources: ['nx.json', 'tsconfig.base.json'],
      dest: './',
    });
    expect(stage(plan.stages, 'build')).toContainEqual({
      kind: 'env',
      vars: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    expect(plan.ignore).toContain('!nx.json');
    expect(plan.notes.join('\n')).toMatch(/Framework NestJS: @nestjs\/core/);
  });

  it('an Nx build that cannot run in the image says why: a registered plugin the root package.json does not install', () => {
    const files = {
      ...nestFiles,
      'nx.json': JSON.stringify({ plugins: [{ plugin: '@nx/webpack/plugin', options: {} }] }),
    };
    expect(() => detectNodeProject({ fs: memoryFs(files), project: nestApi, graph: graphOf(nestApi, []) })).toThrow(
      /project "api": package.json: .*registers the plugin @nx\/webpack\/plugin, but @nx\/webpack is not in the root package.json.*Fix: add @nx\/webpack to the root devDependencies/,
    );
    const local = { ...nestFiles, 'nx.json': JSON.stringify({ plugins: ['./tools/my-plugin'] }) };
    expect(() => detectNodeProject({ fs: memoryFs(local), project: nestApi, graph: graphOf(nestApi, []) })).toThrow(
      /nx\.json: .*local plugin \.\/tools\/my-plugin.*--buildMode=copy-output/,
    );
  });

  it('a plain webpack-cli build keeps its args (as run-commands appends them)', () => {
    const files = {
      ...nestFiles,
      'apps/api/webpack.config.js': "module.exports = { output: { path: require('path').join(__dirname, 'dist') } };",
    };
    const profile = detectNodeProject({ fs: memoryFs(files), project: nestApi, graph: graphOf(nestApi, ['express']) });
    expect(profile.build?.value.command).toBe('cd apps/api && webpack-cli build --node-env=production');
    expect(profile.build?.value.outputPath).toBe('apps/api/dist');
    expect(profile.frameworks?.map((facts) => facts.name)).toEqual(['Express']);
  });

  it('nest build: entry from nest-cli.json and the tsconfig.build.json outDir', () => {
    const project: ProjectInput = { name: 'svc', root: 'apps/svc' };
    const files = {
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
      'package-lock.json': lock(),
      'apps/svc/package.json': JSON.stringify({
        name: 'svc',
        scripts: { build: 'nest build' },
        dependencies: { '@nestjs/core': '11.0.0' },
      }),
      'apps/svc/nest-cli.json': '{ "sourceRoot": "src", // comment\n "compilerOptions": { "deleteOutDir": true, }, }',
      'apps/svc/tsconfig.build.json': '{ "extends": "./tsconfig.json" }',
      'apps/svc/tsconfig.json': '{ "compilerOptions": { "outDir": "./dist" } }',
    };
    const profile = detectNodeProject({ fs: memoryFs(files), project, graph: graphOf(project, []) });
    expect(profile.build?.value.outputPath).toBe('apps/svc/dist');
    expect(profile.entrypoint).toEqual({
      value: 'main.js',
      source: 'apps/svc/nest-cli.json + apps/svc/tsconfig.build.json (outDir)',
    });
  });
});
