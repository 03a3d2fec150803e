export interface DockerizeGeneratorSchema {
  project: string;
  runtime?: 'slim' | 'distroless' | 'alpine';
  port?: number;
  /** A major (`22`) or a version; a number is accepted (YAML, `--nodeVersion 22`). */
  nodeVersion?: string | number;
  buildMode?: 'docker' | 'copy-output';
  /** Go: the main package, project-relative (e.g. `./cmd/server`). */
  main?: string;
  /** Go: build with cgo (CGO_ENABLED=1, glibc runtime). */
  cgo?: boolean;
  /** Rust: the binary to build. */
  bin?: string;
  /** Python: the command the image runs; Java: the main class of a plain jar. */
  entrypoint?: string;
  /** Java: Maven or Gradle, when the project has both a pom.xml and a Gradle build file. */
  buildTool?: 'maven' | 'gradle';
  templateDir?: string;
  force?: boolean;
}
