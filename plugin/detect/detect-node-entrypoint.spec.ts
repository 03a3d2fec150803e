import { describe, it } from 'vitest';
import type { NodeProfile } from '../types';
import type { GraphInput, ProjectInput } from './detect-input';
import { expectNodeCase, type DetectCase } from './__fixtures__/detect-cases';

const orders = (build: ProjectInput['targets']): ProjectInput => ({
  name: 'orders',
  root: 'apps/orders',
  targets: build,
});
const esbuildTarget = {
  executor: 'nx:run-commands',
  options: { command: 'esbuild apps/orders/src/main.ts --bundle --platform=node --outfile=dist/apps/orders/main.js' },
};
/** orders → a → b → a (a cycle), orders → npm:express/sharp; c is unrelated. */
const ordersGraph: GraphInput = {
  nodes: {
    orders: { data: { root: 'apps/orders' } },
    a: { data: { root: 'libs/a' } },
    b: { data: { root: 'libs/b' } },
    c: { data: { root: 'libs/c' } },
  },
  dependencies: {
    orders: [{ target: 'a' }, { target: 'npm:express' }, { target: 'npm:sharp@0.33.5' }],
    a: [{ target: 'b' }, { target: 'npm:zod' }],
    b: [{ target: 'a' }],
    c: [{ target: 'orders' }],
  },
};

/**
 * Node detection, the entry point: integrated builds and their outputs, the entry option, stale package.json#main.
 * One row per fixture directory under __fixtures__/ (a tiny workspace each).
 */
const cases: DetectCase<Partial<NodeProfile>>[] = [
  {
    name: 'integrated project, run-commands esbuild build, closure over a cyclic graph',
    fixture: 'integrated',
    project: orders({ build: esbuildTarget }),
    graph: ordersGraph,
    expected: {
      style: 'integrated',
      build: {
        value: { command: esbuildTarget.options.command, outputPath: 'dist/apps/orders' },
        source: 'targets.build (nx:run-commands); output from --outfile',
      },
      entrypoint: { value: 'main.js', source: '--outfile in the build command' },
      port: { value: 3000, source: 'apps/orders/src/main.ts: PORT ?? 3000' },
      closure: ['libs/a', 'libs/b'],
      rootFiles: ['tsconfig.base.json', '.npmrc'],
      hasProdDependencies: true,
      risks: ['native-module:sharp'],
    },
  },
  {
    name: 'a build whose output names no entry file stops with the file and --entry, never a guess',
    fixture: 'integrated',
    project: orders({
      build: { command: 'tsc -p apps/orders/tsconfig.app.json', outputs: ['{workspaceRoot}/dist/{projectRoot}'] },
    }),
    graph: { nodes: ordersGraph.nodes, dependencies: { orders: [{ target: 'a' }], a: [{ target: 'npm:zod' }] } },
    error: [
      /project "orders"/,
      /apps\/orders\/project\.json/,
      /writes to dist\/apps\/orders/,
      /--entry=dist\/apps\/orders\/main\.js/,
    ],
  },
  {
    name: 'integrated project, output from outputs, entry from the entry option, npm edges only through its library (#10: Cannot find module)',
    fixture: 'integrated',
    project: orders({
      build: { command: 'tsc -p apps/orders/tsconfig.app.json', outputs: ['{workspaceRoot}/dist/{projectRoot}'] },
    }),
    graph: { nodes: ordersGraph.nodes, dependencies: { orders: [{ target: 'a' }], a: [{ target: 'npm:zod' }] } },
    options: { entry: 'dist/apps/orders/main.js' },
    expected: {
      build: {
        value: { command: 'tsc -p apps/orders/tsconfig.app.json', outputPath: 'dist/apps/orders' },
        source: 'targets.build (nx:run-commands); output from targets.build.outputs',
      },
      entrypoint: { value: 'main.js', source: 'the entry option' },
      closure: ['libs/a'],
      // libs/a imports zod; the bundler keeps it external, so the runtime needs it
      hasProdDependencies: true,
      risks: [],
    },
  },
  {
    name: 'entry option: a workspace-relative file under the build output wins over --outfile',
    fixture: 'integrated',
    project: orders({ build: esbuildTarget }),
    options: { entry: 'dist/apps/orders/server.js' },
    expected: { entrypoint: { value: 'server.js', source: 'the entry option' } },
  },
  {
    name: 'entry option: a project-relative file of a project without a build',
    fixture: 'yarn-classic',
    project: { name: 'worker', root: 'apps/worker' },
    options: { entry: './src/server.js' },
    expected: { entrypoint: { value: 'src/server.js', source: 'the entry option' } },
  },
  {
    name: 'entry option naming no file is an error',
    fixture: 'yarn-classic',
    project: { name: 'worker', root: 'apps/worker' },
    options: { entry: 'src/missing.js' },
    error: [/"worker"/, /entry option "src\/missing\.js" names no file/, /--entry=/],
  },
  {
    name: "stale main (npm init's index.js, never written): the start script wins, and nothing claims index.js",
    fixture: 'root-stale-main',
    project: { name: 'solo', root: '.' },
    expected: { entrypoint: { value: 'src/server.js', source: 'package.json#scripts.start' } },
  },
  {
    name: 'stale main and no start script: an error that names main and the --entry fix',
    fixture: 'root-stale-main',
    project: { name: 'solo', root: '.' },
    options: { entry: 'index.js' },
    error: [/"solo"/, /entry option "index\.js" names no file/],
  },
];

describe('detectNodeProject', () => {
  it.each(cases)('$name', expectNodeCase);
});
