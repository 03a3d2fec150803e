import { type BadInputCase } from '../run-case';
import { goWorkspace, javaWorkspace, pythonWorkspace, rustWorkspace, withFiles } from '../workspaces';
import { api } from './shared';

/**
 * Bad-input cases of kind "malformed manifest":
 * malformed or ambiguous manifests of each language (no entry point, several binaries).
 */
export const manifestCases: BadInputCase[] = [
  {
    id: 'node-package-json-malformed',
    kind: 'malformed manifest',
    input: "the project's package.json is not JSON",
    workspace: withFiles(api, { 'apps/api/package.json': '{ "name": "api", }\n' }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'apps/api/package.json', fix: /Fix:/, message: /not valid JSON/ } },
  },
  {
    id: 'node-root-package-json-malformed',
    kind: 'malformed manifest',
    input: "the workspace's package.json is not JSON",
    workspace: withFiles(api, { 'package.json': '{ "name": \n' }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'package.json', fix: /Fix:/, message: /not valid JSON/ } },
  },
  {
    id: 'node-package-manager-field',
    kind: 'malformed manifest',
    input: '`"packageManager": "npm"` (no version)',
    workspace: withFiles(api, {
      'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*'], packageManager: 'npm' }),
    }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'package.json', fix: /Fix:/, message: /packageManager "npm" is not/ } },
  },
  {
    id: 'node-engines-nonsense',
    kind: 'malformed manifest',
    input: '`"engines": {"node": "banana"}` in the project package.json',
    workspace: withFiles(api, {
      'apps/api/package.json': JSON.stringify({ name: 'api', main: 'src/main.js', engines: { node: 'banana' } }),
    }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'apps/api/package.json', fix: /Fix:/, message: /names no Node version/ } },
  },
  {
    id: 'node-missing-entrypoint',
    kind: 'malformed manifest',
    input: 'a Node service with no `main`, no start script and no main.js',
    workspace: withFiles(api, {
      'apps/api/package.json': JSON.stringify({ name: 'api' }),
      'apps/api/src/main.js': null,
      'apps/api/src/server.js': 'listen(3000)\n',
    }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'apps/api/package.json', fix: /Fix:/, message: /no entrypoint found/ } },
  },
  {
    id: 'node-main-missing-file',
    kind: 'malformed manifest',
    input: '`"main": "src/nope.js"` names a file that does not exist, and nothing builds it',
    workspace: withFiles(api, { 'apps/api/package.json': JSON.stringify({ name: 'api', main: 'src/nope.js' }) }),
    run: { dockerize: 'api' },
    expect: {
      refused: {
        file: 'apps/api/package.json#main',
        fix: /point it at the file the service starts from/,
        message: /names apps\/api\/src\/nope.js, which does not exist/,
      },
    },
  },
  {
    id: 'node-package-json-bom',
    kind: 'malformed manifest',
    input: 'package.json starts with a byte-order mark (a Windows editor)',
    workspace: withFiles(api, {
      'apps/api/package.json': `\uFEFF${JSON.stringify({ name: 'api', main: 'src/main.js' })}`,
    }),
    run: { dockerize: 'api' },
    // The runtime mirrors the workspace under /app (#10): the entrypoint keeps its workspace path.
    expect: { written: { 'apps/api/Dockerfile': ['CMD ["node", "apps/api/src/main.js"]'] } },
  },
  {
    id: 'node-package-json-not-object',
    kind: 'malformed manifest',
    input: "the project's package.json is `[]`",
    workspace: withFiles(api, { 'apps/api/package.json': '[]\n' }),
    run: { dockerize: 'api' },
    expect: { refused: { file: 'apps/api/package.json', fix: /Fix:/, message: /expected a JSON object/ } },
  },
  {
    id: 'go-mod-no-module',
    kind: 'malformed manifest',
    input: 'go.mod without a `module` line',
    workspace: withFiles(goWorkspace(), { 'apps/svc/go.mod': 'go 1.23\n' }),
    run: { dockerize: 'svc' },
    expect: { refused: { file: 'apps/svc/go.mod', fix: /go mod init/ } },
  },
  {
    id: 'go-no-main-package',
    kind: 'malformed manifest',
    input: 'a Go module with no `package main`',
    workspace: withFiles(goWorkspace(), { 'apps/svc/main.go': null, 'apps/svc/lib.go': 'package svc\n' }),
    run: { dockerize: 'svc' },
    expect: { refused: { file: 'apps/svc/cmd', fix: /--main/ } },
  },
  {
    id: 'go-several-commands',
    kind: 'malformed manifest',
    input: 'a Go module with two main packages under cmd/ and none at the root',
    workspace: withFiles(goWorkspace(), {
      'apps/svc/main.go': null,
      'apps/svc/cmd/a/main.go': 'package main\nfunc main() {}\n',
      'apps/svc/cmd/b/main.go': 'package main\nfunc main() {}\n',
    }),
    run: { dockerize: 'svc' },
    expect: { refused: { file: 'apps/svc/cmd', fix: /--main/, message: /several main packages/ } },
  },
  {
    id: 'go-main-option-wrong',
    kind: 'malformed manifest',
    input: '`--main ./nope` names no main package',
    workspace: goWorkspace(),
    run: { dockerize: 'svc', options: { main: './nope' } },
    expect: { refused: { file: 'apps/svc/nope', fix: /pass --main/ } },
  },
  {
    id: 'rust-cargo-toml-malformed',
    kind: 'malformed manifest',
    input: 'Cargo.toml is not TOML',
    workspace: withFiles(rustWorkspace(), { 'apps/rs/Cargo.toml': '[package\nname = "rs"\n' }),
    run: { dockerize: 'rs' },
    expect: { refused: { file: 'apps/rs/Cargo.toml', fix: /cargo metadata/, message: /not valid TOML/ } },
  },
  {
    id: 'rust-no-package-name',
    kind: 'malformed manifest',
    input: 'Cargo.toml without a [package] name',
    workspace: withFiles(rustWorkspace(), { 'apps/rs/Cargo.toml': '[dependencies]\n' }),
    run: { dockerize: 'rs' },
    expect: {
      refused: {
        file: 'apps/rs/Cargo.toml',
        fix: /cargo init/,
        message: /neither a \[package\] with a name nor a \[workspace\]/,
      },
    },
  },
  {
    id: 'rust-two-binaries',
    kind: 'malformed manifest',
    input: 'a crate with two binaries and no `--bin`',
    workspace: withFiles(rustWorkspace(), {
      'apps/rs/src/main.rs': null,
      'apps/rs/src/bin/a.rs': 'fn main() {}\n',
      'apps/rs/src/bin/b.rs': 'fn main() {}\n',
    }),
    run: { dockerize: 'rs' },
    expect: { refused: { file: 'apps/rs/Cargo.toml', fix: /--bin/, message: /several binaries/ } },
  },
  {
    id: 'rust-bin-option-wrong',
    kind: 'malformed manifest',
    input: '`--bin nope` names no binary',
    workspace: rustWorkspace(),
    run: { dockerize: 'rs', options: { bin: 'nope' } },
    expect: { refused: { file: 'apps/rs/Cargo.toml', fix: /pass --bin/, message: /no binary named nope/ } },
  },
  {
    id: 'python-pyproject-malformed',
    kind: 'malformed manifest',
    input: 'pyproject.toml is not TOML',
    workspace: withFiles(pythonWorkspace(), { 'apps/py/pyproject.toml': '[project\nname = "py"\n' }),
    run: { dockerize: 'py' },
    expect: { refused: { file: 'apps/py/pyproject.toml', fix: /Fix:/, message: /not valid TOML/ } },
  },
  {
    id: 'python-no-entrypoint',
    kind: 'malformed manifest',
    input: 'a Python project with no app, script or __main__',
    workspace: withFiles(pythonWorkspace(), { 'apps/py/app/main.py': null, 'apps/py/app/util.py': 'x = 1\n' }),
    run: { dockerize: 'py' },
    expect: { refused: { file: 'apps/py/pyproject.toml', fix: /--entry=/, message: /no entrypoint found/ } },
  },
  {
    id: 'java-pom-malformed',
    kind: 'malformed manifest',
    input: 'pom.xml is not XML',
    workspace: withFiles(javaWorkspace(), { 'apps/jv/pom.xml': '<project><artifactId>jv</project>\n' }),
    run: { dockerize: 'jv' },
    expect: {
      refused: { file: 'apps/jv/pom.xml', fix: /mvn validate/, message: /not well-formed XML \(line 1, column 24/ },
    },
  },
  {
    id: 'gradle-no-main-class',
    kind: 'malformed manifest',
    input: 'a Gradle build (build.gradle.kts) with no application mainClass',
    workspace: withFiles(javaWorkspace(), {
      'apps/jv/pom.xml': null,
      'apps/jv/build.gradle.kts': 'plugins { java }\n',
    }),
    run: { dockerize: 'jv' },
    expect: { refused: { file: 'apps/jv/build.gradle.kts', fix: /--entrypoint/, message: /no main class found/ } },
  },
  {
    id: 'java-no-main-class',
    kind: 'malformed manifest',
    input: 'a plain Maven jar with no main class',
    workspace: withFiles(javaWorkspace(), {
      'apps/jv/pom.xml':
        '<project>\n  <modelVersion>4.0.0</modelVersion>\n  <artifactId>jv</artifactId>\n  <version>1</version>\n</project>\n',
    }),
    run: { dockerize: 'jv' },
    expect: { refused: { file: 'apps/jv/pom.xml', fix: /--entrypoint/, message: /no main class found/ } },
  },
];
