import { describe, expect, it } from 'vitest';
import type { NodeProfile } from '../types';
import versions from '../versions.json';
import type { ProjectInput } from './detect-input';
import { detectNodeProject } from '../languages/node/detect-node-project';
import { expectNodeCase, fixtureFs, singleProjectGraph, type DetectCase } from './__fixtures__/detect-cases';

const api: ProjectInput = { name: '@ws/api', root: 'apps/api' };
const defaultMajor = versions.node.defaultMajor;

/**
 * Node detection, package managers and builds: lockfiles, packageManager, the build command and its output, the port.
 * One row per fixture directory under __fixtures__/ (a tiny workspace each).
 */
const cases: DetectCase<Partial<NodeProfile>>[] = [
  {
    name: 'npm lockfile, package project built by an npm script with --outfile=',
    fixture: 'npm',
    project: api,
    expected: {
      packageManager: { value: 'npm', source: 'package-lock.json' },
      lockfile: 'package-lock.json',
      nodeVersion: { value: defaultMajor, source: 'default (versions.json node.defaultMajor)' },
      style: 'package',
      build: {
        value: { command: 'npm run build --workspace=apps/api', outputPath: 'apps/api/dist' },
        source: 'apps/api/package.json#scripts.build; output from --outfile',
      },
      entrypoint: { value: 'main.js', source: '--outfile in the build command' },
      port: { value: 8080, source: 'apps/api/src/main.ts: PORT || 8080' },
      rootFiles: [],
      hasProdDependencies: true,
      risks: [],
    },
  },
  {
    name: 'pnpm lockfile, nx:run-script build, output from package.json main',
    fixture: 'pnpm',
    project: {
      name: 'web',
      root: 'apps/web',
      targets: { build: { executor: 'nx:run-script', options: { script: 'build' } } },
    },
    graph: {
      nodes: { web: { data: { root: 'apps/web' } }, lib: { data: { root: 'libs/lib' } } },
      dependencies: { web: [{ target: 'lib' }] },
    },
    expected: {
      packageManager: { value: 'pnpm', source: 'pnpm-lock.yaml' },
      lockfile: 'pnpm-lock.yaml',
      build: {
        value: { command: 'pnpm --filter @ws/web run build', outputPath: 'apps/web/dist' },
        source: 'targets.build (nx:run-script); output from apps/web/package.json#main',
      },
      entrypoint: { value: 'index.js', source: 'apps/web/package.json#main' },
      closure: ['libs/lib'],
      // its only dependency is the workspace library @ws/lib (workspace:*): Node resolves it
      // through the link pnpm puts in apps/web/node_modules, so the runtime needs that install
      hasProdDependencies: true,
    },
  },
  {
    name: 'packageManager field beats the lockfiles and gives the exact version',
    fixture: 'package-manager-field',
    project: api,
    expected: {
      packageManager: { value: 'pnpm', source: 'package.json#packageManager' },
      packageManagerVersion: { value: '9.12.0', source: 'package.json#packageManager' },
      lockfile: 'pnpm-lock.yaml',
      entrypoint: { value: 'server.js', source: 'apps/api/package.json#main' },
      hasProdDependencies: false,
    },
  },
  {
    name: 'yarn classic lockfile, plain JS package without a build (start script)',
    fixture: 'yarn-classic',
    project: { name: 'worker', root: 'apps/worker' },
    expected: {
      packageManager: { value: 'yarn-classic', source: 'yarn.lock' },
      lockfile: 'yarn.lock',
      entrypoint: { value: 'src/server.js', source: 'apps/worker/package.json#scripts.start' },
      hasProdDependencies: true,
      risks: ['native-module:bcrypt'],
    },
  },
  {
    name: 'yarn berry lockfile, version from .yarnrc.yml, --outfile X (space form)',
    fixture: 'yarn-berry',
    project: { name: 'svc', root: 'apps/svc' },
    expected: {
      packageManager: { value: 'yarn-berry', source: 'yarn.lock' },
      packageManagerVersion: { value: '4.5.0', source: '.yarnrc.yml#yarnPath' },
      build: {
        value: { command: 'yarn workspace @ws/svc run build', outputPath: 'apps/svc/build' },
        source: 'apps/svc/package.json#scripts.build; output from --outfile',
      },
      entrypoint: { value: 'server.cjs', source: '--outfile in the build command' },
      hasProdDependencies: false,
    },
  },
  {
    name: 'bun binary lockfile, port from a literal .listen(4000',
    fixture: 'bun',
    project: api,
    expected: {
      packageManager: { value: 'bun', source: 'bun.lockb' },
      lockfile: 'bun.lockb',
      build: {
        value: { command: 'bun run --filter @ws/api build', outputPath: 'apps/api/dist' },
        source: 'apps/api/package.json#scripts.build; output from --outfile',
      },
      port: { value: 4000, source: 'apps/api/src/index.ts: .listen(4000' },
      risks: ['native-module:sharp'],
    },
  },
  {
    name: 'options.port beats the source scan',
    fixture: 'bun',
    project: api,
    options: { port: 9000 },
    expected: { port: { value: 9000, source: 'options.port' } },
  },
  {
    name: 'root project (the workspace package itself) runs its script without a filter',
    fixture: 'root-project',
    project: { name: 'solo', root: '.' },
    expected: {
      projectRoot: '.',
      style: 'package',
      packageManagerVersion: { value: '10.4.1', source: 'package.json#packageManager' },
      nodeVersion: { value: '22', source: 'package.json#engines.node (22.x)' },
      build: {
        value: { command: 'pnpm run build', outputPath: 'dist' },
        source: 'package.json#scripts.build; output from --outfile',
      },
      entrypoint: { value: 'main.js', source: '--outfile in the build command' },
      port: { value: 3000, source: 'src/main.ts: PORT ?? 3000' },
      hasProdDependencies: true,
    },
  },
  {
    name: 'missing lockfile is an error (manager named by engines.pnpm)',
    fixture: 'missing-lockfile',
    project: api,
    error: [
      /project "@ws\/api"/,
      /pnpm-lock\.yaml/,
      /package\.json#engines\.pnpm/,
      /run `pnpm install` and commit pnpm-lock\.yaml/,
    ],
  },
  {
    name: 'two lockfiles without a packageManager field is an error',
    fixture: 'two-lockfiles',
    project: api,
    error: [/package-lock\.json and yarn\.lock/, /delete the lockfile you do not use, or set "packageManager"/],
  },
  {
    name: 'packageManager disagreeing with the only lockfile is an error',
    fixture: 'field-disagrees',
    project: api,
    error: [
      /package\.json: package\.json#packageManager says yarn/,
      /package-lock\.json/,
      /run `yarn install`, commit yarn\.lock/,
    ],
  },
  {
    name: 'malformed root package.json is an error naming the file and the parse problem',
    fixture: 'malformed-package-json',
    project: api,
    error: [/project "@ws\/api": package\.json: is not valid JSON \(.+\)/, /Fix: correct the JSON in package\.json/],
  },
];

describe('detectNodeProject', () => {
  it.each(cases)('$name', expectNodeCase);

  it('omits build for a plain JS package, reads the port from the file node runs, and keeps the full profile shape', () => {
    const project = { name: 'worker', root: 'apps/worker' };
    const profile = detectNodeProject({
      fs: fixtureFs('yarn-classic'),
      project,
      graph: singleProjectGraph(project),
    });
    expect(profile.build).toBeUndefined();
    expect(profile.port).toEqual({ value: 5000, source: 'apps/worker/src/server.js: .listen(5000' });
    expect(profile.closure).toEqual([]);
    expect(profile.nodeVersion.value).toBe(defaultMajor);
  });
});
