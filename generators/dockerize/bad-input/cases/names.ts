import { type BadInputCase } from '../run-case';
import { nodeWorkspace, withProjects } from '../workspaces';
import { api } from './shared';

/**
 * Bad-input cases of kind "names":
 * project names that collide or do not map to image and target names as they are.
 */
export const nameCases: BadInputCase[] = [
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
