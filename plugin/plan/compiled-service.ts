import versions from '../versions.json';
import type { BakeTarget, BuildContextFacts, HealthProbe, Sourced, Stage, Step } from '../types';
import { planHealth } from './health';
import { parseImageRef } from './image-ref';
import { planAllowList } from './allow-list';
import { planServiceBake, planServiceLabels } from './service-parts';
import { planCreateUserStep } from './service-parts';
import { mergeSystemPackages, planAptInstall, type SystemPackages } from './system-packages';

/**
 * What the Go and Rust recipes share: a compiled binary copied into a distroless runtime,
 * an allow-list ignore file, a bake target. Language knowledge stays in go.ts / rust.ts.
 */
export interface CompiledService {
  project: string;
  projectRoot: string;
  closure: string[];
  buildContext?: BuildContextFacts;
  /** Absolute path of the binary in the build stage. */
  artifact: string;
  binary: string;
  runtimeImage: string;
  /**
   * Debian packages the runtime stage installs (shared libraries the binary links that the
   * distroless image lacks). Non-empty only with a Debian slim `runtimeImage` (distroless has no apt).
   */
  runtimePackages?: string[];
  port?: number;
  healthcheckFlag?: Sourced<string>;
  health?: Sourced<HealthProbe>;
}

/** What a Go or Rust profile shares with the compiled runtime (GoProfile and RustProfile both fit). */
export interface CompiledProfileFacts {
  project: string;
  projectRoot: string;
  closure: string[];
  buildContext?: BuildContextFacts;
  port?: Sourced<number>;
  healthcheckFlag?: Sourced<string>;
  health?: Sourced<HealthProbe>;
}

/**
 * The CompiledService of a Go or Rust profile: its shared facts plus the recipe's own artifact
 * path, binary name and runtime (image, and the Debian packages it installs).
 */
export function toCompiledService(
  profile: CompiledProfileFacts,
  parts: { artifact: string; binary: string; runtime: { image: string; packages?: string[] } },
  port = profile.port?.value,
): CompiledService {
  return {
    project: profile.project,
    projectRoot: profile.projectRoot,
    closure: profile.closure,
    buildContext: profile.buildContext,
    artifact: parts.artifact,
    binary: parts.binary,
    runtimeImage: parts.runtime.image,
    runtimePackages: parts.runtime.packages,
    port,
    healthcheckFlag: profile.healthcheckFlag,
    health: profile.health,
  };
}

export { CA_SECRET } from './service-parts';

export const NONROOT_UID = versions.distroless.nonrootUid;

/**
 * The Debian packages upstream's `gcr.io/distroless/cc-debian12` holds (distroless base/config.bzl
 * BASE_PACKAGES debian12 + cc/config.bzl CC_PACKAGES debian12). static-debian12 holds none of them.
 */
export const DISTROLESS_CC_PACKAGES = ['libc6', 'libssl3', 'libgomp1', 'libstdc++6', 'libgcc-s1', 'gcc-12-base'];

/** Debian slim, for a runtime that needs shared libraries distroless does not carry. */
export const SLIM_RUNTIME_IMAGE = `debian:${versions.debian.tag}`;
/** What every distroless image carries and Debian slim lacks: installed with the libraries on a slim runtime. */
export const SLIM_PARITY_PACKAGES = ['ca-certificates', 'tzdata'];

/**
 * The runtime of a binary linking C libraries: `ccImage` (distroless cc) when it already holds every
 * runtime package the needs name, else Debian slim installing exactly those (plus the parity packages).
 */
export function toCcRuntime(ccImage: string, needs: SystemPackages[]): { image: string; packages: string[] } {
  const { runtime } = mergeSystemPackages(needs);
  if (runtime.every((pkg) => DISTROLESS_CC_PACKAGES.includes(pkg))) return { image: ccImage, packages: [] };
  return { image: SLIM_RUNTIME_IMAGE, packages: [...SLIM_PARITY_PACKAGES, ...runtime] };
}

/** `gcr.io/distroless/static-debian12` → `{ image, tag: '' }` (the image's default tag); see image-ref.ts. */
export const toImageRef = parseImageRef;

/** Libraries of the Nx dependency closure first (they change less often), then the project. */
export function planSourceCopies(service: Pick<CompiledService, 'projectRoot' | 'closure'>): Step[] {
  const roots = [...service.closure.filter((root) => root !== service.projectRoot), service.projectRoot];
  return roots.map((root): Step => ({
    kind: 'copy',
    role: 'source',
    sources: [root === '.' ? './' : `${root}/`],
    dest: root === '.' ? '/workspace/' : `/workspace/${root}/`,
  }));
}

/**
 * The binary alone on distroless, as uid/gid 65532. Distroless has no shell and no curl: a
 * HEALTHCHECK exists only when the binary can probe itself (its `-healthcheck` mode).
 */
export function planCompiledRuntime(service: CompiledService): Stage {
  const binary = `/app/${service.binary}`;
  const portSteps: Step[] = service.port === undefined ? [] : [{ kind: 'expose', port: service.port }];
  const health = planCompiledHealth(service).steps;
  const packages = service.runtimePackages ?? [];
  // A slim runtime installs exactly the runtime libraries and creates the same numeric user distroless has.
  const system: Step[] =
    packages.length === 0
      ? []
      : [
          ...planAptInstall(packages, 'The shared libraries the binary links (see the header), nothing else.'),
          planCreateUserStep(NONROOT_UID),
        ];
  return {
    name: 'runtime',
    role: 'runtime',
    from: toImageRef(service.runtimeImage),
    steps: [
      ...system,
      // Not only the binary's directory: with a `COPY --link` as the first step on the base image, a
      // registry cache exported by a build whose steps were all local hits made a fresh runner re-run
      // that copy, extracting the whole build stage (BuildKit 0.32.2, measured on catalog-go: 9.5-11.5 s
      // against 0.22 s with this WORKDIR first; docs/go-and-rust.md).
      { kind: 'workdir', path: '/app' },
      // Not `--link`: a registry cache exported by a runner that had imported one (every CI runner
      // with cache-from) lacks the link's merge, so each next fresh runner re-ran it, fetching and
      // extracting the build stage, even with no change (BuildKit 0.32.2, e2e go-replace: 12.9-13.4 s
      // against 0.2 s without --link; docs/go-and-rust.md). One binary on a small base: nothing to rebase.
      { kind: 'copy', role: 'artifact', from: 'build', sources: [service.artifact], dest: binary },
      { kind: 'user', uid: NONROOT_UID, gid: NONROOT_UID },
      ...portSteps,
      ...health,
      planServiceLabels(service.project, service.projectRoot),
      { kind: 'entrypoint', argv: [binary] },
    ],
  };
}

/**
 * The HEALTHCHECK of a compiled service: the binary's own probe mode (`-healthcheck`, found in its
 * source) when it has one; else, on a Debian slim runtime (system libraries), bash's /dev/tcp; on
 * distroless (no shell, no curl) none, and the note says so. `--healthcheck=none` turns it off.
 */
function planCompiledHealth(service: CompiledService) {
  const flag = service.healthcheckFlag;
  const slim = (service.runtimePackages ?? []).length > 0;
  const image = slim ? `${service.runtimeImage} (Debian slim)` : service.runtimeImage;
  const argv = flag && service.health?.value.kind !== 'none' ? [`/app/${service.binary}`, flag.value] : undefined;
  if (slim && !argv) return planHealth(service.health, service.port, { kind: 'bash' });
  return planHealth(service.health, service.port, { kind: 'binary', argv, image, source: flag?.source });
}

/** The health note for the header, when there is a port (the port note covers the rest). */
export function planHealthNote(service: CompiledService): string[] {
  const note = planCompiledHealth(service).note;
  return note ? [note] : [];
}

/** Allow-list for `<root>/Dockerfile.dockerignore` (plan/allow-list.ts): the closure and the project, minus `excludeEverywhere` names. */
export function planCompiledIgnore(service: CompiledService, excludeEverywhere: string[]): string[] {
  // Names (`target`) or any-depth patterns (`**/target`) alike.
  return planAllowList({ ...service, excludeEverywhere: excludeEverywhere.map((name) => name.replace(/^\*\*\//, '')) });
}

export function planCompiledBake(service: CompiledService): BakeTarget {
  return planServiceBake(service.project, service.projectRoot);
}
