import versions from '../../versions.json';
import type { BuildPlan, RustProfile, Stage, Step } from '../../types';
import {
  CA_SECRET,
  DISTROLESS_CC_PACKAGES,
  NONROOT_UID,
  SLIM_PARITY_PACKAGES,
  planCompiledBake,
  planCompiledIgnore,
  planCompiledRuntime,
  planHealthNote,
  planSourceCopies,
  toCcRuntime,
  toCompiledService,
  toImageRef,
  type CompiledService,
} from '../../plan/compiled-service';
import { isUnderDir, joinPath } from '../../detect/join-path';
import { mergeSystemPackages, planAptInstall } from '../../plan/system-packages';

/** Cargo's home (registry index and crate downloads) and target dir, pinned by env: both live in the deps layers. */
const CARGO_ENV = { CARGO_HOME: '/usr/local/cargo', CARGO_TARGET_DIR: '/workspace/target', CARGO_TERM_COLOR: 'never' };
/** Cargo trusts the optional CA secret only when it was mounted (a missing CAINFO file is an error). */
const WITH_CA =
  '[ ! -f /run/secrets/ca-certificates.crt ] || export CARGO_HTTP_CAINFO=/run/secrets/ca-certificates.crt';

function toWorkdir(root: string): string {
  return root === '.' ? '/workspace' : `/workspace/${root}`;
}

function toCrateDir(crate: RustProfile['crates'][number]): string {
  return crate.dir === '.' ? '.' : crate.dir;
}

/** Stub sources for every target cargo must find to read the manifests: `fn main() {}` for binaries, empty libraries. */
function toStubCommands(profile: RustProfile): string[] {
  const toFile = (crate: RustProfile['crates'][number], target: string) =>
    crate.dir === '.' ? target : `${crate.dir}/${target}`;
  const stub = (file: string, body: string) =>
    `mkdir -p ${file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.'} && ${body} ${file}`;
  return profile.crates.flatMap((crate) => [
    ...(crate.lib ? [stub(toFile(crate, crate.lib), ': >')] : []),
    ...[...crate.bins, ...(crate.others ?? [])].map((bin) => stub(toFile(crate, bin), "echo 'fn main() {}' >")),
  ]);
}

function toCargoBuild(profile: RustProfile): string {
  return `cargo build --release --locked -p ${profile.bin.value.package} --bin ${profile.bin.value.name}`;
}

function planBaseStage(profile: RustProfile): Stage {
  return {
    name: 'base',
    role: 'base',
    from: toImageRef(versions.rust.images.build.replace('{minor}', profile.rustVersion.value)),
    steps: [
      { kind: 'workdir', path: toWorkdir(profile.workspaceRoot) },
      { kind: 'env', vars: CARGO_ENV },
      ...planAptInstall(
        mergeSystemPackages(profile.systemLibraries).build,
        'Headers and pkg-config for the system libraries the crates link (see the header).',
      ),
    ],
  };
}

/** Manifests → `cargo fetch` → TARGETPLATFORM → dependencies compiled against stub sources (the cargo-chef idea). */
function planDepsStage(profile: RustProfile): Stage {
  const root = profile.workspaceRoot === '.' ? '' : `${profile.workspaceRoot}/`;
  const workdir = toWorkdir(profile.workspaceRoot);
  const members: Step[] = profile.crates
    .filter((crate) => crate.dir !== '.')
    .map((crate) => ({
      kind: 'copy',
      role: 'manifest',
      sources: [`${joinPath(profile.workspaceRoot, crate.dir)}/Cargo.toml`],
      dest: `${toWorkdir(joinPath(profile.workspaceRoot, crate.dir))}/`,
    }));
  const stubs = toStubCommands(profile);
  return {
    name: 'deps',
    role: 'deps',
    from: { stage: 'base' },
    steps: [
      { kind: 'copy', role: 'manifest', sources: [`${root}Cargo.toml`, profile.lockfile], dest: `${workdir}/` },
      ...members,
      // Cargo cannot read a manifest whose targets have no source file: stubs first, even for `cargo fetch`.
      { kind: 'run', role: 'setup', command: ['/bin/sh', '-c', stubs.join(' && ')], mounts: [] },
      {
        kind: 'run',
        role: 'fetch',
        locked: true,
        // No cache mount: the crates land in this layer, which a registry cache carries to a fresh runner.
        command: ['/bin/sh', '-c', `${WITH_CA}; cargo fetch --locked`],
        mounts: [CA_SECRET],
        layers: [`${CARGO_ENV.CARGO_HOME}/registry`, `${CARGO_ENV.CARGO_HOME}/git`],
      },
      { kind: 'arg', vars: { TARGETPLATFORM: '' } },
      {
        kind: 'run',
        role: 'build',
        resolves: true,
        locked: true,
        command: ['/bin/sh', '-c', `${WITH_CA}; ${toCargoBuild(profile)}`],
        mounts: [CA_SECRET],
        layers: [CARGO_ENV.CARGO_TARGET_DIR],
        comment:
          'Dependencies only: the crates are the stubs above, so this layer (the target dir with the compiled\ndependencies, no cache mount) survives every source edit and reaches a fresh runner through the registry\ncache; it re-runs only when a Cargo.toml or Cargo.lock change.',
      },
    ],
  };
}

function planBuildStage(profile: RustProfile, artifact: string): Stage {
  const crateDirs = profile.crates.map(toCrateDir).join(' ');
  const build = [
    WITH_CA,
    // COPY keeps the sources' own mtimes, which may be older than the stubs' build: make them newer.
    `find ${crateDirs} -name '*.rs' -not -path '*/target/*' -exec touch {} +`,
    toCargoBuild(profile),
    // Out of the target dir, so the runtime stage copies one known path.
    `mkdir -p ${artifact.slice(0, artifact.lastIndexOf('/'))}`,
    `cp "$CARGO_TARGET_DIR/release/${profile.bin.value.name}" ${artifact}`,
  ]
    .join(' && ')
    .replace(' && ', '; ');
  return {
    name: 'build',
    role: 'build',
    from: { stage: 'deps' },
    steps: [
      { kind: 'arg', vars: { TARGETPLATFORM: '' } },
      ...planSourceCopies({ projectRoot: profile.projectRoot, closure: toSourceClosure(profile) }),
      {
        kind: 'run',
        role: 'build',
        resolves: true,
        locked: true,
        command: ['/bin/sh', '-c', build],
        // The registry and the compiled dependencies are the deps layers: a cache mount there would hide them.
        mounts: [CA_SECRET],
      },
    ],
  };
}

/** Source roots beside the project's: its Nx closure and the crates it reaches through path dependencies. */
function toSourceClosure(profile: RustProfile): string[] {
  return [...new Set([...profile.closure, ...profile.sourceDirs])].sort();
}

/** Manifests of the crates cargo loads but whose sources stay out (other members of a shared workspace). */
function toManifestOnly(profile: RustProfile): string[] {
  const sources = [profile.projectRoot, ...toSourceClosure(profile)];
  const covered = (path: string) => sources.some((dir) => isUnderDir(path, dir));
  const files = [
    joinPath(profile.workspaceRoot, 'Cargo.toml'),
    profile.lockfile,
    ...profile.crates.map((crate) => joinPath(profile.workspaceRoot, crate.dir, 'Cargo.toml')),
  ];
  return [...new Set(files)].filter((file) => !covered(file));
}

/**
 * distroless/cc-debian12 when it already holds every runtime library the crates link (libssl3 is
 * there), else Debian slim with exactly those libraries installed.
 */
function toRuntime(profile: RustProfile): { image: string; packages: string[] } {
  return toCcRuntime(versions.rust.images.runtime, profile.systemLibraries);
}

function planSystemNotes(profile: RustProfile, service: CompiledService): string[] {
  if (profile.systemLibraries.length === 0) return [];
  const { build, runtime } = mergeSystemPackages(profile.systemLibraries);
  const moved = (service.runtimePackages ?? []).length > 0;
  return [
    ...profile.systemLibraries.map((need) => `System library: ${need.reason}.`),
    `Build stage installs ${build.join(', ')} (apt, cache mounts with sharing=locked).`,
    moved
      ? `Runtime ${service.runtimeImage} instead of ${versions.rust.images.runtime}: distroless cc lacks ${runtime.filter((pkg) => !DISTROLESS_CC_PACKAGES.includes(pkg)).join(', ')} and has no package manager, so the slim image installs exactly ${runtime.join(', ')} (plus ${SLIM_PARITY_PACKAGES.join(' and ')}, which distroless carries) and runs as the same uid ${NONROOT_UID}.`
      : `Runtime ${service.runtimeImage} already holds ${runtime.join(', ')} (as upstream's distroless cc does): nothing to add.`,
  ];
}

function planLayoutNotes(profile: RustProfile): string[] {
  const names = profile.crates.map((crate) => crate.name).join(', ');
  if (profile.workspaceRoot === profile.projectRoot) {
    return [
      `Project ${profile.project} at ${profile.projectRoot}: ${profile.crates.length === 1 ? `crate ${profile.crates[0].name}` : `Cargo workspace (${names})`} (from ${joinPath(profile.projectRoot, 'Cargo.toml')}); lockfile ${profile.lockfile}.`,
    ];
  }
  return [
    `Project ${profile.project} at ${profile.projectRoot}: package ${profile.bin.value.package}, a member of the Cargo workspace at ${profile.workspaceRoot} (${joinPath(profile.workspaceRoot, 'Cargo.toml')}; crates ${names}); lockfile ${profile.lockfile}.`,
    `Cargo loads every member, so each member's Cargo.toml enters the dependency layer (a manifest or Cargo.lock change anywhere in the workspace re-runs it); only ${profile.bin.value.package}${profile.sourceDirs.length > 0 ? ` and its path dependencies (${profile.sourceDirs.join(', ')})` : ''} enter the build with their sources, and only it is built (-p ${profile.bin.value.package}).`,
  ];
}

function planNotes(profile: RustProfile, service: CompiledService): string[] {
  return [
    ...planLayoutNotes(profile),
    `Rust ${profile.rustVersion.value} (from ${profile.rustVersion.source}); build image ${versions.rust.images.build.replace('{minor}', profile.rustVersion.value)}.`,
    `Binary ${profile.bin.value.name} of package ${profile.bin.value.package} (from ${profile.bin.source}); /app/${service.binary} on ${service.runtimeImage} (glibc, libgcc).`,
    'Dependency layer: Cargo.toml/Cargo.lock, `cargo fetch --locked`, then `cargo build --release --locked` against stub sources compiles only the dependencies; the real sources enter after it, so a source edit recompiles only the crate.',
    `Layers, not cache mounts: $CARGO_HOME/registry and /git (CARGO_HOME=${CARGO_ENV.CARGO_HOME}) after \`cargo fetch\`, and the target dir (CARGO_TARGET_DIR=${CARGO_ENV.CARGO_TARGET_DIR}) with the compiled dependencies, so a fresh runner that imports the registry cache (mode=max) compiles only ${profile.workspaceRoot === profile.projectRoot ? 'the crate' : 'the workspace crates it builds'}; a Cargo.lock change re-fetches and recompiles every dependency (no cache mount keeps old ones).`,
    'The Rust stages build on the target platform (no cross-compilation from $BUILDPLATFORM yet: that needs the target std and a cross linker in the build image).',
    profile.port
      ? `Port ${profile.port.value} (from ${profile.port.source}).`
      : 'No port detected: no EXPOSE and no HEALTHCHECK.',
    ...planSystemNotes(profile, service),
    ...planHealthNote(service),
    `Dependency closure (Nx project graph): ${profile.closure.length > 0 ? profile.closure.join(', ') : 'none'}.`,
    `Runtime ${service.runtimeImage} as uid ${NONROOT_UID}${(service.runtimePackages ?? []).length > 0 ? ' (created like distroless nonroot)' : ' (distroless nonroot)'}; the runtime option applies to Node services only.`,
    'No "# syntax=" line: BuildKit\'s built-in Dockerfile frontend supports RUN --mount and COPY --link.',
  ];
}

function planRustIgnore(profile: RustProfile, service: CompiledService): string[] {
  const lines = planCompiledIgnore({ ...service, closure: toSourceClosure(profile) }, ['**/target']);
  const at = lines.indexOf('*') + 1;
  return [...lines.slice(0, at), ...toManifestOnly(profile).map((file) => `!${file}`), ...lines.slice(at)];
}

/** Rust services: base → deps (manifests, fetch, dependency build on stubs) → build → distroless cc. */
export function planRustRecipe(profile: RustProfile): BuildPlan {
  const artifact = `/out/${profile.bin.value.name}`;
  const runtime = toRuntime(profile);
  const service = toCompiledService(
    profile,
    { artifact, binary: profile.bin.value.name, runtime },
    profile.port?.value,
  );
  return {
    project: profile.project,
    projectRoot: profile.projectRoot,
    stages: [
      planBaseStage(profile),
      planDepsStage(profile),
      planBuildStage(profile, artifact),
      planCompiledRuntime(service),
    ],
    ignore: planRustIgnore(profile, service),
    bake: planCompiledBake(service),
    notes: planNotes(profile, service),
    files: [],
  };
}
