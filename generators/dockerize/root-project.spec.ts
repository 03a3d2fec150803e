import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { listTreeFiles, toContextFiles } from '../../plugin/plan/__test__/context-files';
import { dockerizeProject } from './generator';
import type { ProjectGraphLike } from './lib/read-graph-for-tree';

/**
 * A repository that IS the project (`nx init` in an existing repo: root `.`), in every language.
 * The ignore file is checked by what a real dockerignore matcher lets through, not by its text.
 */
const LANGUAGES: Record<string, { files: Record<string, string>; sources: string[]; outputs: string[] }> = {
  node: {
    files: {
      'package.json': JSON.stringify({ name: 'solo', main: 'src/server.js', dependencies: { express: '4.21.2' } }),
      'package-lock.json': JSON.stringify({
        name: 'solo',
        lockfileVersion: 3,
        packages: { '': { name: 'solo', dependencies: { express: '4.21.2' } } },
      }),
      'src/server.js': "require('express')().listen(process.env.PORT ?? 3000);\n",
    },
    sources: ['package.json', 'package-lock.json', 'src/server.js'],
    outputs: [],
  },
  go: {
    files: {
      'go.mod': 'module example.com/solo\n\ngo 1.22\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      'internal/store/store.go': 'package store\n',
    },
    sources: ['go.mod', 'main.go', 'internal/store/store.go'],
    outputs: ['bin/solo'],
  },
  rust: {
    files: {
      'Cargo.toml': '[package]\nname = "solo"\nversion = "0.1.0"\nedition = "2021"\n',
      'Cargo.lock': 'version = 4\n\n[[package]]\nname = "solo"\nversion = "0.1.0"\n',
      'src/main.rs': 'fn main() {}\n',
    },
    sources: ['Cargo.toml', 'Cargo.lock', 'src/main.rs'],
    outputs: ['target/release/solo'],
  },
  python: {
    files: {
      'pyproject.toml': '[project]\nname = "solo"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = []\n',
      'uv.lock': 'version = 1\nrequires-python = ">=3.11"\n',
      'main.py': 'print("hi")\n',
    },
    sources: ['pyproject.toml', 'uv.lock', 'main.py'],
    outputs: ['.venv/bin/python', '__pycache__/main.cpython-311.pyc'],
  },
  java: {
    files: {
      'pom.xml':
        '<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>solo</artifactId><version>1.0.0</version>' +
        '<properties><java.version>17</java.version><exec.mainClass>com.example.App</exec.mainClass></properties></project>',
      'src/main/java/com/example/App.java':
        'package com.example; public class App { public static void main(String[] a) {} }\n',
    },
    sources: ['pom.xml', 'src/main/java/com/example/App.java'],
    outputs: ['target/solo-1.0.0.jar'],
  },
};

/** What `nx init` and a working copy leave around the project: none of it may enter the context. */
const NEVER_SENT = [
  'node_modules/nx/package.json',
  '.nx/workspace-data/project-graph.json',
  '.git/HEAD',
  '.env',
  'dist/main.js',
  'coverage/lcov.info',
  'tools/scripts/release.js',
  'Dockerfile',
  'Dockerfile.dockerignore',
  'docker-bake.json',
];

function seedRootRepository(tree: Tree, files: Record<string, string>, outputs: string[]): ProjectGraphLike {
  tree.write(
    '.gitignore',
    'node_modules\n/dist\n.env\ncoverage/\n.nx/cache\n.nx/workspace-data\nbin/\ntarget/\n.venv\n__pycache__/\n',
  );
  if (!files['package.json'])
    tree.write('package.json', JSON.stringify({ name: 'solo', devDependencies: { nx: '23.2.1' } }));
  for (const [path, text] of Object.entries(files)) tree.write(path, text);
  for (const path of [...NEVER_SENT.filter((file) => !/^(Dockerfile|docker-bake)/.test(file)), ...outputs])
    tree.write(path, 'x');
  tree.write('libs/shared/README.md', 'a library of the closure\n');
  tree.write('docs/guide.md', 'the repository documents itself\n');
  return {
    nodes: {
      solo: { data: { root: '.' } },
      shared: { data: { root: 'libs/shared' } },
      scripts: { data: { root: 'tools/scripts' } },
    },
    dependencies: { solo: [{ target: 'shared' }], shared: [], scripts: [] },
  };
}

describe('a root project (the repository is the project)', () => {
  it.each(Object.entries(LANGUAGES))(
    '%s: the context holds the project, its closure and nothing of the tooling around it',
    (_, language) => {
      const tree = createTreeWithEmptyWorkspace();
      const graph = seedRootRepository(tree, language.files, language.outputs);
      const plan = dockerizeProject(tree, { project: 'solo' }, graph);
      expect(plan.bake.dockerfile).toBe('Dockerfile');
      const sent = toContextFiles(tree.read('Dockerfile.dockerignore', 'utf-8')!, listTreeFiles(tree));
      expect(sent).toEqual(
        expect.arrayContaining([...language.sources, 'libs/shared/README.md', 'docs/guide.md', 'nx.json']),
      );
      for (const file of [...NEVER_SENT, ...language.outputs]) expect(sent, file).not.toContain(file);
    },
  );

  it('node: the npm prune step keeps the root manifest (no `.` workspace) and copies it once', () => {
    const tree = createTreeWithEmptyWorkspace();
    const graph = seedRootRepository(tree, LANGUAGES.node.files, []);
    dockerizeProject(tree, { project: 'solo' }, graph);
    const dockerfile = tree.read('Dockerfile', 'utf-8')!;
    expect(dockerfile).toMatch(/^RUN node - --out=. <<'PRUNE_NPM_WORKSPACES'$/m);
    expect(dockerfile).not.toContain('COPY ./package.json');
  });
});

describe('toContextFiles (the matcher the tests above trust)', () => {
  it('reproduces the bug: `*` then `!.` re-includes nothing', () => {
    expect(toContextFiles('*\n!.\n', ['package.json', 'src/main.ts'])).toEqual([]);
  });

  it('applies the last matching pattern, and a folder pattern to its contents', () => {
    const files = ['apps/api/src/main.ts', 'apps/api/node_modules/x/index.js', 'apps/web/main.ts', 'package.json'];
    expect(toContextFiles('*\n!apps/api\n!package.json\n**/node_modules\n', files)).toEqual([
      'apps/api/src/main.ts',
      'package.json',
    ]);
  });
});
