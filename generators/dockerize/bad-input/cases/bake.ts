import { edits, type BadInputCase } from '../run-case';
import { withFiles, withProjects } from '../workspaces';
import { api, first, FORCE } from './shared';

/**
 * Bad-input cases of kind "bake file":
 * user blocks and fields kept, generated fields changed or removed, foreign targets, unparsable files.
 */
export const bakeCases: BadInputCase[] = [
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
