import versions from '../../versions.json';
import type { BuildPlan, GoProfile, ImageRef, Stage, Step } from '../../types';
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
import { deleteModuleZips, planModulesStage, planToolchainStage, toSlimToolchainImage } from './slim-toolchain';

/** Go's caches, pinned by env: both live in the deps layers (a registry cache carries layers, never cache mounts). */
const GO_ENV = {
  GOMODCACHE: '/go/pkg/mod',
  GOCACHE: '/root/.cache/go-build',
  // Never fetch another toolchain, never rewrite go.mod/go.sum inside the image.
  GOTOOLCHAIN: 'local',
  GOFLAGS: '-mod=readonly',
};
/**
 * The packages the main package imports (transitively) that are not the workspace's: the standard
 * library's (since Go 1.20 none ship compiled; with cgo, net and os/user compile C) and the
 * third-party ones, not the workspace's own modules (main modules, or replaced by a local
 * directory, which has no version). One import path a line, written by the imports stage; its
 * bytes change only when that set does.
 */
const IMPORTS_FILE = '/imports/third-party.txt';
const THIRD_PARTY =
  '{{if .Standard}}{{.ImportPath}}{{else if and .Module (not .Module.Main) (or (not .Module.Replace) .Module.Replace.Version)}}{{.ImportPath}}{{end}}';
/** Go reads every file in SSL_CERT_DIR: the system bundle plus the optional CA secret. */
const CA_DIRS = 'SSL_CERT_DIR=/etc/ssl/certs:/run/secrets';
/** Stripped, path-free, build-id-free: the same sources give the same bytes. */
const LDFLAGS = '-s -w -buildid=';

function toWorkdir(root: string): string {
  return root === '.' ? '/workspace' : `/workspace/${root}`;
}

/** The golang build image for the profile's Go version (versions.json go.images.build), e.g. `golang:1.26-bookworm`. */
const toGoImageName = (profile: GoProfile) => versions.go.images.build.replace('{minor}', profile.goVersion.value);
const toGoImage = (profile: GoProfile) => toImageRef(toGoImageName(profile));

/** Our Go settings, plus GOWORK=off when a go.work the go command would find does not list the module. */
function toGoEnv(profile: GoProfile): Record<string, string> {
  return { ...GO_ENV, ...(profile.goWork && !profile.goWork.used ? { GOWORK: 'off' } : {}) };
}

/**
 * The golang image. With a slim toolchain only deps builds on it and toolchain copies Go out of it:
 * no WORKDIR here (deps sets it), so that copy is keyed by the image alone and shared by every service.
 */
function planBaseStage(profile: GoProfile, slim: boolean): Stage {
  return {
    name: 'base',
    role: 'base',
    ...(slim
      ? {
          purpose:
            'the golang image: `go mod download` runs on it (git, CA certificates), toolchain copies Go from it.',
        }
      : {}),
    from: toGoImage(profile),
    // The toolchain runs natively; GOOS/GOARCH make the target platform's binary. cgo needs a
    // C cross-compiler for that, so a cgo build runs on the target platform instead.
    ...(profile.cgo.value ? {} : { platform: '$BUILDPLATFORM' as const }),
    steps: [
      ...(slim ? [] : [{ kind: 'workdir', path: toWorkdir(profile.projectRoot) } as const]),
      { kind: 'env', vars: toGoEnv(profile) },
      ...planAptInstall(
        mergeSystemPackages(profile.systemLibraries).build,
        'Headers for the C libraries the cgo packages link (see the header).',
      ),
    ],
  };
}

/** `COPY a/go.mod a/go.sum /workspace/a/` for one directory's manifests. */
function copyManifests(dir: string, files: string[]): Step {
  return {
    kind: 'copy',
    role: 'manifest',
    sources: files.map((file) => joinPath(dir, file)),
    dest: `${toWorkdir(dir)}/`,
  };
}

/**
 * go.work (workspace mode) and every local module's go.mod/go.sum, then the service's own: the
 * go command reads all of them to build the requirement graph, and none of their sources.
 */
function planManifestCopies(profile: GoProfile): Step[] {
  const work = profile.goWork?.used ? profile.goWork : undefined;
  const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  return [
    ...(work
      ? [copyManifests(joinPath(work.file, '..'), [base(work.file), ...(work.sum ? [base(work.sum)] : [])])]
      : []),
    // Nested modules (`replace … => ./internal/x`) too: their sources come with the project's, later.
    ...profile.localModules.map((module) => copyManifests(module.dir, ['go.mod', ...(module.goSum ? ['go.sum'] : [])])),
    copyManifests(profile.projectRoot, ['go.mod', ...(profile.goSum ? ['go.sum'] : [])]),
  ];
}

/** With a slim toolchain the module zips go: the extracted tree is what later stages copy and read. */
function planDepsStage(profile: GoProfile, slim: boolean): Stage {
  const download = ['env', CA_DIRS, 'go', 'mod', 'download'];
  return {
    name: 'deps',
    role: 'deps',
    from: { stage: 'base' },
    steps: [
      ...(slim ? [{ kind: 'workdir', path: toWorkdir(profile.projectRoot) } as const] : []),
      ...planManifestCopies(profile),
      {
        kind: 'run',
        role: 'fetch',
        locked: true,
        // No cache mount: the modules land in this layer, which a registry cache carries to a fresh runner.
        command: slim ? ['/bin/sh', '-c', `${download.join(' ')} && ${deleteModuleZips(GO_ENV.GOMODCACHE)}`] : download,
        mounts: [CA_SECRET],
        layers: [GO_ENV.GOMODCACHE],
        ...(slim
          ? {
              comment:
                'The module .zip files are deleted in the same layer: go builds from the extracted tree (with its\n.ziphash), so a fresh runner fetches each module once, not twice.',
            }
          : {}),
      },
    ],
  };
}

/** Source roots beside the project's: its Nx closure and the local modules it imports or requires. */
function toSourceClosure(profile: GoProfile): string[] {
  const modules = profile.localModules
    .filter((module) => module.needed && !isUnderDir(module.dir, profile.projectRoot))
    .map((module) => module.dir);
  return [...new Set([...profile.closure, ...modules])].sort();
}

/** The target's env for every go command after the download: the same flags give the same build-cache keys. */
function toTargetEnv(profile: GoProfile): string {
  return `CGO_ENABLED=${profile.cgo.value ? '1' : '0'} GOOS=$TARGETOS GOARCH=$TARGETARCH`;
}

/** Declared after the download (invariant 8): the deps layer is shared by every target platform. */
const TARGET_ARGS: Step = { kind: 'arg', vars: { TARGETOS: '', TARGETARCH: '' } };

/** Sources in, then the list of non-workspace packages the main package imports (cheap: no compile). */
function planImportsStage(profile: GoProfile, parent: string): Stage {
  const list = `go list -deps -f '${THIRD_PARTY}' ${profile.main.value} > ${IMPORTS_FILE}`;
  return {
    name: 'imports',
    role: 'build',
    purpose: 'the sources, only to list the packages the main package imports (nothing is compiled here).',
    from: { stage: parent },
    steps: [
      TARGET_ARGS,
      ...planSourceCopies({ projectRoot: profile.projectRoot, closure: toSourceClosure(profile) }),
      {
        kind: 'run',
        role: 'build',
        locked: true,
        command: ['/bin/sh', '-c', `mkdir -p /imports && ${CA_DIRS} ${toTargetEnv(profile)} ${list}`],
        mounts: [CA_SECRET],
      },
    ],
  };
}

/**
 * The imported standard and third-party packages compiled into GOCACHE, in a layer keyed by the list's bytes
 * (BuildKit keys a COPY by content): a source edit that keeps the imports keeps this layer.
 */
function planDepsBuildStage(profile: GoProfile, parent: string): Stage {
  const build = `xargs -r go build -trimpath < ${IMPORTS_FILE}`;
  return {
    name: 'deps-build',
    role: 'deps',
    purpose:
      'the imported standard and third-party packages, compiled; keyed by their list, so a source edit re-runs it only when the imports change.',
    from: { stage: parent },
    steps: [
      TARGET_ARGS,
      { kind: 'copy', role: 'tool', from: 'imports', sources: [IMPORTS_FILE], dest: IMPORTS_FILE },
      {
        kind: 'run',
        role: 'build',
        locked: true,
        command: ['/bin/sh', '-c', `${CA_DIRS} ${toTargetEnv(profile)} ${build}`],
        mounts: [CA_SECRET],
        layers: [GO_ENV.GOCACHE],
        comment:
          'Standard and third-party packages only, with GOCACHE in the layer (no cache mount): a fresh runner that\nimports the registry cache gets them compiled; this re-runs only when go.mod/go.sum or the set of imports change.',
      },
    ],
  };
}

function planBuildStage(profile: GoProfile, artifact: string): Stage {
  const build = [
    CA_DIRS,
    toTargetEnv(profile),
    `go build -trimpath -ldflags="${LDFLAGS}" -o ${artifact} ${profile.main.value}`,
  ].join(' ');
  return {
    name: 'build',
    role: 'build',
    from: { stage: 'deps-build' },
    steps: [
      TARGET_ARGS,
      ...planSourceCopies({ projectRoot: profile.projectRoot, closure: toSourceClosure(profile) }),
      // Modules and compiled dependencies come from the layers above: a cache mount on them would hide them.
      { kind: 'run', role: 'build', command: ['/bin/sh', '-c', build], mounts: [CA_SECRET] },
    ],
  };
}

function planLocalModuleNotes(profile: GoProfile): string[] {
  const work = profile.goWork;
  const needed = profile.localModules.filter((module) => module.needed);
  const manifestsOnly = profile.localModules.filter((module) => !module.needed);
  return [
    ...(work?.used
      ? [
          `Workspace mode: ${work.file} lists this module, as \`go build\` finds it from the module's directory; it${work.sum ? ` and ${work.sum}` : ''} and every used module's go.mod/go.sum are copied before \`go mod download\` (go.work joins their requirement graphs, so a change to any of those go.mod files re-runs the download; a source edit in them does not).`,
        ]
      : []),
    ...(work && !work.used
      ? [
          `${work.file} does not list this module: the image builds it on its own (GOWORK=off), as \`go build\` in ${profile.projectRoot} would refuse to otherwise.`,
        ]
      : []),
    ...(needed.length > 0
      ? [
          `Local modules the service requires or imports: ${needed.map((module) => `${module.module} (${module.dir})`).join(', ')}; their go.mod/go.sum enter the dependency layer, their sources the build stage.`,
        ]
      : []),
    ...(manifestsOnly.length > 0
      ? [
          `Local modules read for their go.mod only: ${manifestsOnly.map((module) => module.dir).join(', ')} (their sources stay out of the build).`,
        ]
      : []),
  ];
}

/** static without cgo; cc with it, unless a linked library is not in cc: then Debian slim with exactly those. */
function toRuntime(profile: GoProfile): { image: string; packages: string[] } {
  if (!profile.cgo.value) return { image: versions.go.images.runtime, packages: [] };
  return toCcRuntime(versions.go.images.runtimeCgo, profile.systemLibraries);
}

function planSystemNotes(profile: GoProfile, service: CompiledService): string[] {
  if (profile.systemLibraries.length === 0) return [];
  const { build, runtime } = mergeSystemPackages(profile.systemLibraries);
  const extra = runtime.filter((pkg) => !DISTROLESS_CC_PACKAGES.includes(pkg));
  return [
    ...profile.systemLibraries.map((need) => `cgo library: ${need.reason}.`),
    ...(!profile.cgo.value
      ? [
          `cgo is off (${profile.cgo.source}) although these need it: the binary may fail at run time; drop --cgo=false to let them link.`,
        ]
      : []),
    ...(build.length > 0 ? [`Build stage installs ${build.join(', ')} (apt, cache mounts with sharing=locked).`] : []),
    ...(profile.cgo.value && extra.length > 0
      ? [
          `Runtime ${service.runtimeImage} instead of ${versions.go.images.runtimeCgo}: distroless cc lacks ${extra.join(', ')} and has no package manager, so the slim image installs exactly ${runtime.join(', ')} (plus ${SLIM_PARITY_PACKAGES.join(' and ')}, which distroless carries) and runs as the same uid ${NONROOT_UID}.`,
        ]
      : []),
  ];
}

/** Why the edit's stages run on Debian slim (or why not). */
function planToolchainNote(profile: GoProfile, slim: ImageRef | undefined): string[] {
  const golang = toGoImageName(profile);
  if (!slim)
    return [
      `Every stage builds on ${golang}: ${profile.cgo.value ? 'cgo needs its C toolchain (gcc, libc6-dev, pkg-config)' : 'base installs build packages for the C libraries'}.`,
    ];
  return [
    `Slim toolchain: only deps runs on ${golang} (\`go mod download\` may need git); imports, deps-build and build run on ${slim.image}:${slim.tag} with /usr/local/go (without Go's own tests, the standard library's tests and testdata, and api/: nothing a build reads), the CA bundle and the ENV of the golang image (PATH with /go/bin and /usr/local/go/bin, GOPATH=/go) and the module tree copied from deps (its .zip files deleted, its _test.go files left out: go builds from the extracted tree). A fresh runner that imports the registry cache then extracts Go and the modules for a source edit, not the golang image's compilers, git and Debian build packages.`,
  ];
}

function planNotes(profile: GoProfile, service: CompiledService, slim: ImageRef | undefined): string[] {
  return [
    `Project ${profile.project} at ${profile.projectRoot}: Go module ${profile.module} (from ${profile.projectRoot}/go.mod).`,
    `Go ${profile.goVersion.value} (from ${profile.goVersion.source}); build image ${toGoImageName(profile)} on $BUILDPLATFORM, GOOS/GOARCH from TARGETOS/TARGETARCH (declared after \`go mod download\`, so that layer is shared by every platform).`,
    profile.goSum
      ? `go.mod and ${profile.goSum} are copied before any source; \`go mod download\` verifies every module against go.sum.`
      : 'No go.sum: every requirement is a local module (or there are none), so `go mod download` fetches nothing it must verify.',
    ...planLocalModuleNotes(profile),
    ...planToolchainNote(profile, slim),
    `Layers, not cache mounts: GOMODCACHE after \`go mod download\`, then GOCACHE with the standard and third-party packages the main package imports (\`go list -deps\` in the imports stage; deps-build copies only that list, so it re-runs only when go.mod/go.sum or the set of imports change). A fresh runner that imports the registry cache (mode=max) compiles only the workspace's own packages.`,
    `Main package ${profile.main.value} (from ${profile.main.source}); binary /app/${service.binary}, built with -trimpath -ldflags="${LDFLAGS}".`,
    profile.cgo.value
      ? `cgo on (from ${profile.cgo.source}): CGO_ENABLED=1 and a glibc runtime (${service.runtimeImage}); cross-compiling with cgo needs a C cross-compiler, so build for the builder's own platform.`
      : `cgo off (${profile.cgo.source}): CGO_ENABLED=0, a static binary on ${service.runtimeImage} (CA certificates and tzdata included).`,
    profile.port
      ? `Port ${profile.port.value} (from ${profile.port.source}).`
      : 'No port detected: no EXPOSE and no HEALTHCHECK.',
    ...planSystemNotes(profile, service),
    ...planHealthNote(service),
    `Dependency closure (Nx project graph): ${profile.closure.length > 0 ? profile.closure.join(', ') : 'none'}.`,
    `Runtime ${service.runtimeImage} as uid ${NONROOT_UID} (distroless nonroot); the runtime option applies to Node services only.`,
    'No "# syntax=" line: BuildKit\'s built-in Dockerfile frontend supports RUN --mount and COPY --link.',
  ];
}

/** The compiled allow-list plus the manifest files of the local modules whose sources stay out. */
function planGoIgnore(profile: GoProfile, service: CompiledService): string[] {
  const lines = planCompiledIgnore({ ...service, closure: toSourceClosure(profile) }, []);
  const work = profile.goWork?.used ? [profile.goWork.file, ...(profile.goWork.sum ? [profile.goWork.sum] : [])] : [];
  const manifests = profile.localModules
    .filter((module) => !module.needed && !isUnderDir(module.dir, profile.projectRoot))
    .flatMap((module) => [joinPath(module.dir, 'go.mod'), ...(module.goSum ? [module.goSum] : [])]);
  const at = lines.indexOf('*') + 1;
  return [...lines.slice(0, at), ...[...work, ...manifests].map((path) => `!${path}`), ...lines.slice(at)];
}

/**
 * Go services: base ($BUILDPLATFORM) → deps (go mod download, in the layer) → imports (go list of the
 * third-party packages) → deps-build (them compiled, GOCACHE in the layer) → build → distroless static.
 */
export function planGoRecipe(profile: GoProfile): BuildPlan {
  // main and cgo options were applied by detection (the binary name depends on main).
  const artifact = `/out/${profile.binary}`;
  const runtime = toRuntime(profile);
  const service = toCompiledService(profile, { artifact, binary: profile.binary, runtime }, profile.port?.value);
  const slim = toSlimToolchainImage(profile, toGoImage(profile));
  const slimStages = slim
    ? [planToolchainStage(slim, toGoEnv(profile)), planModulesStage(GO_ENV.GOMODCACHE, toWorkdir(profile.projectRoot))]
    : [];
  const parent = slim ? 'modules' : 'deps';
  return {
    project: profile.project,
    projectRoot: profile.projectRoot,
    stages: [
      planBaseStage(profile, !!slim),
      planDepsStage(profile, !!slim),
      ...slimStages,
      planImportsStage(profile, parent),
      planDepsBuildStage(profile, parent),
      planBuildStage(profile, artifact),
      planCompiledRuntime(service),
    ],
    ignore: planGoIgnore(profile, service),
    bake: planCompiledBake(service),
    notes: planNotes(profile, service, slim),
    files: [],
  };
}
