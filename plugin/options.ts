import type { JavaBuildTool } from './languages/java/java-profile';
import type { Sourced } from './profile';

export type RuntimeBase = 'slim' | 'distroless' | 'alpine';
export type BuildMode = 'docker' | 'copy-output';

/**
 * The service-wide choices the options make, on every profile (detect/service-settings.ts): the
 * runtime base, the build mode and Node's `nativeOnAlpine`. Recipes read these, never the options.
 */
export interface ServiceSettings {
  runtime: Sourced<RuntimeBase>;
  buildMode: Sourced<BuildMode>;
  nativeOnAlpine: boolean;
}

/**
 * The generator's options once normalised (generators/dockerize/lib/normalize-options.ts): the one
 * options type detection reads. The generator's input (schema.d.ts) is this, partial, before that.
 */
export interface DockerizeOptions {
  runtime: RuntimeBase;
  /** 1–65535. */
  port?: number;
  /** A major (`22`), a version or a range (`>=20`), resolved to a supported major by detection. */
  nodeVersion?: string;
  /**
   * Go major.minor for the build image (e.g. `1.26`); must have an image (versions.json go.$policy).
   * Default: go.mod's toolchain line, else the newest supported Go >= its go line.
   */
  goVersion?: string;
  /**
   * Python major.minor for the images (e.g. `3.12`); must have an image (versions.json python.$policy).
   * Default: .python-version, else the newest supported Python requires-python allows.
   */
  pythonVersion?: string;
  /** Java feature release (an LTS with temurin images, e.g. `21`); default the smallest supported LTS >= the build file's release. */
  javaVersion?: string;
  buildMode: BuildMode;
  /**
   * What the image runs, per language: Node the file node runs (project-relative, or workspace-relative
   * under the build output); Go the main package (`./cmd/server`); Rust the binary name; Python a
   * `module:app` object, a console-script name or a whole command; Java the main class of a plain jar.
   * Wins over detection and over the older per-language aliases `main`, `bin`, `entrypoint`.
   */
  entry?: string;
  /** `'/path'` (HTTP GET must answer 2xx), `'tcp'` (the port accepts connections) or `'none'`; default detected. */
  healthcheck?: string;
  /** Go: the main package (e.g. `./cmd/server`); default the root `main.go` or the single `cmd/*`. */
  main?: string;
  /** Go: build with cgo (CGO_ENABLED=1, glibc runtime, no cross-compilation); default false. */
  cgo?: boolean;
  /** Rust: the binary to build (a `[[bin]]` name or the package name). */
  bin?: string;
  /**
   * Python: the command the image runs (e.g. `uvicorn app.main:app --host 0.0.0.0`), split on spaces;
   * Java: the main class of a plain jar. Default: detected.
   */
  entrypoint?: string;
  /** Node: build an Alpine (musl) runtime even though native modules built on glibc are copied into it. */
  nativeOnAlpine?: boolean;
  /** Java: the build tool when the project has both a pom.xml and a Gradle build file. Default: Maven. */
  buildTool?: JavaBuildTool;
}
