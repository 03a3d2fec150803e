import type { ServiceSettings } from '../../options';
import type { SystemPackages } from '../../plan/system-packages';
import type { BuildContextFacts, HealthProbe, Sourced } from '../../profile';

export interface GoProfile {
  /** Runtime base, build mode (from the options, resolved once in detection). */
  settings: ServiceSettings;
  language: 'go';
  project: string;
  projectRoot: string;
  /** The module path from go.mod's `module` line. */
  module: string;
  /** Go major.minor for the build image, e.g. `1.26` (from go.mod's toolchain/go line, an option or the default). */
  goVersion: Sourced<string>;
  /** Workspace-relative go.sum, when the module has one (no requirements: none). */
  goSum?: string;
  /**
   * The go.work the go command finds from the module's directory (it and its parents), with its
   * go.work.sum; `used` when it lists this module (workspace mode), else the image builds with GOWORK=off.
   */
  goWork?: { file: string; sum?: string; used: boolean };
  /** Other local modules the go command reads (go.work `use`, directory `replace`s), workspace-relative, sorted by dir. */
  localModules: GoLocalModule[];
  /** The main package to build, relative to the project root, e.g. `.` or `./cmd/server`. */
  main: Sourced<string>;
  /** Binary name in the image (`/app/<binary>`). */
  binary: string;
  cgo: Sourced<boolean>;
  /** cgo libraries the service uses (languages/go/system-libraries.ts), from go.mod and its imports. */
  systemLibraries: SystemPackages[];
  port?: Sourced<number>;
  /** The binary answers `-healthcheck` (exits 0 when GET /health is 200): enables HEALTHCHECK on distroless. */
  healthcheckFlag?: Sourced<string>;
  /** Workspace-relative roots of the project's dependency closure in the Nx project graph, sorted. */
  closure: string[];
  /** Root-project entries and nested projects for the allow-list (see BuildContextFacts). */
  buildContext?: BuildContextFacts;
  /** The health check: an option, a route found in the sources, a framework default, else TCP. */
  health?: Sourced<HealthProbe>;
}

export interface GoLocalModule {
  /** Workspace-relative directory holding its go.mod. */
  dir: string;
  module: string;
  /** Workspace-relative go.sum, when the module has one. */
  goSum?: string;
  /** The service imports or requires it (transitively): its sources enter the build, not only its go.mod. */
  needed: boolean;
}
