import type { DockerizeOptions, GoProfile, RustProfile } from '../../types';

export const compiledOptions: DockerizeOptions = { runtime: 'slim', buildMode: 'docker' };

/** `catalog-go` as in examples/: root main package, one dependency, a -healthcheck flag. */
export const goProfile: GoProfile = {
  language: 'go',
  project: 'catalog-go',
  projectRoot: 'apps/catalog-go',
  module: 'github.com/nx-dockerize/examples/catalog-go',
  goVersion: { value: '1.26', source: 'apps/catalog-go/go.mod go line' },
  goSum: 'apps/catalog-go/go.sum',
  main: { value: '.', source: 'apps/catalog-go/*.go: package main' },
  binary: 'catalog-go',
  cgo: { value: false, source: 'default (static binary)' },
  port: { value: 8080, source: 'apps/catalog-go/main.go: PORT defaults to "8080"' },
  health: { value: { kind: 'http', path: '/health' }, source: 'apps/catalog-go/main.go: route "/health"' },
  healthcheckFlag: { value: '-healthcheck', source: 'apps/catalog-go/main.go: flag.Bool("healthcheck"' },
  closure: [],
};

/** A cmd/* service with cgo, go.work at the root, a library in its Nx closure, no go.sum, no health flag. */
export const goCgoProfile: GoProfile = {
  ...goProfile,
  project: 'svc',
  projectRoot: 'apps/svc',
  module: 'example.com/svc',
  goSum: undefined,
  goWork: 'go.work',
  main: { value: './cmd/server', source: 'apps/svc/cmd/server: the only main package under cmd/' },
  binary: 'server',
  cgo: { value: true, source: 'options.cgo' },
  healthcheckFlag: undefined,
  closure: ['libs/proto'],
};

/** `search-rust` as in examples/: one package, one binary, a --healthcheck flag. */
export const rustProfile: RustProfile = {
  language: 'rust',
  project: 'search-rust',
  projectRoot: 'apps/search-rust',
  rustVersion: { value: '1.95', source: 'default (versions.json rust.defaultMinor)' },
  lockfile: 'apps/search-rust/Cargo.lock',
  crates: [{ dir: '.', name: 'search-rust', bins: ['src/main.rs'] }],
  bin: { value: { name: 'search-rust', package: 'search-rust' }, source: 'apps/search-rust/src/main.rs: the only binary' },
  port: { value: 8081, source: 'apps/search-rust/src/main.rs: PORT defaults to "8081"' },
  health: { value: { kind: 'http', path: '/health' }, source: 'apps/search-rust/src/main.rs: route "/health"' },
  healthcheckFlag: { value: '--healthcheck', source: 'apps/search-rust/src/main.rs: "--healthcheck"' },
  closure: [],
};

/** A Cargo workspace of three members, the binary in one of them, no port. */
export const rustWorkspaceProfile: RustProfile = {
  ...rustProfile,
  project: 'engine',
  projectRoot: 'apps/engine',
  lockfile: 'apps/engine/Cargo.lock',
  crates: [
    { dir: 'crates/core', name: 'engine-core', lib: 'src/lib.rs', bins: [] },
    { dir: 'crates/server', name: 'engine-server', bins: ['src/server.rs'] },
    { dir: 'tools/gen', name: 'gen', lib: 'src/gen.rs', bins: [] },
  ],
  bin: { value: { name: 'engine', package: 'engine-server' }, source: 'apps/engine/crates/server/src/server.rs: the only binary' },
  port: undefined,
  healthcheckFlag: undefined,
};
