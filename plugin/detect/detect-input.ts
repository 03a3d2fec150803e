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

/**
 * The options detection reads: the generator's one options type (normalize-options.ts validated
 * and normalised them), every field optional so tests and composing callers pass only what they set.
 */
export type DetectOptions = Partial<import('../types').DockerizeOptions>;

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
  createRuntimeManifest?: (
    project: string,
    manager: import('../types').NodePackageManager,
  ) => { packageJson: string; lockfile: string } | undefined;
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
