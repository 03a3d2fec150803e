import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFsView } from '../fs-view';
import type { NodeProfile } from '../types';
import versions from '../versions.json';
import type { DetectOptions, GraphInput, ProjectInput } from './detect-input';
import { detectNodeProject } from '../languages/node/detect-node-project';

/** One row per fixture directory under __fixtures__/ (a tiny workspace each). */
interface Case {
  name: string;
  fixture: string;
  project: ProjectInput;
  graph?: GraphInput;
  options?: DetectOptions;
  expected?: Partial<NodeProfile>;
  /** Every pattern must appear in the error message (project, file, fix). */
  error?: RegExp[];
}

const api: ProjectInput = { name: '@ws/api', root: 'apps/api' };
const defaultMajor = versions.node.defaultMajor;

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

const cases: Case[] = [
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
  {
    name: 'node: project engines beat root engines and .nvmrc',
    fixture: 'node-engines-project',
    project: api,
    expected: { nodeVersion: { value: '20', source: 'apps/api/package.json#engines.node (^20.11.0)' } },
  },
  {
    name: 'node: root engines (>=18 <23 → the default when allowed) beat .nvmrc',
    fixture: 'node-engines-root',
    project: api,
    expected: { nodeVersion: { value: defaultMajor, source: 'package.json#engines.node (>=18 <23)' } },
  },
  {
    name: 'node: .nvmrc (with a comment) beats .node-version',
    fixture: 'node-nvmrc',
    project: api,
    expected: { nodeVersion: { value: '20', source: '.nvmrc (v20.11.1)' } },
  },
  {
    name: 'node: .node-version',
    fixture: 'node-node-version',
    project: api,
    expected: { nodeVersion: { value: '18', source: '.node-version (18.19.0)' } },
  },
  {
    name: 'node: options.nodeVersion beats every file',
    fixture: 'node-engines-project',
    project: api,
    options: { nodeVersion: '24' },
    expected: { nodeVersion: { value: '24', source: 'options.nodeVersion (24)' } },
  },
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

const fixtures = join(__dirname, '__fixtures__');

function toDefaultGraph(project: ProjectInput): GraphInput {
  return { nodes: { [project.name]: { data: { root: project.root } } }, dependencies: {} };
}

function catchError(run: () => unknown): Error | undefined {
  try {
    run();
  } catch (thrown) {
    return thrown as Error;
  }
  return undefined;
}

describe('detectNodeProject', () => {
  it.each(cases)('$name', ({ fixture, project, graph, options, expected, error }) => {
    const detect = () =>
      detectNodeProject({
        fs: diskFsView(join(fixtures, fixture)),
        project,
        graph: graph ?? toDefaultGraph(project),
        options,
      });
    if (error) {
      const thrown = catchError(detect);
      expect(thrown).toBeInstanceOf(Error);
      for (const pattern of error) expect(thrown?.message).toMatch(pattern);
      return;
    }
    const profile = detect();
    expect(profile).toMatchObject({ language: 'node', project: project.name, projectRoot: project.root, ...expected });
  });

  it('omits build for a plain JS package, reads the port from the file node runs, and keeps the full profile shape', () => {
    const project = { name: 'worker', root: 'apps/worker' };
    const profile = detectNodeProject({
      fs: diskFsView(join(fixtures, 'yarn-classic')),
      project,
      graph: toDefaultGraph(project),
    });
    expect(profile.build).toBeUndefined();
    expect(profile.port).toEqual({ value: 5000, source: 'apps/worker/src/server.js: .listen(5000' });
    expect(profile.closure).toEqual([]);
    expect(profile.nodeVersion.value).toBe(defaultMajor);
  });
});
