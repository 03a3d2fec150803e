import type { NativeModule } from './detect-native-modules';
import type { FrameworkFacts } from './frameworks/framework-provider';
import type { ServiceSettings } from '../../options';
import type { BuildContextFacts, HealthProbe, Sourced } from '../../profile';

export type NodePackageManager = 'npm' | 'pnpm' | 'yarn-classic' | 'yarn-berry' | 'bun';

export interface NodeProfile {
  /** Runtime base, build mode (from the options, resolved once in detection). */
  settings: ServiceSettings;
  language: 'node';
  /** Nx project name, e.g. `orders` or `@examples/inventory`. */
  project: string;
  /** Project root relative to the workspace root, POSIX separators, e.g. `apps/orders`. */
  projectRoot: string;
  packageManager: Sourced<NodePackageManager>;
  /** Exact package-manager version when known (packageManager field, lockfile hint). */
  packageManagerVersion?: Sourced<string>;
  /** Lockfile path relative to the workspace root; undefined when none exists. */
  lockfile?: string;
  /** Node major version to build and run with, e.g. `22`. */
  nodeVersion: Sourced<string>;
  /** Whether the project has its own package.json (a workspace package) or lives in the root one. */
  style: 'package' | 'integrated';
  /**
   * How the artifact is produced. `command` is run in the project's build stage with the
   * workspace root as cwd; `outputPath` is where the artifact lands (workspace-relative).
   */
  build?: Sourced<{ command: string; outputPath: string; runsNx?: boolean }>;
  /** The file `node` runs, relative to `build.outputPath` (or to the project root when there is no build). */
  entrypoint: Sourced<string>;
  port?: Sourced<number>;
  /** Workspace-relative roots of the project's workspace dependency closure (libs it uses), sorted. */
  closure: string[];
  /** Root-project entries and nested projects for the allow-list (see BuildContextFacts). */
  buildContext?: BuildContextFacts;
  /** The health check: an option, a route found in the sources, a framework default, else TCP. */
  health?: Sourced<HealthProbe>;
  /**
   * Workspace-relative roots, among `closure`, that have their own package.json (npm/pnpm/yarn/bun
   * workspaces). Their manifests are copied with the lockfile; for npm they are the workspaces the
   * pruned lockfile keeps. Optional so detectors can add it later; missing means none.
   */
  workspaceManifests?: string[];
  /** Root-level files the build needs besides the closure, e.g. `tsconfig.base.json`. */
  rootFiles: string[];
  /** Does the project need node_modules at runtime (it has production dependencies)? */
  hasProdDependencies: boolean;
  /**
   * Root files and folders the install reads besides manifests and lockfile, present in the
   * workspace: `.npmrc`, `.yarnrc.yml`, `.yarn/releases`, `.yarn/plugins`, patch folders …
   * Optional so older profiles stay valid; missing means none.
   */
  installInputs?: string[];
  /**
   * Local `file:`/`link:` dependencies inside the workspace the install reads (also listed in
   * `installInputs`): tarballs as files, folders with a trailing slash. A folder stays in the
   * runtime (npm and pnpm link it from node_modules); a tarball does not.
   */
  localDependencies?: string[];
  /** Yarn Berry: the release file `.yarnrc.yml#yarnPath` names (workspace-relative); it is the `yarn` the image runs. */
  yarnPath?: string;
  /**
   * Workspace libraries of the closure with a `build` script (what Nx's `^build` runs first), in
   * dependency order, each with the workspace-root command that runs it. Optional; missing means none.
   */
  libraryBuilds?: { root: string; command: string; output?: string }[];
  /** Root lifecycle scripts (`prepare`, `postinstall` …) a production install would run; see docs/node-package-managers.md. */
  rootLifecycleScripts?: string[];
  /** A root lifecycle script runs patch-package (its patches must apply in the production install too). */
  patchPackage?: boolean;
  /**
   * Integrated projects: the runtime's own package.json and pruned lockfile, made by Nx
   * (`createPackageJson` + `createLockFile`, as its bundlers' `generatePackageJson` does) from the
   * project graph's `npm:` nodes reachable from the project and its libraries.
   */
  runtimeManifest?: { packageJson: string; lockfile: string };
  /** Risk flags, e.g. native modules that tie an image to glibc. */
  risks: string[];
  /** Frameworks found (languages/node/frameworks): the server first, then add-ons such as Prisma. */
  frameworks?: FrameworkFacts[];
  /** Native addons among the packages the install builds (languages/node/detect-native-modules). */
  nativeModules?: NativeModule[];
}
