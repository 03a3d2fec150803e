import { describe, expect, it } from 'vitest';
import type { RustProfile } from '../types';
import versions from '../versions.json';
import { expectRegistryCase, type DetectCase } from './__fixtures__/detect-cases';

/**
 * Rust detection: toolchain, Cargo workspaces and members, binaries, lockfile.
 * One row per fixture directory under __fixtures__/ (a tiny workspace each), through the detector registry.
 */
const cases: DetectCase<Partial<RustProfile>>[] = [
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

describe('detectProject: Go and Rust fixtures', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expectRegistryCase(c));
});
