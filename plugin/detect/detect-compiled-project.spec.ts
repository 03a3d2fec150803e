import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFsView } from '../fs-view';
import type { GoProfile, RustProfile } from '../types';
import versions from '../versions.json';
import type { DetectOptions, GraphInput, ProjectInput } from './detect-input';
import { detectProject } from '../languages/detect-project';

/** One row per fixture directory under __fixtures__/ (a tiny workspace each), through the detector registry. */
interface Case {
  name: string;
  fixture: string;
  project: ProjectInput;
  graph?: GraphInput;
  options?: DetectOptions;
  expected?: Partial<GoProfile> | Partial<RustProfile>;
  /** Every pattern must appear in the error message (project, file, fix). */
  error?: RegExp[];
}

const noGraph = (project: ProjectInput): GraphInput => ({
  nodes: { [project.name]: { data: { root: project.root } } },
  dependencies: {},
});

const cases: Case[] = [
  {
    name: 'go: root main package, toolchain line beats the go line, go.sum, port and -healthcheck from main.go; go.mod beats package.json',
    fixture: 'go-root-main',
    project: { name: 'api', root: 'apps/api' },
    graph: {
      nodes: { api: { data: { root: 'apps/api' } }, proto: { data: { root: 'libs/proto' } } },
      dependencies: { api: [{ target: 'proto' }] },
    },
    expected: {
      language: 'go',
      module: 'example.com/shop/api/v2',
      goVersion: { value: '1.26', source: 'apps/api/go.mod toolchain line' },
      goSum: 'apps/api/go.sum',
      main: { value: '.', source: 'apps/api/*.go: package main' },
      binary: 'api',
      cgo: { value: false, source: 'default (static binary)' },
      port: { value: 9000, source: 'apps/api/main.go: PORT defaults to "9000"' },
      healthcheckFlag: { value: '-healthcheck', source: 'apps/api/main.go: flag.Bool("healthcheck"' },
      closure: ['libs/proto'],
    },
  },
  {
    name: 'go: the single cmd/* main package, go.work at the root listing it (workspace mode), no go.sum, no port; cgo from the option',
    fixture: 'go-cmd-single',
    project: { name: 'svc', root: 'apps/svc' },
    options: { cgo: true },
    expected: {
      goVersion: {
        value: '1.26',
        source: 'apps/svc/go.mod go line (go 1.24: the newest supported Go that builds it, versions.json go.supported)',
      },
      main: { value: './cmd/server', source: 'apps/svc/cmd/server: the only main package under cmd/' },
      binary: 'server',
      goWork: { file: 'go.work', used: true },
      localModules: [],
      cgo: { value: true, source: 'options.cgo' },
    },
  },
  {
    name: 'go: several cmd/* main packages need --main',
    fixture: 'go-cmd-many',
    project: { name: 'tools', root: 'apps/tools' },
    error: [
      /"tools"/,
      /apps\/tools\/cmd/,
      /several main packages under cmd\/ \(migrate, serve\)/,
      /--main=\.\/cmd\/<name>/,
    ],
  },
  {
    name: 'go: --main picks one (and its source gives the port)',
    fixture: 'go-cmd-many',
    project: { name: 'tools', root: 'apps/tools' },
    options: { main: 'cmd/serve' },
    expected: {
      main: { value: './cmd/serve', source: 'options.main' },
      binary: 'serve',
      port: { value: 7070, source: 'apps/tools/cmd/serve/serve.go: PORT defaults to "7070"' },
    },
  },
  {
    name: 'go: --main naming a non-main directory is an error',
    fixture: 'go-cmd-many',
    project: { name: 'tools', root: 'apps/tools' },
    options: { main: './cmd/docs' },
    error: [/"tools"/, /apps\/tools\/cmd\/docs/, /--main/],
  },
  {
    name: 'go: go.mod without a module line',
    fixture: 'go-no-module',
    project: { name: 'broken', root: 'apps/broken' },
    error: [/"broken"/, /apps\/broken\/go\.mod/, /go mod init/],
  },
  {
    name: 'go: workspace mode (go.work lists it): every used module read, sources of the ones it requires or imports (transitively)',
    fixture: 'go-local-modules',
    project: { name: 'api', root: 'apps/api' },
    expected: {
      goSum: 'apps/api/go.sum',
      goWork: { file: 'go.work', sum: 'go.work.sum', used: true },
      localModules: [
        { dir: 'apps/other', module: 'example.com/other', needed: false },
        { dir: 'libs/fx', module: 'example.com/fx', needed: true },
        { dir: 'libs/money', module: 'example.com/money', needed: true },
      ],
    },
  },
  {
    name: 'go: module mode (go.work does not list it): its own directory replacements only; a replacement nothing needs may be gone',
    fixture: 'go-local-modules',
    project: { name: 'legacy', root: 'apps/legacy' },
    expected: {
      goWork: { file: 'go.work', sum: 'go.work.sum', used: false },
      localModules: [{ dir: 'libs/money', module: 'example.com/money', needed: true }],
    },
  },
  {
    name: 'go: requirements without go.sum are an error that says go mod tidy',
    fixture: 'go-local-modules',
    project: { name: 'nosum', root: 'apps/nosum' },
    error: [
      /"nosum"/,
      /apps\/nosum\/go\.sum: missing, but go\.mod requires 1 module \(github\.com\/google\/uuid\)/,
      /go mod tidy/,
    ],
  },
  {
    name: "go: a malformed go.mod names the file, the line and Go's own message",
    fixture: 'go-local-modules',
    project: { name: 'broken', root: 'apps/broken' },
    error: [/"broken"/, /apps\/broken\/go\.mod:5: usage: require module\/path v1\.2\.3/, /go mod edit -json/],
  },
  {
    name: 'go: a mistyped replace path (no such directory) names the go.mod line holding the replace and says the directory does not exist, as Go does',
    fixture: 'go-local-modules',
    project: { name: 'dangling', root: 'apps/dangling' },
    error: [
      /"dangling"/,
      /apps\/dangling\/go\.mod:7: `replace example\.com\/gone => \.\.\/\.\.\/libs\/gone` names libs\/gone, a directory that does not exist/,
      /go: replacement directory \.\.\/\.\.\/libs\/gone does not exist/,
      /correct the path/,
    ],
  },
  {
    name: 'go: a replacement outside the workspace cannot enter the build context',
    fixture: 'go-local-modules',
    project: { name: 'outside', root: 'apps/outside' },
    error: [
      /"outside"/,
      /apps\/outside\/go\.mod: \.\.\/\.\.\/\.\.\/ext is outside the workspace/,
      /move the module into the workspace/,
    ],
  },
  {
    name: 'go: cgo libraries from go.mod (go-sqlite3) and from imports (gopacket/pcap) turn cgo on, with the reason',
    fixture: 'go-local-modules',
    project: { name: 'sqlite', root: 'apps/sqlite' },
    expected: {
      cgo: {
        value: true,
        source:
          'apps/sqlite/go.mod requires github.com/mattn/go-sqlite3; the service imports github.com/google/gopacket/pcap',
      },
      systemLibraries: [
        {
          build: [],
          runtime: [],
          reason: expect.stringMatching(/compiles SQLite in with cgo.*modernc\.org\/sqlite is pure Go/),
        },
        { build: ['libpcap-dev'], runtime: ['libpcap0.8'], reason: expect.stringContaining('links libpcap') },
      ],
    },
  },
  {
    name: 'rust: package with lib and main, channel from rust-toolchain.toml (rust-version is only a minimum)',
    fixture: 'rust-package',
    project: { name: 'api', root: 'apps/api' },
    expected: {
      language: 'rust',
      rustVersion: { value: '1.94', source: 'apps/api/rust-toolchain.toml channel' },
      lockfile: 'apps/api/Cargo.lock',
      crates: [{ dir: '.', name: 'api', lib: 'src/lib.rs', bins: ['src/main.rs'] }],
      bin: { value: { name: 'api', package: 'api' }, source: 'apps/api/src/main.rs: the only binary' },
      port: { value: 8088, source: 'apps/api/src/main.rs: PORT defaults to "8088"' },
      healthcheckFlag: { value: '--healthcheck', source: 'apps/api/src/main.rs: "--healthcheck"' },
    },
  },
  {
    name: 'rust: workspace members (glob and path), a [[bin]] with a path, [lib] path; default toolchain',
    fixture: 'rust-workspace',
    project: { name: 'engine', root: 'apps/engine' },
    expected: {
      rustVersion: { value: versions.rust.defaultMinor, source: 'default (versions.json rust.defaultMinor)' },
      crates: [
        { dir: 'crates/core', name: 'engine-core', lib: 'src/lib.rs', bins: [] },
        { dir: 'crates/server', name: 'engine-server', bins: ['src/server.rs'] },
        { dir: 'tools/gen', name: 'gen', lib: 'src/gen.rs', bins: [] },
      ],
      bin: {
        value: { name: 'engine', package: 'engine-server' },
        source: 'apps/engine/crates/server/src/server.rs: the only binary',
      },
    },
  },
  {
    name: 'rust: one member of a monorepo-wide workspace (single-quoted TOML, globs with **, exclude, inherited path dependency); cargo metadata agrees on the members',
    fixture: 'rust-monorepo',
    project: { name: 'hasher', root: 'apps/hasher' },
    expected: {
      lockfile: 'Cargo.lock',
      workspaceRoot: '.',
      crates: [
        { dir: 'apps/hasher', name: 'hasher', bins: ['src/main.rs'], others: ['examples/demo.rs'] },
        { dir: 'apps/other', name: 'other', bins: ['src/main.rs'] },
        { dir: 'libs/digest', name: 'digest', lib: 'src/lib.rs', bins: [] },
        { dir: 'libs/nested/crate-util', name: 'crate-util', lib: 'src/lib.rs', bins: [], others: ['build.rs'] },
      ],
      sourceDirs: ['libs/digest', 'libs/nested/crate-util'],
      bin: { value: { name: 'hasher', package: 'hasher' }, source: 'apps/hasher/src/main.rs: the only binary' },
      port: { value: 3000, source: expect.stringContaining('apps/hasher/src/main.rs') },
    },
  },
  {
    name: 'rust: a package the workspace excludes is its own root',
    fixture: 'rust-monorepo',
    project: { name: 'legacy', root: 'apps/legacy' },
    expected: {
      workspaceRoot: 'apps/legacy',
      lockfile: 'apps/legacy/Cargo.lock',
      crates: [{ dir: '.', name: 'legacy', bins: ['src/main.rs'] }],
      sourceDirs: [],
    },
  },
  {
    name: 'rust: a package inside a workspace that does not list it is refused as cargo does',
    fixture: 'rust-monorepo',
    project: { name: 'orphan', root: 'tools/orphan' },
    error: [
      /"orphan"/,
      /^.*: Cargo\.toml: tools\/orphan is inside this Cargo workspace but not one of its members/,
      /add "tools\/orphan" to \[workspace\] members/,
    ],
  },
  {
    name: "rust: invalid TOML names the file and the parser's position",
    fixture: 'rust-monorepo',
    project: { name: 'bad', root: 'tools/bad' },
    error: [/"bad"/, /tools\/bad\/Cargo\.toml: is not valid TOML/, /line 2/],
  },
  {
    name: 'rust: a glob-matched member directory without Cargo.toml is an error, as in cargo',
    fixture: 'rust-member-no-manifest',
    project: { name: 'ws', root: '.' },
    error: [/"ws"/, /workspace member crates\/empty \(from members entry "crates\/\*"\) has no Cargo\.toml/, /exclude/],
  },
  {
    name: 'rust: two src/bin binaries need --bin',
    fixture: 'rust-two-bins',
    project: { name: 'cli', root: 'apps/cli' },
    error: [/"cli"/, /apps\/cli\/Cargo\.toml/, /several binaries \(web, worker\)/, /--bin=<name>/],
  },
  {
    name: 'rust: --bin picks one',
    fixture: 'rust-two-bins',
    project: { name: 'cli', root: 'apps/cli' },
    options: { bin: 'worker' },
    expected: {
      bin: { value: { name: 'worker', package: 'cli' }, source: 'options.bin' },
      crates: [{ dir: '.', name: 'cli', bins: ['src/bin/web.rs', 'src/bin/worker.rs'] }],
    },
  },
  {
    name: 'rust: --bin naming no binary is an error',
    fixture: 'rust-two-bins',
    project: { name: 'cli', root: 'apps/cli' },
    options: { bin: 'nope' },
    error: [/"cli"/, /no binary named nope \(binaries: web, worker\)/],
  },
  {
    name: 'rust: no Cargo.lock (cargo build --locked needs one)',
    fixture: 'rust-no-lock',
    project: { name: 'nolock', root: 'apps/nolock' },
    error: [/"nolock"/, /apps\/nolock\/Cargo\.lock/, /cargo generate-lockfile/],
  },
];

const fixtures = join(__dirname, '__fixtures__');

describe('detectProject: Go and Rust fixtures', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    (_name, { fixture, project, graph, options, expected, error }) => {
      const run = () =>
        detectProject({ fs: diskFsView(join(fixtures, fixture)), project, graph: graph ?? noGraph(project), options });
      if (error) {
        let message = '';
        try {
          run();
        } catch (caught) {
          expect(caught).toBeInstanceOf(Error);
          message = (caught as Error).message;
        }
        for (const pattern of error) expect(message).toMatch(pattern);
        return;
      }
      expect(run()).toMatchObject(expected ?? {});
    },
  );
});
