import { addProjectConfiguration, readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { readGeneratedState } from '../../plugin/generated-marker';
import { dockerizeProject } from './generator';
import type { ProjectGraphLike } from './lib/read-graph-for-tree';
import type { DockerizeGeneratorSchema } from './schema';

/** A small npm workspace: `api` (integrated, esbuild) uses the `shared` library. */
function seedWorkspace(tree: Tree): ProjectGraphLike {
  tree.write('package.json', JSON.stringify({ name: 'acme', private: true, devDependencies: { esbuild: '0.28.2' } }));
  tree.write(
    'package-lock.json',
    JSON.stringify({ name: 'acme', lockfileVersion: 3, packages: { '': { name: 'acme' } } }),
  );
  tree.write('.nvmrc', '22\n');
  tree.write('apps/api/src/main.ts', 'const port = Number(process.env.PORT ?? 8080);\n');
  tree.write('libs/shared/src/index.ts', 'export const shared = 1;\n');
  const build = {
    executor: 'nx:run-commands',
    options: { command: 'esbuild apps/api/src/main.ts --bundle --platform=node --outfile=dist/apps/api/main.js' },
  };
  addProjectConfiguration(tree, 'api', { root: 'apps/api', targets: { build } });
  addProjectConfiguration(tree, 'shared', { root: 'libs/shared' });
  return {
    nodes: {
      api: { type: 'app', data: { root: 'apps/api', targets: { build } } },
      shared: { type: 'lib', data: { root: 'libs/shared' } },
    },
    dependencies: { api: [{ target: 'shared' }], shared: [] },
  };
}

describe('dockerize generator', () => {
  let tree: Tree;
  let graph: ProjectGraphLike;
  const run = (schema: Partial<DockerizeGeneratorSchema> = {}) =>
    dockerizeProject(tree, { project: 'api', ...schema }, graph);

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    graph = seedWorkspace(tree);
  });

  it('writes the Dockerfile, its ignore file and a bake target', () => {
    run();
    const dockerfile = tree.read('apps/api/Dockerfile', 'utf-8')!;
    expect(dockerfile).toContain('FROM node:22-bookworm-slim AS base');
    expect(dockerfile).toContain('COPY libs/shared/ libs/shared/');
    expect(dockerfile).toContain('EXPOSE 8080');
    expect(readGeneratedState(dockerfile)).toBe('generated');
    expect(tree.read('apps/api/Dockerfile.dockerignore', 'utf-8')).toContain('!libs/shared');
    expect(readJson(tree, 'docker-bake.json').target.api).toMatchObject({
      context: '.',
      dockerfile: 'apps/api/Dockerfile',
    });
  });

  it('is idempotent: a second run changes nothing', () => {
    run();
    const before = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    run();
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(before);
  });

  it('refuses to overwrite a hand-edited Dockerfile and names the file and the flag', () => {
    run();
    tree.write('apps/api/Dockerfile', tree.read('apps/api/Dockerfile', 'utf-8')!.replace('EXPOSE 8080', 'EXPOSE 9090'));
    expect(() => run()).toThrow(/apps\/api\/Dockerfile was edited by hand.*nx g nx-dockerize:dockerize api --force/);
    expect(tree.read('apps/api/Dockerfile', 'utf-8')).toContain('EXPOSE 9090');
  });

  it('refuses to replace a Dockerfile it did not write, unless forced', () => {
    tree.write('apps/api/Dockerfile', 'FROM scratch\n');
    expect(() => run()).toThrow(/apps\/api\/Dockerfile already exists and was not written by nx-dockerize/);
    run({ force: true });
    expect(readGeneratedState(tree.read('apps/api/Dockerfile', 'utf-8')!)).toBe('generated');
  });

  it('keeps other projects in the bake file', () => {
    tree.write(
      'docker-bake.json',
      JSON.stringify({
        group: { default: { targets: ['web'] } },
        target: { web: { context: '.', dockerfile: 'apps/web/Dockerfile' } },
      }),
    );
    run();
    const bake = readJson(tree, 'docker-bake.json');
    expect(Object.keys(bake.target).sort()).toEqual(['api', 'web']);
    expect(bake.group.default.targets).toEqual(['api', 'web']);
  });

  it('applies options: distroless runtime and an explicit port', () => {
    run({ runtime: 'distroless', port: 3001 });
    const dockerfile = tree.read('apps/api/Dockerfile', 'utf-8')!;
    expect(dockerfile).toContain('FROM gcr.io/distroless/nodejs22-debian12 AS runtime');
    expect(dockerfile).toContain('USER 65532:65532');
    expect(dockerfile).toContain('EXPOSE 3001');
  });

  it('resolves a --nodeVersion range to a major once: the header and every FROM agree (#14)', () => {
    run({ nodeVersion: '>=20' });
    const dockerfile = tree.read('apps/api/Dockerfile', 'utf-8')!;
    expect(dockerfile).toContain('Node 22 (from the nodeVersion option).');
    expect(dockerfile).toContain('FROM node:22-bookworm-slim AS base');
    expect(dockerfile).not.toMatch(/FROM \S*>=/);
    expect(() => run({ nodeVersion: '>=banana' })).toThrow(
      /Invalid option --nodeVersion ">=banana" for project api: a Node version is a major \(22\), a version \(22\.11\.0\) or a range \(>=20\)/,
    );
  });

  it('uses template overrides from the workspace', () => {
    tree.write('tools/docker-templates/partials/instr/expose.hbs', 'EXPOSE {{port}}/tcp\n');
    run({ templateDir: 'tools/docker-templates' });
    expect(tree.read('apps/api/Dockerfile', 'utf-8')).toContain('EXPOSE 8080/tcp');
  });

  it('explains an unknown project and a missing template directory', () => {
    expect(() => dockerizeProject(tree, { project: 'nope' }, graph)).toThrow(
      /no such Nx project.*known projects: api, shared/,
    );
    expect(() => run({ templateDir: 'missing' })).toThrow(/Template directory "missing".*does not exist/);
  });

  it('composes into a team generator that creates a service and dockerizes it in one run', () => {
    const newService = (name: string) => {
      tree.write(`apps/${name}/src/main.ts`, 'server.listen(4000);\n');
      const build = {
        executor: 'nx:run-commands',
        options: { command: `esbuild apps/${name}/src/main.ts --bundle --outfile=dist/apps/${name}/main.js` },
      };
      addProjectConfiguration(tree, name, {
        root: `apps/${name}`,
        targets: { build },
        implicitDependencies: ['shared'],
      });
      graph.nodes[name] = { type: 'app', data: { root: `apps/${name}`, targets: { build } } };
      graph.dependencies[name] = [{ target: 'shared' }];
      return dockerizeProject(tree, { project: name }, graph);
    };
    const plan = newService('billing');
    expect(plan.project).toBe('billing');
    expect(tree.read('apps/billing/Dockerfile', 'utf-8')).toContain('EXPOSE 4000');
    expect(readJson(tree, 'docker-bake.json').target.billing.dockerfile).toBe('apps/billing/Dockerfile');
  });
});
