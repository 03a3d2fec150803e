import { describe, expect, it } from 'vitest';
import type { FsView } from '../../../fs-view';
import type { GraphInput, ProjectInput } from '../../../detect/detect-input';
import type { DockerizeOptions, Stage, Step } from '../../../types';
import { detectNodeProject } from '../detect-node-project';
import { planNodeRecipe } from '../plan-node-recipe';
import { withSettings } from '../../../detect/service-settings';

/** A workspace held in memory: path → text. Directories are implied by the paths. */
function memoryFs(files: Record<string, string>): FsView {
  const paths = Object.keys(files);
  return {
    read: (path) => files[path],
    exists: (path) => path in files || paths.some((file) => file.startsWith(`${path}/`)),
    list: (path) =>
      [
        ...new Set(
          paths.filter((file) => file.startsWith(`${path}/`)).map((file) => file.slice(path.length + 1).split('/')[0]),
        ),
      ].sort(),
  };
}

const lock = (packages: Record<string, object> = {}) =>
  JSON.stringify({ name: 'ws', lockfileVersion: 3, requires: true, packages: { '': { name: 'ws' }, ...packages } });
const rootPackageJson = JSON.stringify({ name: 'ws', private: true, devDependencies: { nx: '23.2.1' } });

function graphOf(project: ProjectInput, npm: string[], libs: Record<string, string> = {}): GraphInput {
  return {
    nodes: {
      [project.name]: { data: { root: project.root } },
      ...Object.fromEntries(Object.entries(libs).map(([name, root]) => [name, { data: { root } }])),
    },
    dependencies: {
      [project.name]: [
        ...Object.keys(libs).map((target) => ({ target })),
        ...npm.map((name) => ({ target: `npm:${name}` })),
      ],
    },
  };
}

const slim: DockerizeOptions = { runtime: 'slim', buildMode: 'docker' };

function stage(stages: Stage[], name: string): Step[] {
  return stages.find((candidate) => candidate.name === name)?.steps ?? [];
}

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

  const nextProject: ProjectInput = { name: 'web', root: 'apps/web' };
  const nextFiles = (config: string) => ({
    'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
    'package-lock.json': lock(),
    'apps/web/package.json': JSON.stringify({
      name: 'web',
      scripts: { build: 'next build' },
      dependencies: { next: '16.0.0', react: '19.0.0' },
    }),
    'apps/web/next.config.js': config,
    'apps/web/public/favicon.ico': '',
  });

  it('Next.js standalone: server.js under the app path, static and public beside it, PORT/HOSTNAME, .next/cache mounted', () => {
    const fs = memoryFs(nextFiles("module.exports = { output: 'standalone' };"));
    const profile = detectNodeProject({ fs, project: nextProject, graph: graphOf(nextProject, []) });
    expect(profile.build?.value.outputPath).toBe('apps/web/.next/standalone');
    expect(profile.entrypoint.value).toBe('apps/web/server.js');
    expect(profile.port?.value).toBe(3000);
    expect(profile.hasProdDependencies).toBe(false);
    const plan = planNodeRecipe(withSettings(profile, { runtime: 'distroless', buildMode: 'docker' }));
    const runtime = stage(plan.stages, 'runtime');
    // The runtime mirrors the workspace under /app (#10): the standalone folder keeps its path and
    // its own node_modules (no exclude); static and public land beside server.js inside it.
    expect(runtime).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      from: 'build',
      sources: ['/workspace/apps/web/.next/standalone/'],
      dest: 'apps/web/.next/standalone/',
      link: true,
      exclude: ['**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml', '**/bunfig.toml'],
    });
    expect(runtime).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      from: 'build',
      sources: ['/workspace/apps/web/.next/static'],
      dest: './apps/web/.next/standalone/apps/web/.next/static',
      link: true,
      exclude: ['**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml', '**/bunfig.toml'],
    });
    expect(runtime).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      from: 'build',
      sources: ['/workspace/apps/web/public'],
      dest: './apps/web/.next/standalone/apps/web/public',
      link: true,
      exclude: ['**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml', '**/bunfig.toml'],
    });
    expect(runtime).toContainEqual({
      kind: 'env',
      vars: { HOSTNAME: '0.0.0.0', NEXT_TELEMETRY_DISABLED: '1', PORT: '3000' },
    });
    expect(runtime).toContainEqual({ kind: 'cmd', argv: ['apps/web/.next/standalone/apps/web/server.js'] });
    expect(plan.stages.some((candidate) => candidate.name === 'prod-deps')).toBe(false);
    const build = stage(plan.stages, 'build').find(
      (step) =>
        step.kind === 'run' &&
        step.command.join(' ').includes('next build') === false &&
        step.command.join(' ').includes('npm run build'),
    );
    expect(build).toMatchObject({ mounts: [{ type: 'cache', target: '/workspace/apps/web/.next/cache' }] });
    expect(plan.ignore).toContain('**/.next');
  });

  it("Next.js without output: 'standalone' stops with the one-line fix in next.config", () => {
    const fs = memoryFs(nextFiles('module.exports = { reactStrictMode: true };'));
    expect(() => detectNodeProject({ fs, project: nextProject, graph: graphOf(nextProject, []) })).toThrow(
      /project "web": apps\/web\/next\.config\.js: .*Fix: add `output: 'standalone',` to the config object in apps\/web\/next\.config\.js/,
    );
  });

  const prismaProject: ProjectInput = {
    name: 'store',
    root: 'apps/store',
    targets: {
      build: {
        executor: 'nx:run-commands',
        options: {
          command:
            'esbuild apps/store/src/main.ts --bundle --platform=node --packages=external --outfile=dist/apps/store/main.js',
        },
      },
    },
  };
  const prismaFiles = (generator: string, packages: Record<string, object> = {}) => ({
    'package.json': rootPackageJson,
    'package-lock.json': lock(packages),
    'libs/db/prisma/schema.prisma': `generator client {\n  ${generator}\n}\ndatasource db {\n  provider = "sqlite"\n}\n`,
  });

  it('Prisma with the prisma-client generator: generate before the build, no engine, no OpenSSL', () => {
    const fs = memoryFs(prismaFiles('provider = "prisma-client"\n  output = "../src/generated"'));
    const profile = detectNodeProject({
      fs,
      project: prismaProject,
      graph: graphOf(prismaProject, ['express'], { db: 'libs/db' }),
    });
    expect(profile.frameworks?.map((facts) => facts.name)).toEqual(['Express', 'Prisma']);
    const plan = planNodeRecipe(withSettings(profile, slim));
    expect(stage(plan.stages, 'build')).toContainEqual({
      kind: 'run',
      role: 'build',
      command: [
        '/bin/sh',
        '-c',
        'env PRISMA_SCHEMA_ENGINE_BINARY=/bin/true prisma generate --schema libs/db/prisma/schema.prisma',
      ],
      mounts: [],
    });
    expect(JSON.stringify(stage(plan.stages, 'runtime'))).not.toContain('apt-get');
  });

  it('Prisma with the Rust engine: node_modules/.prisma copied, libssl3 in the slim runtime, openssl in the build', () => {
    const fs = memoryFs(prismaFiles('provider = "prisma-client-js"'));
    const profile = detectNodeProject({
      fs,
      project: prismaProject,
      graph: graphOf(prismaProject, [], { db: 'libs/db' }),
    });
    const plan = planNodeRecipe(withSettings(profile, slim));
    const runtime = JSON.stringify(stage(plan.stages, 'runtime'));
    expect(runtime).toContain('apt-get install -y --no-install-recommends libssl3');
    expect(runtime).toContain('/workspace/node_modules/.prisma');
    expect(JSON.stringify(stage(plan.stages, 'base'))).toContain('--no-install-recommends openssl');
  });

  it('native modules from the lockfile: the toolchain in the base (build) stage only; Alpine refused unless asked', () => {
    const project: ProjectInput = { name: 'svc', root: 'apps/svc' };
    const files = {
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
      'package-lock.json': lock({
        'node_modules/better-sqlite3': {
          version: '12.6.0',
          hasInstallScript: true,
          dependencies: { bindings: '^1.5.0', 'prebuild-install': '^7.1.1' },
        },
        'node_modules/bindings': { version: '1.5.0' },
        'node_modules/esbuild': {
          version: '0.28.2',
          hasInstallScript: true,
          optionalDependencies: { '@esbuild/linux-x64': '0.28.2' },
        },
      }),
      'apps/svc/package.json': JSON.stringify({
        name: 'svc',
        main: 'src/main.js',
        dependencies: { 'better-sqlite3': '12.6.0', esbuild: '0.28.2' },
      }),
      'apps/svc/src/main.js': '',
    };
    const profile = detectNodeProject({ fs: memoryFs(files), project, graph: graphOf(project, []) });
    expect(profile.nativeModules).toEqual([
      { name: 'better-sqlite3', compiles: true, source: 'known native package', runtime: true },
    ]);
    const plan = planNodeRecipe(withSettings(profile, slim));
    expect(JSON.stringify(stage(plan.stages, 'base'))).toContain(
      'apt-get install -y --no-install-recommends g++ make python3',
    );
    expect(JSON.stringify(stage(plan.stages, 'runtime'))).not.toContain('apt-get');
    expect(() => planNodeRecipe(withSettings(profile, { ...slim, runtime: 'alpine' }))).toThrow(
      /better-sqlite3 .*glibc.*Fix: use --runtime=slim or --runtime=distroless, or pass --nativeOnAlpine/,
    );
    expect(() =>
      planNodeRecipe(withSettings(profile, { ...slim, runtime: 'alpine', nativeOnAlpine: true })),
    ).not.toThrow();
  });

  it('sharp: prebuilt from 0.33 (libvips from npm); before 0.33 it compiles against libvips (headers to build, the library to run)', () => {
    const project: ProjectInput = { name: 'img', root: 'apps/img' };
    const files = (version: string) => ({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
      'package-lock.json': lock({ 'node_modules/sharp': { version, hasInstallScript: true } }),
      'apps/img/package.json': JSON.stringify({ name: 'img', main: 'src/main.js', dependencies: { sharp: version } }),
      'apps/img/src/main.js': '',
    });
    const modern = planNodeRecipe(
      withSettings(detectNodeProject({ fs: memoryFs(files('0.34.5')), project, graph: graphOf(project, []) }), slim),
    );
    expect(JSON.stringify(modern.stages)).not.toContain('apt-get');
    const old = planNodeRecipe(
      withSettings(detectNodeProject({ fs: memoryFs(files('0.32.6')), project, graph: graphOf(project, []) }), slim),
    );
    expect(JSON.stringify(stage(old.stages, 'base'))).toContain(
      '--no-install-recommends g++ libvips-dev make pkg-config python3',
    );
    expect(JSON.stringify(stage(old.stages, 'runtime'))).toContain('--no-install-recommends libvips42');
  });
});
