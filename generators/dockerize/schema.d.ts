export interface DockerizeGeneratorSchema {
  project: string;
  runtime?: 'slim' | 'distroless' | 'alpine';
  port?: number;
  /** A major (`22`), a version or a range (`>=20`, resolved to a major); a number is accepted (YAML, `--nodeVersion 22`). */
  nodeVersion?: string | number;
  /** Go major.minor for the build image; default go.mod's toolchain line, else the newest supported Go >= its go line. */
  goVersion?: string;
  /** Python major.minor; default .python-version, else the newest supported Python requires-python allows. */
  pythonVersion?: string;
  /** Java LTS release; default the smallest supported LTS >= the build file's release. */
  javaVersion?: string;
  buildMode?: 'docker' | 'copy-output';
  /**
   * What the image runs, per language: Node the file node runs (project-relative, or workspace-relative
   * under the build output); Go the main package (`./cmd/server`); Rust the binary name; Python a
   * `module:app` object, a console-script name or a whole command; Java the main class of a plain jar.
   * Wins over detection and over the older per-language aliases `main`, `bin`, `entrypoint`.
   */
  entry?: string;
  /** The HEALTHCHECK: an HTTP route (`/healthz`), `tcp` or `none`; default detected (route in the sources → framework default → tcp). */
  healthcheck?: string;
  /** Go: the main package, project-relative (e.g. `./cmd/server`). */
  main?: string;
  /** Go: build with cgo (CGO_ENABLED=1, glibc runtime). */
  cgo?: boolean;
  /** Rust: the binary to build. */
  bin?: string;
  /** Python: the command the image runs; Java: the main class of a plain jar. */
  entrypoint?: string;
  /** Node: allow an Alpine runtime with native modules built on glibc. */
  nativeOnAlpine?: boolean;
  /** Java: Maven or Gradle, when the project has both a pom.xml and a Gradle build file. */
  buildTool?: 'maven' | 'gradle';
  templateDir?: string;
  force?: boolean;
}
