import { toServiceSettings } from '../../detect/service-settings';
import type { DockerizeOptions, GoProfile, RustProfile } from '../../types';

export const compiledOptions: DockerizeOptions = { runtime: 'slim', buildMode: 'docker' };

/** `catalog-go` as in examples/: root main package, one dependency, a -healthcheck flag. */
export const goProfile: GoProfile = {
  // Default runtime and build mode; specs set others with withSettings().
  settings: toServiceSettings(),
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
  localModules: [],
  systemLibraries: [],
  closure: [],
};

/** A cmd/* service with cgo, go.work at the root, a library in its Nx closure, no go.sum, no health flag. */
export const goCgoProfile: GoProfile = {
  ...goProfile,
  project: 'svc',
  projectRoot: 'apps/svc',
  module: 'example.com/svc',
  goSum: undefined,
  goWork: { file: 'go.work', used: false },
  main: { value: './cmd/server', source: 'apps/svc/cmd/server: the only main package under cmd/' },
  binary: 'server',
  cgo: { value: true, source: 'options.cgo' },
  healthcheckFlag: undefined,
  closure: ['libs/proto'],
};

/** Workspace mode: go.work lists this service, the lib it imports and a sibling service it does not use. */
export const goWorkspaceProfile: GoProfile = {
  ...goProfile,
  project: 'api',
  projectRoot: 'apps/api',
  module: 'example.com/api',
  goSum: 'apps/api/go.sum',
  goWork: { file: 'go.work', sum: 'go.work.sum', used: true },
  localModules: [
    { dir: 'apps/other', module: 'example.com/other', needed: false },
    { dir: 'libs/money', module: 'example.com/money', goSum: 'libs/money/go.sum', needed: true },
  ],
  healthcheckFlag: undefined,
  closure: [],
};

/** `search-rust` as in examples/: one package, one binary, a --healthcheck flag. */
export const rustProfile: RustProfile = {
  // Default runtime and build mode; specs set others with withSettings().
  settings: toServiceSettings(),
  language: 'rust',
  project: 'search-rust',
  projectRoot: 'apps/search-rust',
  rustVersion: { value: '1.95', source: 'default (versions.json rust.defaultMinor)' },
  lockfile: 'apps/search-rust/Cargo.lock',
  workspaceRoot: 'apps/search-rust',
  sourceDirs: [],
  systemLibraries: [],
  crates: [{ dir: '.', name: 'search-rust', bins: ['src/main.rs'] }],
  bin: {
    value: { name: 'search-rust', package: 'search-rust' },
    source: 'apps/search-rust/src/main.rs: the only binary',
  },
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
  workspaceRoot: 'apps/engine',
  crates: [
    { dir: 'crates/core', name: 'engine-core', lib: 'src/lib.rs', bins: [] },
    { dir: 'crates/server', name: 'engine-server', bins: ['src/server.rs'] },
    { dir: 'tools/gen', name: 'gen', lib: 'src/gen.rs', bins: [] },
  ],
  bin: {
    value: { name: 'engine', package: 'engine-server' },
    source: 'apps/engine/crates/server/src/server.rs: the only binary',
  },
  port: undefined,
  healthcheckFlag: undefined,
};

/** One member of a monorepo-wide Cargo workspace at the root: a path dependency in libs/, a sibling service. */
export const rustMemberProfile: RustProfile = {
  ...rustProfile,
  project: 'hasher',
  projectRoot: 'apps/hasher',
  lockfile: 'Cargo.lock',
  workspaceRoot: '.',
  crates: [
    { dir: 'apps/hasher', name: 'hasher', bins: ['src/main.rs'] },
    { dir: 'apps/other', name: 'other', bins: ['src/main.rs'] },
    { dir: 'libs/digest', name: 'digest', lib: 'src/lib.rs', bins: [], others: ['build.rs'] },
  ],
  sourceDirs: ['libs/digest'],
  systemLibraries: [
    {
      build: ['pkg-config', 'libssl-dev'],
      runtime: ['libssl3'],
      reason: 'openssl-sys 0.9.111 (Cargo.lock) links OpenSSL; to avoid it: rustls',
    },
  ],
  bin: { value: { name: 'hasher', package: 'hasher' }, source: 'apps/hasher/src/main.rs: the only binary' },
  healthcheckFlag: undefined,
  closure: [],
};

/** The member links OpenSSL (kept on distroless cc, which has libssl3) and libpq (moves the runtime to Debian slim). */
export const rustMemberPqProfile: RustProfile = {
  ...rustMemberProfile,
  systemLibraries: [
    {
      build: ['pkg-config', 'libssl-dev'],
      runtime: ['libssl3'],
      reason: 'openssl-sys 0.9.111 (Cargo.lock) links OpenSSL',
    },
    { build: ['pkg-config', 'libpq-dev'], runtime: ['libpq5'], reason: 'pq-sys 0.7.8 (Cargo.lock) links libpq' },
  ],
};

/** A cgo service using gopacket/pcap: libpcap-dev to build, libpcap0.8 at run time (not in distroless cc). */
export const goPcapProfile: GoProfile = {
  ...goProfile,
  cgo: { value: true, source: 'the service imports github.com/google/gopacket/pcap' },
  systemLibraries: [
    {
      build: ['libpcap-dev'],
      runtime: ['libpcap0.8'],
      reason: 'the service imports github.com/google/gopacket/pcap: it links libpcap',
    },
  ],
};
