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

export interface DockerizeOptions {
  runtime: RuntimeBase;
  port?: number;
  nodeVersion?: string;
  /** Go major.minor for the build image (e.g. `1.26`); must have an image (versions.json go.$policy). */
  goVersion?: string;
  /** Python major.minor for the images (e.g. `3.12`); must have an image (versions.json python.$policy). */
  pythonVersion?: string;
  /** Java feature release (an LTS with temurin images, e.g. `21`). */
  javaVersion?: string;
  buildMode: BuildMode;
  /**
   * What the image runs, in the language's own terms (one option for every language; see
   * generators/dockerize/schema.json#entry). Wins over detection and over `main`/`bin`/`entrypoint`.
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
