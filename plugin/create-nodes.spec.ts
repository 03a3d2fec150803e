import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodes, createNodesV2, readProjectName } from './create-nodes';
import { stampGenerated } from './generated-marker';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'nx-dockerize-nodes-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const context = (workspaceRoot: string) => ({ workspaceRoot, nxJsonConfiguration: {} }) as never;

describe('createNodes', () => {
  it('is exported under both names Nx 22-24 look for (nx-compat.ts)', () => {
    expect(createNodesV2).toBe(createNodes);
    expect(createNodes[0]).toBe('**/Dockerfile');
  });

  it('infers docker-build with a description and help metadata naming the project', async () => {
    const root = workspace({
      'package-lock.json': '{}',
      'apps/api/project.json': JSON.stringify({ name: 'api' }),
      'apps/api/Dockerfile': stampGenerated('FROM node:22-bookworm-slim\n'),
    });
    const [[file, result]] = await createNodes[1](['apps/api/Dockerfile'], {}, context(root));
    expect(file).toBe('apps/api/Dockerfile');
    const target = result.projects?.['apps/api']?.targets?.['docker-build'];
    expect(target).toMatchObject({
      executor: 'nx-dockerize:docker-build',
      cache: false,
      syncGenerators: ['nx-dockerize:sync'],
    });
    expect(target?.metadata?.description).toMatch(/docker buildx bake/);
    expect(target?.metadata?.help).toEqual({
      command: 'npx nx run api:docker-build --help',
      example: { options: { registry: 'ghcr.io/acme', push: true, tags: ['{shortSha}', '{branch}'] } },
    });
  });

  it('uses the configured target name and the package manager of the workspace', async () => {
    const root = workspace({
      'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
      'apps/web/package.json': JSON.stringify({ name: '@acme/web' }),
      'apps/web/Dockerfile': stampGenerated('FROM node:22-bookworm-slim\n'),
    });
    const [[, result]] = await createNodes[1](['apps/web/Dockerfile'], { targetName: 'image' }, context(root));
    expect(result.projects?.['apps/web']?.targets?.image?.metadata?.help?.command).toBe(
      'pnpm exec nx run @acme/web:image --help',
    );
  });

  it('adds to the inputs what the Dockerfile.dockerignore allow-list lets in outside the project (files, and directories as globs)', async () => {
    const root = workspace({
      'go.work': 'go 1.26.8\n',
      'apps/api/project.json': JSON.stringify({ name: 'api' }),
      'apps/api/go.mod': 'module example.com/api\n',
      'apps/api/Dockerfile': stampGenerated('FROM scratch\n'),
      'apps/api/Dockerfile.dockerignore':
        '# allow-list\n*\n!go.work\n!libs/audit/go.mod\n!libs/fx\n!apps/api\n**/node_modules\n',
      'libs/audit/go.mod': 'module example.com/audit\n',
      'libs/fx/fx.go': 'package fx\n',
    });
    const [[, result]] = await createNodes[1](['apps/api/Dockerfile'], {}, context(root));
    expect(result.projects?.['apps/api']?.targets?.['docker-build']?.inputs).toEqual([
      'default',
      '^default',
      '{workspaceRoot}/docker-bake.json',
      '{workspaceRoot}/go.work',
      '{workspaceRoot}/libs/audit/go.mod',
      '{workspaceRoot}/libs/fx/**/*',
    ]);
  });

  it('leaves hand-written Dockerfiles and Dockerfiles outside a project alone', async () => {
    const root = workspace({
      'apps/api/project.json': JSON.stringify({ name: 'api' }),
      'apps/api/Dockerfile': 'FROM scratch\n',
      'docker/Dockerfile': stampGenerated('FROM scratch\n'),
    });
    const results = await createNodes[1](['apps/api/Dockerfile', 'docker/Dockerfile'], {}, context(root));
    expect(results.map(([, r]) => r)).toEqual([{}, {}]);
  });
});

describe('readProjectName', () => {
  it('prefers project.json name, then package.json nx.name, then name, then the folder', () => {
    const root = workspace({
      'a/project.json': JSON.stringify({ name: 'from-project-json' }),
      'a/package.json': JSON.stringify({ name: 'from-package' }),
      'b/package.json': JSON.stringify({ name: 'pkg', nx: { name: 'nx-name' } }),
      'c/project.json': JSON.stringify({}),
    });
    expect(readProjectName(root, 'a', ['project.json', 'package.json'])).toBe('from-project-json');
    expect(readProjectName(root, 'b', ['package.json'])).toBe('nx-name');
    expect(readProjectName(root, 'c', ['project.json'])).toBe('c');
  });
});
