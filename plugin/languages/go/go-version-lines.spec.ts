import { describe, expect, it } from 'vitest';
import { memoryFsView } from '../../fs-view';
import { detectGoProject } from './detect-go-project';
import { compareGoVersions } from './go-version-lines';

const graph = { nodes: { api: { data: { root: 'apps/api' } } }, dependencies: {} };
const main = 'package main\n\nimport "example.com/fx"\n\nfunc main() { fx.Rate() }\n';
const goVersionOf = (files: Record<string, string>) =>
  detectGoProject({ fs: memoryFsView(files), project: { name: 'api', root: 'apps/api' }, graph }).goVersion;

/** A go.work workspace whose go.work says `go <work>`, the service go 1.23 and a used lib `go <lib>`. */
const workspace = (work: string, lib: string, extra: Record<string, string> = {}) => ({
  'go.work': `go ${work}\n\nuse (\n\t./apps/api\n\t./libs/fx\n)\n`,
  'apps/api/go.mod': 'module example.com/api\n\ngo 1.23\n',
  'apps/api/main.go': main,
  'libs/fx/go.mod': `module example.com/fx\n\ngo ${lib}\n`,
  'libs/fx/fx.go': 'package fx\n\nfunc Rate() {}\n',
  ...extra,
});

describe('Go version in workspace mode (the highest go line the go command reads)', () => {
  it("go.work written by `go work init` (go 1.27.1) beats the module's go 1.23: no golang:1.23 with GOTOOLCHAIN=local", () => {
    expect(goVersionOf(workspace('1.27.1', '1.23'))).toEqual({
      value: '1.27',
      source: 'go.work go line (newer than every release in versions.json go.supported)',
    });
  });

  it("a used module's go line above go.work's and the service's sets the minimum", () => {
    expect(goVersionOf(workspace('1.23', '1.26.2')).source).toMatch(/^libs\/fx\/go\.mod go line \(go 1\.26/);
  });

  it("go.work's toolchain line applies in workspace mode; the module's toolchain line is ignored there", () => {
    const files = workspace('1.24', '1.24', {
      'go.work': 'go 1.24\n\ntoolchain go1.25.3\n\nuse (\n\t./apps/api\n\t./libs/fx\n)\n',
      'apps/api/go.mod': 'module example.com/api\n\ngo 1.23\n\ntoolchain go1.24.1\n',
    });
    expect(goVersionOf(files)).toEqual({ value: '1.25', source: 'go.work toolchain line' });
  });

  it('a toolchain line below the highest go line does not lower it', () => {
    const files = workspace('1.27.0', '1.23', {
      'go.work': 'go 1.27.0\n\ntoolchain go1.25.3\n\nuse (\n\t./apps/api\n\t./libs/fx\n)\n',
    });
    expect(goVersionOf(files).value).toBe('1.27');
  });

  it("module mode (go.work does not use the service): go.work's lines do not apply, the replaced module's go line does", () => {
    const files = {
      'go.work': 'go 1.27.1\n\nuse ./libs/fx\n',
      'apps/api/go.mod':
        'module example.com/api\n\ngo 1.23\n\nrequire example.com/fx v0.0.0\n\nreplace example.com/fx => ../../libs/fx\n',
      'apps/api/main.go': main,
      'libs/fx/go.mod': 'module example.com/fx\n\ngo 1.24\n',
      'libs/fx/fx.go': 'package fx\n\nfunc Rate() {}\n',
    };
    expect(goVersionOf(files).source).toMatch(/^libs\/fx\/go\.mod go line \(go 1\.24/);
  });

  it('orders Go versions as go/version does', () => {
    const sorted = ['1.21.1', '1.21rc1', '1.21', '1.21.0', '1.9', '1.27.1'].sort(compareGoVersions);
    expect(sorted).toEqual(['1.9', '1.21', '1.21rc1', '1.21.0', '1.21.1', '1.27.1']);
  });
});
