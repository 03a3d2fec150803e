import versions from '../../versions.json';
import type { BuildPlan, DockerizeOptions, GoProfile, Mount, Stage, Step } from '../../types';
import {
  CA_SECRET, NONROOT_UID, planCompiledBake, planCompiledIgnore, planCompiledRuntime, planHealthNote, planSourceCopies, toImageRef,
  type CompiledService,
} from '../../plan/compiled-service';

/** Go's caches, pinned by env so the cache mounts target the directories go really uses. */
const GO_ENV = {
  GOMODCACHE: '/go/pkg/mod',
  GOCACHE: '/root/.cache/go-build',
  // Never fetch another toolchain, never rewrite go.mod/go.sum inside the image.
  GOTOOLCHAIN: 'local',
  GOFLAGS: '-mod=readonly',
};
const MOD_CACHE: Mount = { type: 'cache', target: GO_ENV.GOMODCACHE };
const BUILD_CACHE: Mount = { type: 'cache', target: GO_ENV.GOCACHE };
/** Go reads every file in SSL_CERT_DIR: the system bundle plus the optional CA secret. */
const CA_DIRS = 'SSL_CERT_DIR=/etc/ssl/certs:/run/secrets';
/** Stripped, path-free, build-id-free: the same sources give the same bytes. */
const LDFLAGS = '-s -w -buildid=';

function toWorkdir(root: string): string {
  return root === '.' ? '/workspace' : `/workspace/${root}`;
}

function planBaseStage(profile: GoProfile): Stage {
  const image = toImageRef(versions.go.images.build.replace('{minor}', profile.goVersion.value));
  return {
    name: 'base',
    role: 'base',
    from: image,
    // The toolchain runs natively; GOOS/GOARCH make the target platform's binary. cgo needs a
    // C cross-compiler for that, so a cgo build runs on the target platform instead.
    ...(profile.cgo.value ? {} : { platform: '$BUILDPLATFORM' as const }),
    steps: [
      { kind: 'workdir', path: toWorkdir(profile.projectRoot) },
      { kind: 'env', vars: { ...GO_ENV, ...(profile.goWork ? { GOWORK: 'off' } : {}) } },
    ],
  };
}

function planDepsStage(profile: GoProfile): Stage {
  const manifests = [`${profile.projectRoot}/go.mod`, ...(profile.goSum ? [profile.goSum] : [])].map((path) => path.replace(/^\.\//, ''));
  return {
    name: 'deps',
    role: 'deps',
    from: { stage: 'base' },
    steps: [
      { kind: 'copy', sources: manifests, dest: `${toWorkdir(profile.projectRoot)}/` },
      { kind: 'run', command: ['env', CA_DIRS, 'go', 'mod', 'download'], mounts: [MOD_CACHE, CA_SECRET] },
    ],
  };
}

function planBuildStage(profile: GoProfile, artifact: string): Stage {
  const cgo = profile.cgo.value ? '1' : '0';
  // Declared after the download (invariant 8): the deps layer is shared by every target platform.
  const target: Step = { kind: 'arg', vars: { TARGETOS: '', TARGETARCH: '' } };
  const build = [
    CA_DIRS,
    `CGO_ENABLED=${cgo}`,
    'GOOS=$TARGETOS GOARCH=$TARGETARCH',
    `go build -trimpath -ldflags="${LDFLAGS}" -o ${artifact} ${profile.main.value}`,
  ].join(' ');
  return {
    name: 'build',
    role: 'build',
    from: { stage: 'deps' },
    steps: [
      target,
      ...planSourceCopies(profile),
      // Modules stay in the cache mount, so the build mounts it too (and may re-download, with the CA, on a fresh runner).
      { kind: 'run', command: ['/bin/sh', '-c', build], mounts: [MOD_CACHE, BUILD_CACHE, CA_SECRET] },
    ],
  };
}

function planNotes(profile: GoProfile, service: CompiledService): string[] {
  return [
    `Project ${profile.project} at ${profile.projectRoot}: Go module ${profile.module} (from ${profile.projectRoot}/go.mod).`,
    `Go ${profile.goVersion.value} (from ${profile.goVersion.source}); build image ${versions.go.images.build.replace('{minor}', profile.goVersion.value)} on $BUILDPLATFORM, GOOS/GOARCH from TARGETOS/TARGETARCH (declared after \`go mod download\`, so that layer is shared by every platform).`,
    profile.goSum ? `go.mod and ${profile.goSum} are copied before any source; \`go mod download\` verifies every module against go.sum.` : 'No go.sum (no module requirements): `go mod download` has nothing to fetch.',
    `Main package ${profile.main.value} (from ${profile.main.source}); binary /app/${service.binary}, built with -trimpath -ldflags="${LDFLAGS}".`,
    profile.cgo.value
      ? `cgo on (from ${profile.cgo.source}): CGO_ENABLED=1 and a glibc runtime (${service.runtimeImage}); cross-compiling with cgo needs a C cross-compiler, so build for the builder's own platform.`
      : `cgo off (${profile.cgo.source}): CGO_ENABLED=0, a static binary on ${service.runtimeImage} (CA certificates and tzdata included).`,
    ...(profile.goWork ? ['go.work found at the workspace root: the image builds the module on its own (GOWORK=off); modules used only through go.work are not copied.'] : []),
    profile.port ? `Port ${profile.port.value} (from ${profile.port.source}).` : 'No port detected: no EXPOSE and no HEALTHCHECK.',
    ...planHealthNote(service),
    `Dependency closure (Nx project graph): ${profile.closure.length > 0 ? profile.closure.join(', ') : 'none'}.`,
    `Runtime ${service.runtimeImage} as uid ${NONROOT_UID} (distroless nonroot); the runtime option applies to Node services only.`,
    'No "# syntax=" line: BuildKit\'s built-in Dockerfile frontend supports RUN --mount and COPY --link.',
  ];
}

/** Go services: base ($BUILDPLATFORM) → deps (go mod download) → build (cross-compile) → distroless static. */
export function planGoRecipe(profile: GoProfile, options: DockerizeOptions): BuildPlan {
  // main and cgo options were applied by detection (the binary name depends on main).
  const artifact = `/out/${profile.binary}`;
  const service: CompiledService = {
    project: profile.project,
    projectRoot: profile.projectRoot,
    closure: profile.closure,
    buildContext: profile.buildContext,
    artifact,
    binary: profile.binary,
    runtimeImage: profile.cgo.value ? versions.go.images.runtimeCgo : versions.go.images.runtime,
    port: options.port ?? profile.port?.value,
    healthcheckFlag: profile.healthcheckFlag,
    health: profile.health,
  };
  return {
    project: profile.project,
    projectRoot: profile.projectRoot,
    stages: [planBaseStage(profile), planDepsStage(profile), planBuildStage(profile, artifact), planCompiledRuntime(service)],
    ignore: planCompiledIgnore(service, []),
    bake: planCompiledBake(service),
    notes: planNotes(profile, service),
    files: [],
  };
}
