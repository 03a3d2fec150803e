import type { FsView } from '../fs-view';

/**
 * What detection needs to know about a project, in the shapes Nx already has:
 * `readProjectConfiguration` (project) and `createProjectGraphAsync` (graph).
 * Only the fields read here are declared, so Nx's own objects fit as they are.
 */
export interface TargetInput {
  executor?: string;
  command?: string;
  // Executor options are free-form in Nx; the readers below check each field they use.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  options?: any;
  outputs?: string[];
}

export interface ProjectInput {
  name: string;
  /** Workspace-relative, POSIX; `.` or `` for a root project. */
  root: string;
  targets?: Record<string, TargetInput>;
  /** The Nx graph's node type (`app`, `lib`, `e2e`), when known. */
  type?: string;
  /** `projectType` as declared in project.json or package.json#nx (`application`, `library`). */
  projectType?: string;
}

/** The subset of an Nx ProjectGraph we read. `npm:*` targets are not in `nodes`. */
export interface GraphInput {
  nodes: Record<string, { data: { root: string } }>;
  dependencies: Record<string, { target: string }[]>;
}

export interface DetectOptions {
  port?: number;
  nodeVersion?: string;
  /** Go major.minor for the build image (e.g. `1.26`); must have an image (versions.json go.$policy). */
  goVersion?: string;
  /** Python major.minor for the images (e.g. `3.12`); must have an image (versions.json python.$policy). */
  pythonVersion?: string;
  /** Java feature release (an LTS with temurin images, e.g. `21`). */
  javaVersion?: string;
  /**
   * What the image runs, in the language's own terms (one option for every language; see
   * generators/dockerize/schema.json#entry). Wins over detection and over `main`/`bin`/`entrypoint`.
   */
  entry?: string;
  /** `'/path'`, `'tcp'` or `'none'` (see detect/detect-health.ts). */
  healthcheck?: string;
  /** Go: the main package, project-relative (e.g. `./cmd/server`). */
  main?: string;
  /** Go: build with cgo. */
  cgo?: boolean;
  /** Rust: the binary to build. */
  bin?: string;
  /** Python: the command to run; Java: the main class. */
  entrypoint?: string;
  /** Java: Maven or Gradle, when the project has both build files. */
  buildTool?: 'maven' | 'gradle';
}

export interface NodeProjectInput {
  fs: FsView;
  project: ProjectInput;
  graph: GraphInput;
  options?: DetectOptions;
  /**
   * Integrated Node projects: the runtime's package.json and pruned lockfile for `project`, made
   * by Nx from the full project graph (the generator passes it; undefined when the graph has no
   * external nodes, e.g. an in-memory test Tree).
   */
  createRuntimeManifest?: (project: string, manager: import('../types').NodePackageManager) => { packageJson: string; lockfile: string } | undefined;
}

/** A package.json as far as detection reads it. */
export interface PackageJson {
  name?: string;
  main?: string;
  packageManager?: string;
  scripts?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
