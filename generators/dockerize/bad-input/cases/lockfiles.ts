import { type BadInputCase } from '../run-case';
import { pythonWorkspace, rustWorkspace, withFiles } from '../workspaces';
import { api } from './shared';

/**
 * Bad-input cases of kind "lockfiles":
 * two, missing, disagreeing or unpinned lockfiles.
 */
export const lockfileCases: BadInputCase[] = [
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
