import { type BadInputCase } from '../run-case';
import { withFiles, withProjects } from '../workspaces';
import { api } from './shared';

/**
 * Bad-input cases of kind "refused by kind":
 * projects refused, or kept, for what they are (libraries, Makefile or non-JS targets, unknown languages).
 */
const makeTarget = { build: { executor: 'nx:run-commands', options: { command: 'make build' } } };
export const kindCases: BadInputCase[] = [
  {
    id: 'library-project',
    kind: 'refused by kind',
    input: 'a library (`projectType: "library"` in project.json)',
    workspace: withFiles(withProjects(api, { shared: { root: 'libs/shared', projectType: 'library' } }), {
      'libs/shared/project.json': '{ "projectType": "library" }\n',
      'libs/shared/package.json': '{ "name": "shared", "main": "src/index.js" }\n',
    }),
    run: { dockerize: 'shared' },
    expect: {
      refused: {
        file: 'libs/shared/project.json',
        fix: /dockerize the application that uses it/,
        message: /is a library/,
      },
    },
  },
  {
    id: 'inferred-lib-kept',
    kind: 'refused by kind',
    input: 'a service whose package.json has `main`, so Nx infers type `lib` (no projectType)',
    workspace: withProjects(api, { api: { root: 'apps/api', type: 'lib' } }),
    run: { dockerize: 'api' },
    // The runtime mirrors the workspace under /app (#10): the entrypoint keeps its workspace path.
    expect: { written: { 'apps/api/Dockerfile': ['CMD ["node", "apps/api/src/main.js"]'] } },
  },
  {
    id: 'makefile-project',
    kind: 'refused by kind',
    input: 'a Makefile project: project.json with `build: make build`, no manifest',
    workspace: withProjects(
      withFiles(api, {
        'apps/c/project.json': '{}\n',
        'apps/c/Makefile': 'build:\n\tcc main.c\n',
        'apps/c/main.c': 'int main(){}\n',
      }),
      { c: { root: 'apps/c', targets: makeTarget } },
    ),
    run: { dockerize: 'c' },
    expect: {
      refused: {
        file: 'apps/c/project.json',
        fix: /write this Dockerfile by hand/,
        message: /runs `make build` \(apps\/c\/Makefile is there\), which is not a Node build/,
      },
    },
  },
  {
    id: 'non-js-executor',
    kind: 'refused by kind',
    input: 'project.json only, build by `@nx/gradle:gradle`',
    workspace: withProjects(withFiles(api, { 'apps/g/project.json': '{}\n' }), {
      g: { root: 'apps/g', targets: { build: { executor: '@nx/gradle:gradle' } } },
    }),
    run: { dockerize: 'g' },
    expect: {
      refused: {
        file: 'apps/g/project.json',
        fix: /write this Dockerfile by hand/,
        message: /the executor @nx\/gradle:gradle/,
      },
    },
  },
  {
    id: 'unknown-language',
    kind: 'refused by kind',
    input: 'a project folder with no manifest nx-dockerize knows (a C project inferred by another plugin)',
    workspace: withProjects(withFiles(api, { 'apps/c/main.c': 'int main(){}\n' }), { c: { root: 'apps/c' } }),
    run: { dockerize: 'c' },
    expect: {
      refused: { file: 'apps/c', fix: /write its Dockerfile by hand/, message: /no manifest nx-dockerize knows/ },
    },
  },
  {
    id: 'integrated-node-kept',
    kind: 'refused by kind',
    input: 'an integrated Node project (project.json only, esbuild build)',
    workspace: withProjects(
      withFiles(api, { 'apps/web/project.json': '{}\n', 'apps/web/src/main.ts': 'export {};\n' }),
      {
        web: {
          root: 'apps/web',
          targets: {
            build: {
              executor: 'nx:run-commands',
              options: {
                command: 'esbuild apps/web/src/main.ts --bundle --platform=node --outfile=dist/apps/web/main.js',
              },
            },
          },
        },
      },
    ),
    run: { dockerize: 'web' },
    expect: { written: { 'apps/web/Dockerfile': ['esbuild apps/web/src/main.ts'] } },
  },
  {
    id: 'integrated-node-command-chain',
    kind: 'refused by kind',
    input: 'an integrated Node project whose build is `rm -rf dist && tsc -p apps/svc`',
    workspace: withProjects(
      withFiles(api, { 'apps/svc/project.json': '{}\n', 'apps/svc/src/main.ts': 'export {};\n' }),
      {
        svc: {
          root: 'apps/svc',
          targets: {
            build: {
              executor: 'nx:run-commands',
              options: { command: 'rm -rf dist/apps/svc && tsc -p apps/svc --outDir dist/apps/svc' },
            },
          },
        },
      },
    ),
    run: { dockerize: 'svc' },
    // Nothing names the built file (tsc's outDir layout depends on its rootDir): refused with --entry, never a guessed main.js (#11).
    expect: { refused: { file: 'apps/svc/project.json', fix: /--entry=dist\/apps\/svc\/main\.js/ } },
  },
  {
    id: 'run-commands-without-command',
    kind: 'refused by kind',
    input: 'project.json `build` uses nx:run-commands with no command',
    workspace: withProjects(withFiles(api, { 'apps/web/project.json': '{}\n' }), {
      web: { root: 'apps/web', targets: { build: { executor: 'nx:run-commands', options: {} } } },
    }),
    run: { dockerize: 'web' },
    expect: { refused: { file: 'apps/web/project.json', fix: /Fix:/ } },
  },
];
