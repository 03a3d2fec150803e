import { edits, type BadInputCase } from '../run-case';
import { withFiles, withProjects } from '../workspaces';
import { api, first, FORCE } from './shared';

/**
 * Bad-input cases of kind "edits and checksum":
 * generated files run twice, re-checked out or edited by hand, and the checksum that notices.
 */
export const editCases: BadInputCase[] = [
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
