import type { GoProfile, ImageRef, Stage, Step } from '../../types';
import { mergeSystemPackages } from '../../plan/system-packages';

/**
 * The slim toolchain of a Go service that needs no C toolchain: the stages an edit re-runs (imports,
 * build) and their parents descend from Debian slim plus the Go distribution copied out of the golang
 * image, and the module tree copied out of the deps stage. A fresh CI runner that imports the registry
 * cache then extracts Go and the modules for an edit, not the golang image's gcc, git and Debian build
 * packages (upstream golang:<v>-bookworm is buildpack-deps:bookworm-scm plus g++/gcc/libc6-dev/make/pkg-config).
 */

/** Debian releases the golang image has `-<release>` variants for (docker-library/golang versions.json). */
const DEBIAN_RELEASES = ['buster', 'bullseye', 'bookworm', 'trixie', 'forky'];

/** Where the golang image keeps Go (docker-library/golang Dockerfile-linux.template: `/usr/local/go`). */
const GOROOT = '/usr/local/go';
/**
 * What `go build` and `go list` never read in GOROOT, left out of the copy: Go's own test suite,
 * the API lists of `go tool api`, and the standard library's tests and their data (5.8k of 15k files,
 * 192 of 270 MB for Go 1.26: a fresh runner extracts files, so the count matters). No non-test
 * standard package embeds testdata (`//go:embed` in non-_test files of GOROOT/src outside cmd: only
 * encoding/json/internal/jsontest, which only the json tests import).
 */
export const GOROOT_EXCLUDES = ['test', 'api', '**/testdata', '**/*_test.go'];
/**
 * The modules' test files, left out of the module tree's copy: `go build` and `go list -deps` never
 * read them (2.6k of 9.7k files, 38 of 177 MB for the bench's Go service). testdata stays: a module's
 * non-test code may embed files from it, and no check covers every module.
 */
export const MODULE_EXCLUDES = ['**/*_test.go'];
/** The CA bundle of the golang image (buildpack-deps installs ca-certificates); Debian slim has none. */
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
/** The golang image's own ENV (Dockerfile-linux.template): GOTOOLCHAIN=local comes with ours. */
const GOLANG_IMAGE_ENV = { PATH: '/go/bin:/usr/local/go/bin:$PATH', GOPATH: '/go' };

/**
 * `golang:1.26-bookworm` → `debian:bookworm-slim` (the Debian release of the golang tag); undefined
 * when the service needs a C toolchain (cgo on, or apt packages in the build stage) or the tag names
 * no Debian release (alpine, a digest-only reference): those keep the golang image for every stage.
 */
export function toSlimToolchainImage(profile: GoProfile, goImage: ImageRef): ImageRef | undefined {
  if (profile.cgo.value || mergeSystemPackages(profile.systemLibraries).build.length > 0) return undefined;
  const release = /-([a-z]+)$/.exec(goImage.tag)?.[1];
  if (!release || !DEBIAN_RELEASES.includes(release) || goImage.digest) return undefined;
  return { image: 'debian', tag: `${release}-slim` };
}

/**
 * `find … -name '*.zip' -delete` after `go mod download`, in the same RUN (a later RUN would only hide
 * them). The go command builds from the extracted tree: modfetch treats `<module>@<v>/` plus its
 * `.ziphash` as downloaded, and never re-reads the zip (checked with GOPROXY=off go list/go build).
 */
export function deleteModuleZips(gomodcache: string): string {
  return `find ${gomodcache}/cache/download -type f -name '*.zip' -delete`;
}

/** Debian slim on $BUILDPLATFORM with Go (and the CA bundle) copied from `base`, and the golang image's ENV. */
export function planToolchainStage(slim: ImageRef, env: Record<string, string>): Stage {
  const copy = (path: string, exclude: string[] = []): Step => ({
    kind: 'copy',
    role: 'tool',
    from: 'base',
    sources: [path],
    dest: path,
    link: true,
    ...(exclude.length > 0 ? { exclude } : {}),
  });
  return {
    name: 'toolchain',
    role: 'base',
    purpose: `${slim.image}:${slim.tag} with the Go distribution of the golang image, and its settings: what a source edit re-runs needs, without its C compilers and git.`,
    from: slim,
    platform: '$BUILDPLATFORM',
    steps: [copy(GOROOT, GOROOT_EXCLUDES), copy(CA_BUNDLE), { kind: 'env', vars: { ...GOLANG_IMAGE_ENV, ...env } }],
  };
}

/** The toolchain plus what deps downloaded: the module tree (zips deleted) and the manifests go reads. */
export function planModulesStage(gomodcache: string, workdir: string): Stage {
  return {
    name: 'modules',
    role: 'deps',
    purpose:
      'the toolchain with the module tree and manifests deps downloaded and copied: a fresh runner fetches these layers, not the golang image.',
    from: { stage: 'toolchain' },
    steps: [
      {
        kind: 'copy',
        role: 'dependencies',
        from: 'deps',
        sources: [gomodcache],
        dest: gomodcache,
        link: true,
        exclude: MODULE_EXCLUDES,
      },
      // go.work and every go.mod/go.sum deps read, and nothing else (deps copied no source).
      { kind: 'copy', role: 'manifest', from: 'deps', sources: ['/workspace/'], dest: '/workspace/', link: true },
      { kind: 'workdir', path: workdir },
    ],
  };
}
