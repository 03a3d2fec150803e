import { edits, type BadInputCase } from './run-case';
import {
  goWorkspace,
  javaWorkspace,
  nodeWorkspace,
  pythonWorkspace,
  rustWorkspace,
  withFiles,
  withProjects,
} from './workspaces';

/**
 * The bad-input table (issue #15): one in-memory fixture per case, each with its exact outcome.
 * `bad-input.spec.ts` runs it (a refused run must name the file and the fix and leave the
 * workspace byte-identical); `tools/docs/render-bad-input.ts` turns it into docs/bad-input.md.
 */
const FORCE = /nx g nx-dockerize:dockerize \S+ --force/;
const first = (project: string, options = {}) => [{ dockerize: project, options }];
const api = nodeWorkspace();

const bakeCases: BadInputCase[] = [
  {
    id: 'bake-variable-kept',
    kind: 'bake file',
    input: 'docker-bake.json has a `variable` block that a user target uses',
    workspace: withFiles(api, {
      'docker-bake.json': JSON.stringify(
        { variable: { TAG: { default: 'dev' } }, target: { tools: { context: 'tools', tags: ['tools:${TAG}'] } } },
        null,
        2,
      ),
    }),
    run: { dockerize: 'api' },
    expect: { written: { 'docker-bake.json': ['"variable": {', '"TAG": {', '"tools:${TAG}"', '"api": {'] } },
  },
  {
    id: 'bake-function-kept',
    kind: 'bake file',
    input: 'docker-bake.json has a `function` block',
    workspace: withFiles(api, {
      'docker-bake.json': JSON.stringify({ function: { tag: { params: ['name'], result: '${name}:dev' } } }, null, 2),
    }),
    run: { dockerize: 'api' },
    expect: { written: { 'docker-bake.json': ['"function": {', '"result": "${name}:dev"', '"api": {'] } },
  },
  {
    id: 'bake-other-group-kept',
    kind: 'bake file',
    input: 'docker-bake.json has a user group `ci` and a user target',
    workspace: withFiles(api, {
      'docker-bake.json': JSON.stringify(
        { group: { ci: { targets: ['tools'] } }, target: { tools: { context: 'tools' } } },
        null,
        2,
      ),
    }),
    run: { dockerize: 'api' },
    expect: { written: { 'docker-bake.json': ['"ci": {', '"tools": {', '"default": {'] } },
  },
  {
    id: 'bake-user-field-kept',
    kind: 'bake file',
    input: 'a user added `platforms` and `args` to the generated target, then re-runs the generator',
    workspace: api,
    before: first('api'),
    edit: edits.bake((bake) => Object.assign(bake.target.api, { platforms: ['linux/arm64'], args: { MODE: 'x' } })),
    run: { dockerize: 'api', options: { runtime: 'distroless' } },
    expect: {
      written: { 'docker-bake.json': ['"platforms": [', '"MODE": "x"'], 'apps/api/Dockerfile': ['distroless'] },
    },
  },
  {
    id: 'bake-user-field-kept-by-sync',
    kind: 'bake file',
    input: 'a user added `platforms` to the generated target; a new library dependency; `nx sync`',
    workspace: api,
    before: first('api'),
    edit: edits.bake((bake) => Object.assign(bake.target.api, { platforms: ['linux/arm64'] })),
    graphAfter: (ws) => withProjects(ws, { api: { ...ws.projects.api, dependencies: ['shared'] } }),
    run: { sync: true },
    expect: {
      outOfSync: { file: 'apps/api/Dockerfile', message: /no longer match the project graph.*Run `nx sync`/ },
      unchanged: ['docker-bake.json'],
    },
  },
  {
    id: 'bake-generated-field-changed',
    kind: 'bake file',
    input: 'a user changed the generated `tags` of the target, then re-runs the generator',
    workspace: api,
    before: first('api'),
    edit: edits.bake((bake) => (bake.target.api.tags = ['ghcr.io/acme/api:dev'])),
    run: { dockerize: 'api' },
    expect: {
      refused: {
        file: 'docker-bake.json',
        fix: FORCE,
        message: /target "api" field "tags": the file has \["ghcr.io\/acme\/api:dev"\]/,
      },
    },
  },
  {
    id: 'bake-generated-field-changed-force',
    kind: 'bake file',
    input: 'the same, with `--force`',
    workspace: api,
    before: first('api'),
    edit: edits.bake((bake) =>
      Object.assign(bake.target.api, { tags: ['ghcr.io/acme/api:dev'], platforms: ['linux/arm64'] }),
    ),
    run: { dockerize: 'api', options: { force: true } },
    expect: { written: { 'docker-bake.json': ['"api:latest"', '"platforms": ['] } },
  },
  {
    id: 'bake-generated-field-removed',
    kind: 'bake file',
    input: 'a user deleted the generated `dockerfile` field',
    workspace: api,
    before: first('api'),
    edit: edits.bake((bake) => delete bake.target.api.dockerfile),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'docker-bake.json', fix: FORCE, message: /field "dockerfile": the file has no value/ } },
  },
  {
    id: 'bake-foreign-target',
    kind: 'bake file',
    input: 'docker-bake.json already has a hand-written target named like the project',
    workspace: withFiles(api, {
      'docker-bake.json': JSON.stringify(
        { target: { api: { context: 'apps/api', dockerfile: 'Dockerfile.prod' } } },
        null,
        2,
      ),
    }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'docker-bake.json', fix: FORCE, message: /field "context": the file has "apps\/api"/ } },
  },
  {
    id: 'bake-not-json',
    kind: 'bake file',
    input: 'docker-bake.json is not valid JSON (a trailing comma)',
    workspace: withFiles(api, { 'docker-bake.json': '{ "target": {}, }\n' }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'docker-bake.json', fix: /Fix or move it aside/ } },
  },
  {
    id: 'bake-wrong-shape',
    kind: 'bake file',
    input: 'docker-bake.json has `"target": []`',
    workspace: withFiles(api, { 'docker-bake.json': '{ "target": [] }\n' }),
    run: { dockerize: 'api' },
    expect: {
      refused: {
        file: 'docker-bake.json',
        fix: /buildx's JSON bake format.*move it aside/,
        message: /"target" is not an object/,
      },
    },
  },
  {
    id: 'bake-user-formatting-kept',
    kind: 'bake file',
    input: 'a user re-indented docker-bake.json (4 spaces); the generator re-runs with nothing new',
    workspace: api,
    before: first('api'),
    edit: edits.bake(() => undefined, 4),
    run: { dockerize: 'api' },
    expect: { nothingChanged: true },
  },
  {
    id: 'bake-default-group-choice-kept',
    kind: 'bake file',
    input: 'a user took the target out of the `default` group',
    workspace: api,
    before: first('api'),
    edit: edits.bake((bake) => (bake.group.default.targets = [])),
    run: { dockerize: 'api', options: { runtime: 'distroless' } },
    expect: { written: { 'docker-bake.json': [/"targets": \[\]/] } },
  },
  {
    id: 'bake-conflict-in-sync',
    kind: 'bake file',
    input: 'a user changed the generated `tags`; a new library dependency; `nx sync:check`',
    workspace: api,
    before: first('api'),
    edit: edits.bake((bake) => (bake.target.api.tags = ['api:dev'])),
    graphAfter: (ws) => withProjects(ws, { api: { ...ws.projects.api, dependencies: ['shared'] } }),
    run: { sync: true },
    expect: {
      outOfSync: {
        file: 'docker-bake.json',
        message: /apps\/api\/Dockerfile \(api\): docker-bake.json: target "api" field "tags".*--force/,
      },
      unchanged: ['docker-bake.json', 'apps/api/Dockerfile'],
    },
  },
];

const nameCases: BadInputCase[] = [
  {
    id: 'names-scoped',
    kind: 'names',
    input: 'a scoped project name `@acme/api`',
    workspace: nodeWorkspace('@acme/api'),
    run: { dockerize: '@acme/api' },
    expect: { written: { 'docker-bake.json': ['"acme-api": {', '"acme-api:latest"'] } },
  },
  {
    id: 'names-case-collision',
    kind: 'names',
    input: 'projects `Api` and `api` (one image name)',
    workspace: withProjects(nodeWorkspace('Api'), { api: { root: 'apps/api2' } }),
    run: { dockerize: 'Api' },
    expect: {
      refused: {
        file: 'Api',
        fix: /Rename one of the two projects/,
        message: /"Api" and "api" would share the image name "api"/,
      },
    },
  },
  {
    id: 'names-punctuation-collision',
    kind: 'names',
    input: 'projects `my.app` and `my-app` (one bake target)',
    workspace: withProjects(nodeWorkspace('my.app'), { 'my-app': { root: 'apps/other' } }),
    run: { dockerize: 'my.app' },
    expect: {
      refused: {
        file: 'my-app',
        fix: /Rename one of the two projects/,
        message: /would share the bake target "my-app"/,
      },
    },
  },
  {
    id: 'names-latin-diacritics',
    kind: 'names',
    input: 'a project named `café`',
    workspace: nodeWorkspace('café'),
    run: { dockerize: 'café' },
    expect: { written: { 'docker-bake.json': ['"cafe": {', '"cafe:latest"'] } },
  },
  {
    id: 'names-non-latin',
    kind: 'names',
    input: 'a project named `сервис` (Cyrillic)',
    workspace: nodeWorkspace('сервис'),
    run: { dockerize: 'сервис' },
    expect: {
      refused: { file: 'сервис', fix: /Rename the project .* to ASCII letters/, message: /"с" has no ASCII spelling/ },
    },
  },
  {
    id: 'names-no-letters',
    kind: 'names',
    input: 'a project named `___`',
    workspace: nodeWorkspace('___'),
    run: { dockerize: '___' },
    expect: { refused: { file: '___', fix: /Rename the project/, message: /no letters or digits/ } },
  },
  {
    id: 'names-mixed-case',
    kind: 'names',
    input: 'a project named `Api_Gateway`',
    workspace: nodeWorkspace('Api_Gateway'),
    run: { dockerize: 'Api_Gateway' },
    expect: { written: { 'docker-bake.json': ['"Api_Gateway": {', '"api_gateway:latest"'] } },
  },
  {
    id: 'names-unknown-project',
    kind: 'names',
    input: '`nx g nx-dockerize:dockerize apii` (a typo)',
    workspace: api,
    run: { dockerize: 'apii' },
    expect: {
      refused: { file: 'apii', fix: /Check the name with `nx show projects`/, message: /known projects: api, shared/ },
    },
  },
];

const editCases: BadInputCase[] = [
  {
    id: 'run-twice',
    kind: 'edits and checksum',
    input: 'the generator runs twice',
    workspace: api,
    before: first('api'),
    run: { dockerize: 'api' },
    expect: { nothingChanged: true },
  },
  {
    id: 'crlf-checkout',
    kind: 'edits and checksum',
    input: 'git checked the generated Dockerfile out with CRLF line endings',
    workspace: api,
    before: first('api'),
    edit: (tree) =>
      tree.write('apps/api/Dockerfile', (tree.read('apps/api/Dockerfile', 'utf-8') ?? '').replace(/\n/g, '\r\n')),
    run: { dockerize: 'api' },
    expect: { nothingChanged: true },
  },
  {
    id: 'final-newline-removed',
    kind: 'edits and checksum',
    input: 'an editor removed the final newline of the Dockerfile',
    workspace: api,
    before: first('api'),
    edit: (tree) => tree.write('apps/api/Dockerfile', (tree.read('apps/api/Dockerfile', 'utf-8') ?? '').trimEnd()),
    run: { dockerize: 'api' },
    expect: { nothingChanged: true },
  },
  {
    id: 'hand-edited-dockerfile',
    kind: 'edits and checksum',
    input: 'a user edited the generated Dockerfile (`EXPOSE 3000` → `EXPOSE 4000`)',
    workspace: api,
    before: first('api'),
    edit: edits.replace('apps/api/Dockerfile', 'EXPOSE 3000', 'EXPOSE 4000'),
    run: { dockerize: 'api' },
    expect: {
      refused: {
        file: 'apps/api/Dockerfile',
        fix: FORCE,
        message: /was edited by hand.*template override \(--templateDir\)/,
      },
    },
  },
  {
    id: 'hand-edited-dockerfile-force',
    kind: 'edits and checksum',
    input: 'the same, with `--force`',
    workspace: api,
    before: first('api'),
    edit: edits.replace('apps/api/Dockerfile', 'EXPOSE 3000', 'EXPOSE 4000'),
    run: { dockerize: 'api', options: { force: true } },
    expect: { written: { 'apps/api/Dockerfile': ['EXPOSE 3000'] } },
  },
  {
    id: 'hand-edited-ignore-file',
    kind: 'edits and checksum',
    input: 'a user edited the generated Dockerfile.dockerignore',
    workspace: api,
    before: first('api'),
    edit: (tree) =>
      tree.write(
        'apps/api/Dockerfile.dockerignore',
        `${tree.read('apps/api/Dockerfile.dockerignore', 'utf-8')}!secrets\n`,
      ),
    run: { dockerize: 'api', options: { runtime: 'distroless' } },
    expect: { refused: { file: 'apps/api/Dockerfile.dockerignore', fix: FORCE, message: /was edited by hand/ } },
  },
  {
    id: 'foreign-dockerfile',
    kind: 'edits and checksum',
    input: 'the project already has a hand-written Dockerfile',
    workspace: withFiles(api, { 'apps/api/Dockerfile': 'FROM node:22\nCMD ["node", "src/main.js"]\n' }),
    run: { dockerize: 'api' },
    expect: {
      refused: { file: 'apps/api/Dockerfile', fix: FORCE, message: /not written by nx-dockerize.*Move it aside/ },
    },
  },
  {
    id: 'foreign-dockerfile-force',
    kind: 'edits and checksum',
    input: 'the same, with `--force`',
    workspace: withFiles(api, { 'apps/api/Dockerfile': 'FROM node:22\nCMD ["node", "src/main.js"]\n' }),
    run: { dockerize: 'api', options: { force: true } },
    expect: { written: { 'apps/api/Dockerfile': ['# nx-dockerize:checksum=sha256:'] } },
  },
  {
    id: 'checksum-line-deleted',
    kind: 'edits and checksum',
    input: 'a user deleted the checksum line (to own the file)',
    workspace: api,
    before: first('api'),
    edit: edits.replace('apps/api/Dockerfile', /\n# nx-dockerize:checksum=.*\n$/, '\n'),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'apps/api/Dockerfile', fix: FORCE, message: /not written by nx-dockerize/ } },
  },
  {
    id: 'sync-edited-still-matching',
    kind: 'edits and checksum',
    input: '`nx sync:check` with a hand-edited Dockerfile, graph unchanged',
    workspace: api,
    before: first('api'),
    edit: edits.replace('apps/api/Dockerfile', 'EXPOSE 3000', 'EXPOSE 4000'),
    run: { sync: true },
    expect: { nothingChanged: true },
  },
  {
    id: 'sync-edited-graph-changed',
    kind: 'edits and checksum',
    input: '`nx sync:check` with a hand-edited Dockerfile after a new library dependency',
    workspace: api,
    before: first('api'),
    edit: edits.replace('apps/api/Dockerfile', 'EXPOSE 3000', 'EXPOSE 4000'),
    graphAfter: (ws) => withProjects(ws, { api: { ...ws.projects.api, dependencies: ['shared'] } }),
    run: { sync: true },
    expect: {
      outOfSync: { file: 'apps/api/Dockerfile', message: /edited by hand, and the project graph changed.*--force/ },
      unchanged: ['apps/api/Dockerfile'],
    },
  },
  {
    id: 'sync-crlf',
    kind: 'edits and checksum',
    input: '`nx sync:check` with a CRLF checkout of a generated Dockerfile',
    workspace: api,
    before: first('api'),
    edit: (tree) =>
      tree.write('apps/api/Dockerfile', (tree.read('apps/api/Dockerfile', 'utf-8') ?? '').replace(/\n/g, '\r\n')),
    run: { sync: true },
    expect: { nothingChanged: true },
  },
];

const makeTarget = { build: { executor: 'nx:run-commands', options: { command: 'make build' } } };
const kindCases: BadInputCase[] = [
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

const manifestCases: BadInputCase[] = [
  {
    id: 'node-package-json-malformed',
    kind: 'malformed manifest',
    input: "the project's package.json is not JSON",
    workspace: withFiles(api, { 'apps/api/package.json': '{ "name": "api", }\n' }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'apps/api/package.json', fix: /Fix:/, message: /not valid JSON/ } },
  },
  {
    id: 'node-root-package-json-malformed',
    kind: 'malformed manifest',
    input: "the workspace's package.json is not JSON",
    workspace: withFiles(api, { 'package.json': '{ "name": \n' }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'package.json', fix: /Fix:/, message: /not valid JSON/ } },
  },
  {
    id: 'node-package-manager-field',
    kind: 'malformed manifest',
    input: '`"packageManager": "npm"` (no version)',
    workspace: withFiles(api, {
      'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*'], packageManager: 'npm' }),
    }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'package.json', fix: /Fix:/, message: /packageManager "npm" is not/ } },
  },
  {
    id: 'node-engines-nonsense',
    kind: 'malformed manifest',
    input: '`"engines": {"node": "banana"}` in the project package.json',
    workspace: withFiles(api, {
      'apps/api/package.json': JSON.stringify({ name: 'api', main: 'src/main.js', engines: { node: 'banana' } }),
    }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'apps/api/package.json', fix: /Fix:/, message: /names no Node version/ } },
  },
  {
    id: 'node-missing-entrypoint',
    kind: 'malformed manifest',
    input: 'a Node service with no `main`, no start script and no main.js',
    workspace: withFiles(api, {
      'apps/api/package.json': JSON.stringify({ name: 'api' }),
      'apps/api/src/main.js': null,
      'apps/api/src/server.js': 'listen(3000)\n',
    }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'apps/api/package.json', fix: /Fix:/, message: /no entrypoint found/ } },
  },
  {
    id: 'node-main-missing-file',
    kind: 'malformed manifest',
    input: '`"main": "src/nope.js"` names a file that does not exist, and nothing builds it',
    workspace: withFiles(api, { 'apps/api/package.json': JSON.stringify({ name: 'api', main: 'src/nope.js' }) }),
    run: { dockerize: 'api' },
    expect: {
      refused: {
        file: 'apps/api/package.json#main',
        fix: /point it at the file the service starts from/,
        message: /names apps\/api\/src\/nope.js, which does not exist/,
      },
    },
  },
  {
    id: 'node-package-json-bom',
    kind: 'malformed manifest',
    input: 'package.json starts with a byte-order mark (a Windows editor)',
    workspace: withFiles(api, {
      'apps/api/package.json': `\uFEFF${JSON.stringify({ name: 'api', main: 'src/main.js' })}`,
    }),
    run: { dockerize: 'api' },
    // The runtime mirrors the workspace under /app (#10): the entrypoint keeps its workspace path.
    expect: { written: { 'apps/api/Dockerfile': ['CMD ["node", "apps/api/src/main.js"]'] } },
  },
  {
    id: 'node-package-json-not-object',
    kind: 'malformed manifest',
    input: "the project's package.json is `[]`",
    workspace: withFiles(api, { 'apps/api/package.json': '[]\n' }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'apps/api/package.json', fix: /Fix:/, message: /expected a JSON object/ } },
  },
  {
    id: 'go-mod-no-module',
    kind: 'malformed manifest',
    input: 'go.mod without a `module` line',
    workspace: withFiles(goWorkspace(), { 'apps/svc/go.mod': 'go 1.23\n' }),
    run: { dockerize: 'svc' },
    expect: { refused: { file: 'apps/svc/go.mod', fix: /go mod init/ } },
  },
  {
    id: 'go-no-main-package',
    kind: 'malformed manifest',
    input: 'a Go module with no `package main`',
    workspace: withFiles(goWorkspace(), { 'apps/svc/main.go': null, 'apps/svc/lib.go': 'package svc\n' }),
    run: { dockerize: 'svc' },
    expect: { refused: { file: 'apps/svc/cmd', fix: /--main/ } },
  },
  {
    id: 'go-several-commands',
    kind: 'malformed manifest',
    input: 'a Go module with two main packages under cmd/ and none at the root',
    workspace: withFiles(goWorkspace(), {
      'apps/svc/main.go': null,
      'apps/svc/cmd/a/main.go': 'package main\nfunc main() {}\n',
      'apps/svc/cmd/b/main.go': 'package main\nfunc main() {}\n',
    }),
    run: { dockerize: 'svc' },
    expect: { refused: { file: 'apps/svc/cmd', fix: /--main/, message: /several main packages/ } },
  },
  {
    id: 'go-main-option-wrong',
    kind: 'malformed manifest',
    input: '`--main ./nope` names no main package',
    workspace: goWorkspace(),
    run: { dockerize: 'svc', options: { main: './nope' } },
    expect: { refused: { file: 'apps/svc/nope', fix: /pass --main/ } },
  },
  {
    id: 'rust-cargo-toml-malformed',
    kind: 'malformed manifest',
    input: 'Cargo.toml is not TOML',
    workspace: withFiles(rustWorkspace(), { 'apps/rs/Cargo.toml': '[package\nname = "rs"\n' }),
    run: { dockerize: 'rs' },
    expect: { refused: { file: 'apps/rs/Cargo.toml', fix: /cargo metadata/, message: /not valid TOML/ } },
  },
  {
    id: 'rust-no-package-name',
    kind: 'malformed manifest',
    input: 'Cargo.toml without a [package] name',
    workspace: withFiles(rustWorkspace(), { 'apps/rs/Cargo.toml': '[dependencies]\n' }),
    run: { dockerize: 'rs' },
    expect: {
      refused: {
        file: 'apps/rs/Cargo.toml',
        fix: /cargo init/,
        message: /neither a \[package\] with a name nor a \[workspace\]/,
      },
    },
  },
  {
    id: 'rust-two-binaries',
    kind: 'malformed manifest',
    input: 'a crate with two binaries and no `--bin`',
    workspace: withFiles(rustWorkspace(), {
      'apps/rs/src/main.rs': null,
      'apps/rs/src/bin/a.rs': 'fn main() {}\n',
      'apps/rs/src/bin/b.rs': 'fn main() {}\n',
    }),
    run: { dockerize: 'rs' },
    expect: { refused: { file: 'apps/rs/Cargo.toml', fix: /--bin/, message: /several binaries/ } },
  },
  {
    id: 'rust-bin-option-wrong',
    kind: 'malformed manifest',
    input: '`--bin nope` names no binary',
    workspace: rustWorkspace(),
    run: { dockerize: 'rs', options: { bin: 'nope' } },
    expect: { refused: { file: 'apps/rs/Cargo.toml', fix: /pass --bin/, message: /no binary named nope/ } },
  },
  {
    id: 'python-pyproject-malformed',
    kind: 'malformed manifest',
    input: 'pyproject.toml is not TOML',
    workspace: withFiles(pythonWorkspace(), { 'apps/py/pyproject.toml': '[project\nname = "py"\n' }),
    run: { dockerize: 'py' },
    expect: { refused: { file: 'apps/py/pyproject.toml', fix: /Fix:/, message: /not valid TOML/ } },
  },
  {
    id: 'python-no-entrypoint',
    kind: 'malformed manifest',
    input: 'a Python project with no app, script or __main__',
    workspace: withFiles(pythonWorkspace(), { 'apps/py/app/main.py': null, 'apps/py/app/util.py': 'x = 1\n' }),
    run: { dockerize: 'py' },
    expect: { refused: { file: 'apps/py/pyproject.toml', fix: /--entry=/, message: /no entrypoint found/ } },
  },
  {
    id: 'java-pom-malformed',
    kind: 'malformed manifest',
    input: 'pom.xml is not XML',
    workspace: withFiles(javaWorkspace(), { 'apps/jv/pom.xml': '<project><artifactId>jv</project>\n' }),
    run: { dockerize: 'jv' },
    expect: {
      refused: { file: 'apps/jv/pom.xml', fix: /mvn validate/, message: /not well-formed XML \(line 1, column 24/ },
    },
  },
  {
    id: 'gradle-no-main-class',
    kind: 'malformed manifest',
    input: 'a Gradle build (build.gradle.kts) with no application mainClass',
    workspace: withFiles(javaWorkspace(), {
      'apps/jv/pom.xml': null,
      'apps/jv/build.gradle.kts': 'plugins { java }\n',
    }),
    run: { dockerize: 'jv' },
    expect: { refused: { file: 'apps/jv/build.gradle.kts', fix: /--entrypoint/, message: /no main class found/ } },
  },
  {
    id: 'java-no-main-class',
    kind: 'malformed manifest',
    input: 'a plain Maven jar with no main class',
    workspace: withFiles(javaWorkspace(), {
      'apps/jv/pom.xml':
        '<project>\n  <modelVersion>4.0.0</modelVersion>\n  <artifactId>jv</artifactId>\n  <version>1</version>\n</project>\n',
    }),
    run: { dockerize: 'jv' },
    expect: { refused: { file: 'apps/jv/pom.xml', fix: /--entrypoint/, message: /no main class found/ } },
  },
];

const lockfileCases: BadInputCase[] = [
  {
    id: 'node-two-lockfiles',
    kind: 'lockfiles',
    input: 'package-lock.json and yarn.lock at the workspace root',
    workspace: withFiles(api, { 'yarn.lock': '# yarn lockfile v1\n' }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'package-lock.json', fix: /Fix:/, message: /lockfiles of different package managers/ } },
  },
  {
    id: 'node-no-lockfile',
    kind: 'lockfiles',
    input: 'a Node workspace with no lockfile',
    workspace: withFiles(api, { 'package-lock.json': null }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'package-lock.json', fix: /Fix:/, message: /no lockfile/ } },
  },
  {
    id: 'node-lockfile-disagrees',
    kind: 'lockfiles',
    input: '`"packageManager": "pnpm@9.15.0"` but only package-lock.json',
    workspace: withFiles(api, {
      'package.json': JSON.stringify({
        name: 'acme',
        private: true,
        workspaces: ['apps/*'],
        packageManager: 'pnpm@9.15.0',
      }),
    }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'package.json', fix: /Fix:/, message: /says pnpm/ } },
  },
  {
    id: 'rust-no-lockfile',
    kind: 'lockfiles',
    input: 'a crate without Cargo.lock',
    workspace: withFiles(rustWorkspace(), { 'apps/rs/Cargo.lock': null }),
    run: { dockerize: 'rs' },
    expect: { refused: { file: 'Cargo.lock', fix: /cargo generate-lockfile/ } },
  },
  {
    id: 'python-no-lockfile',
    kind: 'lockfiles',
    input: 'pyproject.toml with no uv.lock, poetry.lock or requirements.txt',
    workspace: withFiles(pythonWorkspace(), { 'apps/py/uv.lock': null }),
    run: { dockerize: 'py' },
    expect: { refused: { file: 'apps/py/pyproject.toml', fix: /Fix:/, message: /no lockfile/ } },
  },
  {
    id: 'python-loose-requirements',
    kind: 'lockfiles',
    input: 'requirements.txt with unpinned lines (`fastapi>=0.100`)',
    workspace: withFiles(pythonWorkspace(), {
      'apps/py/uv.lock': null,
      'apps/py/pyproject.toml': null,
      'apps/py/requirements.txt': 'fastapi>=0.100\nuvicorn\n',
    }),
    run: { dockerize: 'py' },
    expect: { refused: { file: 'apps/py/requirements.txt', fix: /Fix:/, message: /not pinned with ==/ } },
  },
];

const optionCases: BadInputCase[] = [
  ...(
    [
      ['port-too-large', '`--port 99999`', { port: 99999 }, 'port'],
      ['port-zero', '`--port 0`', { port: 0 }, 'port'],
      ['port-fraction', '`--port 80.5`', { port: 80.5 }, 'port'],
      ['port-not-a-number', '`port: "http"` from a composing generator', { port: 'http' }, 'port'],
      ['node-version-garbage', '`--nodeVersion banana`', { nodeVersion: 'banana' }, 'nodeVersion'],
      ['runtime-unknown', '`--runtime ubuntu`', { runtime: 'ubuntu' }, 'runtime'],
      ['build-mode-unknown', '`--buildMode fast`', { buildMode: 'fast' }, 'buildMode'],
      [
        'entrypoint-line-break',
        '`--entrypoint` with a line break (`"x\\nRUN curl evil"`)',
        { entrypoint: 'x\nRUN curl evil' },
        'entrypoint',
      ],
      ['main-empty', '`--main ""`', { main: ' ' }, 'main'],
      ['cgo-not-boolean', '`cgo: "yes"` from a composing generator', { cgo: 'yes' }, 'cgo'],
    ] as const
  ).map(([id, input, options, option]): BadInputCase => ({
    id,
    kind: 'options',
    input,
    workspace: api,
    run: { dockerize: 'api', options },
    expect: { refused: { file: `--${option}`, fix: /Fix the value, or leave the option out/ } },
  })),
  {
    id: 'node-version-number',
    kind: 'options',
    input: '`--nodeVersion 22` arriving as the number 22',
    workspace: api,
    run: { dockerize: 'api', options: { nodeVersion: 22 } },
    expect: { written: { 'apps/api/Dockerfile': ['FROM node:22-bookworm-slim', '"nodeVersion":"22"'] } },
  },
  {
    id: 'node-version-range',
    kind: 'options',
    input: '`--nodeVersion ">=20"` (a range, as engines.node would say it)',
    workspace: api,
    run: { dockerize: 'api', options: { nodeVersion: '>=20' } },
    expect: {
      written: {
        'apps/api/Dockerfile': [
          'Node 22 (from the nodeVersion option).',
          'FROM node:22-bookworm-slim',
          '"nodeVersion":">=20"',
        ],
      },
    },
  },
  {
    id: 'port-as-string',
    kind: 'options',
    input: '`port: "8080"` (a string of digits)',
    workspace: api,
    run: { dockerize: 'api', options: { port: '8080' } },
    expect: { written: { 'apps/api/Dockerfile': ['EXPOSE 8080'] } },
  },
];

const pathCases: BadInputCase[] = [
  {
    id: 'path-with-space',
    kind: 'paths and templates',
    input: 'a project at `apps/my api` (a space in the path)',
    workspace: nodeWorkspace('my-api', 'apps/my api'),
    run: { dockerize: 'my-api' },
    expect: {
      written: {
        'apps/my api/Dockerfile': [
          'COPY --link --exclude=**/.npmrc --exclude=**/.yarnrc --exclude=**/.yarnrc.yml --exclude=**/bunfig.toml ["apps/my api/", "apps/my api/"]',
          'CMD ["node", "apps/my api/src/main.js"]',
        ],
        'docker-bake.json': ['"dockerfile": "apps/my api/Dockerfile"'],
      },
    },
  },
  {
    id: 'template-dir-missing',
    kind: 'paths and templates',
    input: '`--templateDir tools/docker` that does not exist',
    workspace: api,
    run: { dockerize: 'api', options: { templateDir: 'tools/docker' } },
    expect: { refused: { file: 'tools/docker', fix: /Create it, or drop --templateDir/ } },
  },
  {
    id: 'template-partial-parse-error',
    kind: 'paths and templates',
    input: 'a template override with a syntax error (`{{#each flags}` unclosed)',
    workspace: withFiles(api, { 'tools/docker/partials/instr/copy.hbs': 'COPY {{#each flags}}{{this}} {{dest}}\n' }),
    run: { dockerize: 'api', options: { templateDir: 'tools/docker' } },
    expect: {
      refused: {
        file: 'tools/docker/partials/instr/copy.hbs',
        fix: /Fix the file, or remove it/,
        message: /does not parse: Parse error on line 2/,
      },
    },
  },
  {
    id: 'template-unknown-field',
    kind: 'paths and templates',
    input: 'a template override that uses a field the plan does not have (`{{nosuch}}`)',
    workspace: withFiles(api, { 'tools/docker/partials/instr/expose.hbs': 'EXPOSE {{nosuch}}\n' }),
    run: { dockerize: 'api', options: { templateDir: 'tools/docker' } },
    expect: { refused: { file: 'tools/docker/partials/instr/expose.hbs', fix: /Check the template overrides/ } },
  },
];

export const BAD_INPUT_CASES: BadInputCase[] = [
  ...bakeCases,
  ...nameCases,
  ...editCases,
  ...kindCases,
  ...manifestCases,
  ...lockfileCases,
  ...optionCases,
  ...pathCases,
];
