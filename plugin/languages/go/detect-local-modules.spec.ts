import { describe, expect, it } from 'vitest';
import { memoryFsView } from '../../fs-view';
import { detectLocalModules } from './detect-local-modules';
import { readGoMod } from './read-go-mod';

const main = 'package main\n\nimport "example.com/fx"\n\nfunc main() { fx.Rate() }\n';
const layoutOf = (files: Record<string, string>) => () =>
  detectLocalModules(memoryFsView(files), 'api', 'apps/api', readGoMod(files['apps/api/go.mod'], 'apps/api/go.mod'));

describe('detectLocalModules: a directive naming a directory that is not a module', () => {
  it('a mistyped replace path: the go.mod and line of the replace, and Go\'s "replacement directory … does not exist"', () => {
    const run = layoutOf({
      'apps/api/go.mod':
        'module example.com/api\n\ngo 1.23\n\nrequire example.com/fx v0.0.0\n\nreplace example.com/fx => ../../libs/fx\n',
      'apps/api/main.go': main,
      'libs/fx-go/go.mod': 'module example.com/fx\n\ngo 1.23\n',
    });
    expect(run).toThrow(
      /"api": apps\/api\/go\.mod:7: `replace example\.com\/fx => \.\.\/\.\.\/libs\/fx` names libs\/fx, a directory that does not exist \(go: replacement directory \.\.\/\.\.\/libs\/fx does not exist\)\. Fix: correct the path \(it is relative to the directory of apps\/api\/go\.mod\)/,
    );
  });

  it('a mistyped go.work use path: the go.work line', () => {
    const run = layoutOf({
      'go.work': 'go 1.26.8\n\nuse (\n\t./apps/api\n\t./libs/fx\n)\n',
      'apps/api/go.mod': 'module example.com/api\n\ngo 1.23\n',
      'apps/api/main.go': main,
    });
    expect(run).toThrow(
      /go\.work:5: `use \.\/libs\/fx` names libs\/fx, a directory that does not exist \(go: cannot load module \.\/libs\/fx listed in go\.work file\)/,
    );
  });

  it('a directory without go.mod: go mod init, naming the directive', () => {
    const run = layoutOf({
      'apps/api/go.mod':
        'module example.com/api\n\ngo 1.23\n\nrequire example.com/fx v0.0.0\n\nreplace example.com/fx => ../../libs/fx\n',
      'apps/api/main.go': main,
      'libs/fx/fx.go': 'package fx\n',
    });
    expect(run).toThrow(
      /libs\/fx\/go\.mod: missing: a local module the go command reads has no go\.mod \(named by apps\/api\/go\.mod:7: `replace example\.com\/fx => \.\.\/\.\.\/libs\/fx`\)\. Fix: run `go mod init/,
    );
  });
});
