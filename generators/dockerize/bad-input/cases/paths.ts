import { type BadInputCase } from '../run-case';
import { nodeWorkspace, withFiles } from '../workspaces';
import { api } from './shared';

/**
 * Bad-input cases of kind "paths and templates":
 * paths with spaces and broken template overrides.
 */
export const pathCases: BadInputCase[] = [
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
