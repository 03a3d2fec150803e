import { describe, expect, it } from 'vitest';
import { memoryFsView } from '../../fs-view';
import { detectNodeProject } from './detect-node-project';
import { findLiteralCredential, listConfigFilesInBuild } from './detect-config-credentials';

/** An npm workspace with one package-style service, plus the given files. */
function workspace(extra: Record<string, string>) {
  const files = {
    'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['apps/*'] }),
    'package-lock.json': JSON.stringify({
      name: 'ws',
      lockfileVersion: 3,
      packages: { '': { name: 'ws', workspaces: ['apps/*'] } },
    }),
    'apps/api/package.json': JSON.stringify({ name: 'api', main: 'main.js', scripts: { start: 'node main.js' } }),
    'apps/api/main.js': "require('http').createServer().listen(3000);\n",
    ...extra,
  };
  return {
    fs: memoryFsView(files),
    project: { name: 'api', root: 'apps/api' },
    graph: { nodes: { api: { data: { root: 'apps/api' } } }, dependencies: {} },
  };
}

describe('literal registry credentials in config files that enter the build', () => {
  it.each([
    ['.npmrc', '//registry.npmjs.org/:_authToken=npm_abc123', '_authToken'],
    ['.npmrc', '_auth = dXNlcjpwYXNz', '_auth'],
    ['.npmrc', 'registry=https://ci:s3cret@npm.example.com/', 'password in a registry URL'],
    ['.yarnrc.yml', 'npmRegistryServer: "https://ci:s3cret@npm.example.com"', 'password in a registry URL'],
    ['bunfig.toml', '[install]\nregistry = "https://ci:s3cret@npm.example.com/"', 'password in a registry URL'],
    ['.npmrc', '//npm.example.com/:_password="c2VjcmV0"', '_password'],
    ['.yarnrc', '"//registry.npmjs.org/:_authToken" "npm_abc123"', '_authToken'],
    ['.yarnrc.yml', 'npmScopes:\n  acme:\n    npmAuthToken: npm_abc123', 'npmAuthToken'],
    ['.yarnrc.yml', 'npmAuthIdent: "user:pass"', 'npmAuthIdent'],
    ['bunfig.toml', '[install.registry]\nurl = "https://npm.example.com/"\ntoken = "abc"', 'token'],
  ])('%s %j holds a literal %s', (name, text, key) => {
    expect(findLiteralCredential(name, text)).toMatchObject({ key });
  });

  it.each([
    ['.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
    ['.npmrc', '# _authToken=old\n; _auth=old\nregistry=https://npm.example.com/\nalways-auth=true'],
    ['.yarnrc.yml', 'npmAuthToken: "${NPM_TOKEN:-}"\nnodeLinker: node-modules'],
    ['bunfig.toml', '[install.registry]\ntoken = "$NPM_TOKEN"'],
    ['.npmrc', '_authToken='],
    ['.npmrc', 'registry=https://ci:${NPM_PASSWORD}@npm.example.com/'],
    ['.npmrc', 'registry=https://ci@npm.example.com/\n; see https://docs.npmjs.com/cli/v11/configuring-npm/npmrc'],
  ])('%s %j holds no literal credential', (name, text) => {
    expect(findLiteralCredential(name, text)).toBeUndefined();
  });

  it('lists the root install inputs and every package folder’s own config files (a root project: all root ones)', () => {
    expect(listConfigFilesInBuild(['.npmrc', 'patches/'], ['apps/api'])).toEqual([
      '.npmrc',
      'apps/api/.npmrc',
      'apps/api/.yarnrc',
      'apps/api/.yarnrc.yml',
      'apps/api/bunfig.toml',
    ]);
    expect(listConfigFilesInBuild([], ['.'])).toEqual(['.npmrc', '.yarnrc', '.yarnrc.yml', 'bunfig.toml']);
  });

  it('refuses a root .npmrc with a literal token, naming the file, the line and the fix', () => {
    const input = workspace({
      '.npmrc': 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=npm_abc123\n',
    });
    expect(() => detectNodeProject(input)).toThrow(
      /project "api": \.npmrc:2: holds a literal registry credential \(_authToken\).*Fix: .*_authToken=\$\{NPM_TOKEN\}.*id=npm-token.*id=npmrc/,
    );
  });

  it('refuses the project folder’s own .npmrc (its folder copy carries it into the build)', () => {
    expect(() =>
      detectNodeProject(workspace({ 'apps/api/.npmrc': '//registry.npmjs.org/:_authToken=npm_abc123\n' })),
    ).toThrow(/apps\/api\/\.npmrc:1/);
  });

  it('accepts an env reference, and ignores a token in a file the build never copies', () => {
    expect(() =>
      detectNodeProject(workspace({ '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' })),
    ).not.toThrow();
    // npm reads no .yarnrc.yml: it is no install input and outside the project, so it stays out of the context.
    expect(() => detectNodeProject(workspace({ '.yarnrc.yml': 'npmAuthToken: npm_abc123\n' }))).not.toThrow();
  });
});
