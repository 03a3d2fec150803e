import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryFsView as memoryFs } from './fs-view';
import { createDependencies, listLocalDependencyEdges, type GraphProject } from './create-dependencies';

const edge = (source: string, target: string, sourceFile: string) => ({ source, target, sourceFile, type: 'static' });

describe('createDependencies: local dependency edges', () => {
  it('go: a replace to a local module the service imports; a replace nothing needs gives no edge', () => {
    const fs = memoryFs({
      'apps/api/go.mod':
        'module example.com/api\n\ngo 1.23\n\nrequire example.com/fx v0.0.0\n\nreplace example.com/fx => ../../libs/fx\nreplace example.com/unused => ../../libs/unused\n',
      'apps/api/main.go': 'package main\n\nimport "example.com/fx"\n\nfunc main() { fx.Rate() }\n',
      'libs/fx/go.mod': 'module example.com/fx\n\ngo 1.23\n',
      'libs/fx/fx.go': 'package fx\n\nfunc Rate() {}\n',
      'libs/unused/go.mod': 'module example.com/unused\n\ngo 1.23\n',
    });
    const projects: GraphProject[] = [
      { name: 'api', root: 'apps/api' },
      { name: 'fx', root: 'libs/fx' },
      { name: 'unused', root: 'libs/unused' },
    ];
    expect(listLocalDependencyEdges(fs, projects)).toEqual([edge('api', 'fx', 'apps/api/go.mod')]);
  });

  it('go: go.work workspace mode, an imported used module is an edge (transitively through a lib)', () => {
    const fs = memoryFs({
      'go.work': 'go 1.26.8\n\nuse (\n\t./apps/api\n\t./libs/fx\n\t./libs/audit\n)\n',
      'apps/api/go.mod': 'module example.com/api\n\ngo 1.23\n',
      'apps/api/main.go': 'package main\n\nimport "example.com/fx"\n\nfunc main() { fx.Rate() }\n',
      'libs/fx/go.mod': 'module example.com/fx\n\ngo 1.23\n',
      'libs/fx/fx.go': 'package fx\n\nimport "example.com/audit"\n\nfunc Rate() { audit.Log() }\n',
      'libs/audit/go.mod': 'module example.com/audit\n\ngo 1.23\n',
      'libs/audit/audit.go': 'package audit\n\nfunc Log() {}\n',
    });
    const projects = [
      { name: 'api', root: 'apps/api' },
      { name: 'fx', root: 'libs/fx' },
      { name: 'audit', root: 'libs/audit' },
    ];
    expect(listLocalDependencyEdges(fs, projects)).toEqual([
      edge('api', 'audit', 'apps/api/go.mod'),
      edge('api', 'fx', 'apps/api/go.mod'),
      edge('fx', 'audit', 'libs/fx/go.mod'),
    ]);
  });

  it('rust: path dependencies (direct and inherited from [workspace.dependencies]); dev-dependencies are not edges', () => {
    const fs = memoryFs({
      'Cargo.toml':
        '[workspace]\nmembers = ["apps/*", "libs/*"]\n\n[workspace.dependencies]\ncore = { path = "libs/core" }\n',
      'Cargo.lock': 'version = 4\n',
      'apps/ledger/Cargo.toml':
        "[package]\nname = 'ledger'\nversion = '0.1.0'\n\n[dependencies]\ncore.workspace = true\n\n[dev-dependencies]\ntesting = { path = '../../libs/testing' }\n",
      'apps/ledger/src/main.rs': 'fn main() {}\n',
      'libs/core/Cargo.toml': '[package]\nname = "core"\nversion = "0.1.0"\n',
      'libs/core/src/lib.rs': '',
      'libs/testing/Cargo.toml': '[package]\nname = "testing"\nversion = "0.1.0"\n',
      'libs/testing/src/lib.rs': '',
    });
    const projects = [
      { name: 'ledger', root: 'apps/ledger' },
      { name: 'core', root: 'libs/core' },
      { name: 'testing', root: 'libs/testing' },
    ];
    expect(listLocalDependencyEdges(fs, projects)).toEqual([edge('ledger', 'core', 'apps/ledger/Cargo.toml')]);
  });

  it('python: uv workspace member sources, transitively; a member with its own lockfile has none', () => {
    const fs = memoryFs({
      'pyproject.toml': '[tool.uv.workspace]\nmembers = ["apps/*", "libs/*"]\n',
      'uv.lock': 'version = 1\n',
      'apps/api/pyproject.toml':
        '[project]\nname = "api"\nversion = "0.1.0"\ndependencies = ["fastapi", "pylib"]\n\n[tool.uv.sources]\npylib = { workspace = true }\n',
      'libs/pylib/pyproject.toml':
        '[project]\nname = "pylib"\nversion = "0.1.0"\ndependencies = ["pyother"]\n\n[tool.uv.sources]\npyother = { workspace = true }\n',
      'libs/pyother/pyproject.toml': '[project]\nname = "pyother"\nversion = "0.1.0"\n',
      'tools/alone/pyproject.toml': '[project]\nname = "alone"\nversion = "0.1.0"\ndependencies = ["pylib"]\n',
      'tools/alone/uv.lock': 'version = 1\n',
    });
    const projects = [
      { name: 'api', root: 'apps/api' },
      { name: 'pylib', root: 'libs/pylib' },
      { name: 'pyother', root: 'libs/pyother' },
      { name: 'alone', root: 'tools/alone' },
    ];
    expect(listLocalDependencyEdges(fs, projects)).toEqual([
      edge('api', 'pyother', 'apps/api/pyproject.toml'),
      edge('api', 'pylib', 'apps/api/pyproject.toml'),
      edge('pylib', 'pyother', 'libs/pylib/pyproject.toml'),
    ]);
  });

  it('java: Maven reactor modules the module depends on; the aggregator root project gets no self edge', () => {
    const pom = (artifactId: string, body = '') =>
      `<project><modelVersion>4.0.0</modelVersion><parent><groupId>com.example</groupId><artifactId>parent</artifactId><version>1</version></parent><artifactId>${artifactId}</artifactId>${body}</project>`;
    const fs = memoryFs({
      'pom.xml':
        '<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging><modules><module>libs/greeting</module><module>apps/greeter</module></modules></project>',
      'libs/greeting/pom.xml': pom('greeting'),
      'apps/greeter/pom.xml': pom(
        'greeter',
        '<dependencies><dependency><groupId>${project.groupId}</groupId><artifactId>greeting</artifactId><version>1</version></dependency></dependencies>',
      ),
    });
    const projects = [
      { name: 'greeter', root: 'apps/greeter' },
      { name: 'greeting', root: 'libs/greeting' },
    ];
    expect(listLocalDependencyEdges(fs, projects)).toEqual([edge('greeter', 'greeting', 'apps/greeter/pom.xml')]);
  });

  it('a dependency directory belongs to the deepest project containing it; one in no project gives no edge', () => {
    const fs = memoryFs({
      'apps/api/go.mod':
        'module example.com/api\n\ngo 1.23\n\nrequire (\n\texample.com/fx v0.0.0\n\texample.com/loose v0.0.0\n)\n\nreplace example.com/fx => ../../libs/money/fx\n\nreplace example.com/loose => ../../loose\n',
      'apps/api/main.go': 'package main\n\nfunc main() {}\n',
      'libs/money/fx/go.mod': 'module example.com/fx\n\ngo 1.23\n',
      'loose/go.mod': 'module example.com/loose\n\ngo 1.23\n',
    });
    const projects = [
      { name: 'api', root: 'apps/api' },
      { name: 'money', root: 'libs/money' },
    ];
    expect(listLocalDependencyEdges(fs, projects)).toEqual([edge('api', 'money', 'apps/api/go.mod')]);
  });

  it('a malformed manifest is skipped with a warning naming the project; Node projects are left to Nx', () => {
    const fs = memoryFs({
      'apps/api/go.mod': 'module example.com/api\n\ngo 1.23\n\nbogus line\n',
      'apps/web/package.json': '{"name":"web","dependencies":{"lib":"*"}}',
    });
    const warnings: string[] = [];
    const edges = listLocalDependencyEdges(
      fs,
      [
        { name: 'api', root: 'apps/api' },
        { name: 'web', root: 'apps/web' },
      ],
      (message) => warnings.push(message),
    );
    expect(edges).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^nx-dockerize: no go dependency edges for api: apps\/api\/go\.mod:5: unknown directive: bogus$/,
      ),
    ]);
  });

  it('reads context.projects (keyed by name) from the workspace root on disk', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nx-dockerize-deps-'));
    try {
      const files: Record<string, string> = {
        'apps/api/go.mod':
          'module example.com/api\n\ngo 1.23\n\nrequire example.com/fx v0.0.0\n\nreplace example.com/fx => ../../libs/fx\n',
        'apps/api/main.go': 'package main\n\nfunc main() {}\n',
        'libs/fx/go.mod': 'module example.com/fx\n\ngo 1.23\n',
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const projects = { api: { root: 'apps/api' }, 'fx-go': { name: 'fx-go', root: 'libs/fx' } };
      const edges = await createDependencies(undefined, { projects, workspaceRoot: root } as never);
      expect(edges).toEqual([edge('api', 'fx-go', 'apps/api/go.mod')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
