import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { dockerizeProject } from '../dockerize/generator';
import type { ProjectGraphLike } from '../dockerize/lib/read-graph-for-tree';
import { syncDockerfiles } from './generator';

function seed(tree: Tree): ProjectGraphLike {
  tree.write('package.json', JSON.stringify({ name: 'acme', private: true }));
  tree.write(
    'package-lock.json',
    JSON.stringify({ name: 'acme', lockfileVersion: 3, packages: { '': { name: 'acme' } } }),
  );
  tree.write('apps/api/src/main.ts', 'app.listen(8080);\n');
  const build = {
    executor: 'nx:run-commands',
    options: { command: 'esbuild apps/api/src/main.ts --bundle --outfile=dist/apps/api/main.js' },
  };
  addProjectConfiguration(tree, 'api', { root: 'apps/api', targets: { build } });
  addProjectConfiguration(tree, 'auth', { root: 'libs/auth' });
  return {
    nodes: { api: { data: { root: 'apps/api', targets: { build } } }, auth: { data: { root: 'libs/auth' } } },
    dependencies: { api: [], auth: [] },
  };
}

describe('sync generator', () => {
  it('reports nothing when every Dockerfile matches the graph', () => {
    const tree = createTreeWithEmptyWorkspace();
    const graph = seed(tree);
    dockerizeProject(tree, { project: 'api', runtime: 'distroless' }, graph);
    expect(syncDockerfiles(tree, graph)).toEqual({});
  });

  it('brings a new library dependency into the Dockerfile, keeping the recorded options', () => {
    const tree = createTreeWithEmptyWorkspace();
    const graph = seed(tree);
    dockerizeProject(tree, { project: 'api', runtime: 'distroless' }, graph);
    graph.dependencies.api = [{ target: 'auth' }];
    const result = syncDockerfiles(tree, graph);
    // Two files drifted: "match" (plural), and the reason names what moves a Dockerfile.
    expect(result.outOfSyncMessage).toMatch(
      /^apps\/api\/Dockerfile, apps\/api\/Dockerfile\.dockerignore no longer match the project graph \(a library dependency added or removed.*Run `nx sync`/,
    );
    const dockerfile = tree.read('apps/api/Dockerfile', 'utf-8')!;
    expect(dockerfile).toContain('COPY libs/auth/ libs/auth/');
    expect(dockerfile).toContain('gcr.io/distroless/nodejs22-debian12');
    expect(tree.read('apps/api/Dockerfile.dockerignore', 'utf-8')).toContain('!libs/auth');
    expect(syncDockerfiles(tree, graph)).toEqual({});
  });

  it('leaves hand-edited and foreign Dockerfiles alone; passes while the edited one still matches the graph', () => {
    const tree = createTreeWithEmptyWorkspace();
    const graph = seed(tree);
    dockerizeProject(tree, { project: 'api' }, graph);
    const edited = tree.read('apps/api/Dockerfile', 'utf-8')!.replace('EXPOSE 8080', 'EXPOSE 9999');
    tree.write('apps/api/Dockerfile', edited);
    tree.write('libs/auth/Dockerfile', 'FROM scratch\n');
    expect(syncDockerfiles(tree, graph)).toEqual({});
    expect(tree.read('apps/api/Dockerfile', 'utf-8')).toBe(edited);
    expect(tree.read('libs/auth/Dockerfile', 'utf-8')).toBe('FROM scratch\n');
  });

  it('keeps a hand-edited ignore file (and says so) while the Dockerfile still syncs', () => {
    const tree = createTreeWithEmptyWorkspace();
    const graph = seed(tree);
    dockerizeProject(tree, { project: 'api' }, graph);
    const edited = `${tree.read('apps/api/Dockerfile.dockerignore', 'utf-8')!}!extra\n`;
    tree.write('apps/api/Dockerfile.dockerignore', edited);
    graph.dependencies.api = [{ target: 'auth' }];
    expect(syncDockerfiles(tree, graph).outOfSyncMessage).toMatch(/apps\/api\/Dockerfile\b/);
    expect(tree.read('apps/api/Dockerfile', 'utf-8')).toContain('COPY libs/auth/ libs/auth/');
    expect(tree.read('apps/api/Dockerfile.dockerignore', 'utf-8')).toBe(edited);
    expect(syncDockerfiles(tree, graph)).toEqual({});
  });

  it('syncs a root project (Dockerfile at the workspace root) and reports a new top-level entry as drift', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('package.json', JSON.stringify({ name: 'solo', main: 'src/server.js' }));
    tree.write(
      'package-lock.json',
      JSON.stringify({ name: 'solo', lockfileVersion: 3, packages: { '': { name: 'solo' } } }),
    );
    tree.write('src/server.js', 'require("http").createServer().listen(3000);\n');
    const graph: ProjectGraphLike = { nodes: { solo: { data: { root: '.' } } }, dependencies: { solo: [] } };
    dockerizeProject(tree, { project: 'solo' }, graph);
    expect(syncDockerfiles(tree, graph)).toEqual({});
    tree.write('config/default.json', '{}');
    expect(syncDockerfiles(tree, graph).outOfSyncMessage).toMatch(
      /^Dockerfile\.dockerignore no longer matches the project graph/,
    );
    expect(tree.read('Dockerfile.dockerignore', 'utf-8')).toContain('\n!config\n');
  });

  it('fails sync:check, naming the file and the reason, when a hand-edited Dockerfile no longer matches the graph', () => {
    const tree = createTreeWithEmptyWorkspace();
    const graph = seed(tree);
    dockerizeProject(tree, { project: 'api' }, graph);
    const edited = tree.read('apps/api/Dockerfile', 'utf-8')!.replace('EXPOSE 8080', 'EXPOSE 9999');
    tree.write('apps/api/Dockerfile', edited);
    graph.dependencies.api = [{ target: 'auth' }];
    expect(syncDockerfiles(tree, graph).outOfSyncMessage).toMatch(
      /^apps\/api\/Dockerfile: edited by hand, and the project graph changed.*--force/,
    );
    expect(tree.read('apps/api/Dockerfile', 'utf-8')).toBe(edited);
  });

  it('keeps a CRLF checkout of a generated Dockerfile as generated: no drift, no rewrite', () => {
    const tree = createTreeWithEmptyWorkspace();
    const graph = seed(tree);
    dockerizeProject(tree, { project: 'api' }, graph);
    const crlf = tree.read('apps/api/Dockerfile', 'utf-8')!.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    tree.write('apps/api/Dockerfile', crlf);
    expect(syncDockerfiles(tree, graph)).toEqual({});
    expect(tree.read('apps/api/Dockerfile', 'utf-8')).toBe(crlf);
  });

  it('reports a bake field changed by hand instead of deleting it', () => {
    const tree = createTreeWithEmptyWorkspace();
    const graph = seed(tree);
    dockerizeProject(tree, { project: 'api' }, graph);
    const bake = JSON.parse(tree.read('docker-bake.json', 'utf-8')!);
    bake.target.api.tags = ['ghcr.io/acme/api:dev'];
    bake.target.api.platforms = ['linux/arm64'];
    const text = JSON.stringify(bake, null, 2);
    tree.write('docker-bake.json', text);
    graph.dependencies.api = [{ target: 'auth' }];
    expect(syncDockerfiles(tree, graph).outOfSyncMessage).toMatch(
      /apps\/api\/Dockerfile \(api\): docker-bake\.json: target "api" field "tags".*--force/,
    );
    expect(tree.read('docker-bake.json', 'utf-8')).toBe(text);
  });
});
