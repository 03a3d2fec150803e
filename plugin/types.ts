/**
 * The data that flows through the pipeline:
 *   detect ──► ProjectProfile ──► plan ──► BuildPlan ──► render ──► text files
 * Everything here is plain data so each stage can be tested without Nx or Docker.
 */
import type { SystemPackages } from './plan/system-packages';
import type { FrameworkFacts } from './languages/node/frameworks/framework-provider';
import type { NativeModule } from './languages/node/detect-native-modules';

export type Language = 'node' | 'go' | 'python' | 'rust' | 'java';

export type NodePackageManager = 'npm' | 'pnpm' | 'yarn-classic' | 'yarn-berry' | 'bun';

/** A detected fact and the file (or rule) it came from, so notes can say "why". */
export interface Sourced<T> {
  value: T;
  source: string;
}

/**
 * What the allow-list ignore file needs to know about the workspace around a project
 * (detect/detect-build-context.ts). Optional on every profile: missing means "nothing nested, not
 * a root project".
 */
export interface BuildContextFacts {
  /** Root projects only: the top-level files and folders that belong to the project, named one by one. */
  rootEntries?: string[];
  /** Other projects' roots inside the project or a closure root, not in the closure: kept out. */
  nestedProjects: string[];
}

/** How the image checks its own health (detect/detect-health.ts; planned in plan/health.ts). */
export type HealthProbe = { kind: 'http'; path: string; port?: number } | { kind: 'tcp' } | { kind: 'none' };

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

export interface RustProfile {
  /** Runtime base, build mode (from the options, resolved once in detection). */
  settings: ServiceSettings;
  language: 'rust';
  project: string;
  projectRoot: string;
  /** Rust major.minor for the build image (rust-toolchain(.toml) channel, an option or the default). */
  rustVersion: Sourced<string>;
  /** Workspace-relative Cargo.lock (`--locked` needs it; detection fails without one), beside the root Cargo.toml. */
  lockfile: string;
  /**
   * Workspace-relative directory of the Cargo workspace root (its Cargo.toml and Cargo.lock): the
   * project root when the project is the workspace or a lone package, a parent when the project is
   * one member of a monorepo-wide Cargo workspace.
   */
  workspaceRoot: string;
  /**
   * Every crate cargo loads to read the workspace (members, and path dependencies outside it),
   * relative to `workspaceRoot` (`.` for the root package; `../x` for a path dependency outside),
   * each with the source files the dependency build stubs: its library, its binaries, and
   * `others` (a declared build script, examples, tests, benches: files that must exist).
   */
  crates: { dir: string; name: string; lib?: string; bins: string[]; others?: string[] }[];
  /**
   * Workspace-relative crate directories outside the project root whose sources the binary
   * needs: the path dependencies (normal and build) of its package, transitively.
   */
  sourceDirs: string[];
  /** System libraries the binary's package links (Cargo.lock `-sys` crates of languages/rust/system-libraries.ts). */
  systemLibraries: SystemPackages[];
  /** The binary to build and ship, with the package that owns it. */
  bin: Sourced<{ name: string; package: string }>;
  port?: Sourced<number>;
  healthcheckFlag?: Sourced<string>;
  closure: string[];
  /** Root-project entries and nested projects for the allow-list (see BuildContextFacts). */
  buildContext?: BuildContextFacts;
  /** The health check: an option, a route found in the sources, a framework default, else TCP. */
  health?: Sourced<HealthProbe>;
}

export type PythonPackageManager = 'uv' | 'poetry' | 'pip';

export interface PythonProfile {
  /** Runtime base, build mode (from the options, resolved once in detection). */
  settings: ServiceSettings;
  language: 'python';
  project: string;
  projectRoot: string;
  /** uv (uv.lock) → poetry (poetry.lock) → pip (requirements.txt), in that precedence. */
  packageManager: Sourced<PythonPackageManager>;
  /** Project-relative dependency files copied before any source: the lockfile first, then pyproject.toml when present. */
  manifests: string[];
  /** pip: every requirement carries `--hash=` (installed with `--require-hashes`). */
  hashes: boolean;
  /** Python major.minor for the images, e.g. `3.11`. */
  pythonVersion: Sourced<string>;
  /** pyproject.toml declares a [build-system]: the project itself is installed into the venv. */
  packaged: boolean;
  /** What the runtime runs (argv, cwd /app, the venv's bin first on PATH). */
  entrypoint: Sourced<string[]>;
  port?: Sourced<number>;
  /**
   * uv: the project is a member of a uv workspace (root pyproject.toml with `[tool.uv.workspace]`
   * and the root uv.lock). Paths are workspace-relative; `needed` are the members (and path
   * sources) this one installs, itself last.
   */
  uvWorkspace?: { root: string; package: string; members: string[]; needed: string[]; paths: string[] };
  /** Locked distributions that build from source against a system library (system-libraries.ts): apt packages per stage. */
  systemPackages?: { build: string[]; runtime: string[]; reason: string }[];
  closure: string[];
  /** Root-project entries and nested projects for the allow-list (see BuildContextFacts). */
  buildContext?: BuildContextFacts;
  /** The health check: an option, a route found in the sources, a framework default, else TCP. */
  health?: Sourced<HealthProbe>;
}

export type JavaBuildTool = 'maven' | 'gradle';

export interface JavaProfile {
  /** Runtime base, build mode (from the options, resolved once in detection). */
  settings: ServiceSettings;
  language: 'java';
  project: string;
  projectRoot: string;
  buildTool: Sourced<JavaBuildTool>;
  /** The project carries its wrapper (mvnw + .mvn/wrapper, gradlew + gradle/wrapper): builds run it on a JDK image. */
  wrapper: boolean;
  /** Project-relative build files copied before any source (pom.xml, .mvn/, build.gradle(.kts), gradle/ …). */
  manifests: string[];
  /** Java feature release for the images, e.g. `17`. */
  javaVersion: Sourced<string>;
  /** Spring Boot's plugin builds the jar: extract its layers (`tools` jarmode from Boot 3.3, else `layertools`). */
  springBoot?: Sourced<{ version: string }>;
  /** The jar the build produces, project-relative, e.g. `target/billing-1.0.0.jar`. */
  artifact: Sourced<string>;
  /** Main class for a plain (non-Boot) jar run with its dependencies on the classpath. */
  mainClass?: Sourced<string>;
  port?: Sourced<number>;
  /**
   * Maven: the project is a module of a reactor (a pom above it lists it in `<modules>`). The build
   * runs at the reactor root with `-pl <module> -am`; `artifact` is then relative to that root.
   */
  reactor?: {
    /** Workspace-relative directory of the reactor's root pom. */
    root: string;
    /** The root lists the project in `<modules>` (`-pl <module> -am`); false: only a local `<parent>` (`-f <module>/pom.xml`). */
    aggregator: boolean;
    /** `-pl` argument: the project's directory relative to `root`. */
    module: string;
    /** Workspace-relative pom.xml of every reactor module (the root's first): all copied before the download. */
    poms: string[];
    /** Workspace-relative directories whose sources the build needs (`-am`), the project last. */
    needed: string[];
  };
  closure: string[];
  /** Root-project entries and nested projects for the allow-list (see BuildContextFacts). */
  buildContext?: BuildContextFacts;
  /** The health check: an option, a route found in the sources, a framework default, else TCP. */
  health?: Sourced<HealthProbe>;
}

export type ProjectProfile = NodeProfile | GoProfile | RustProfile | PythonProfile | JavaProfile;

// ---------------------------------------------------------------- plan

export type StageRole = 'base' | 'deps' | 'build' | 'prod-deps' | 'runtime';

export interface ImageRef {
  image: string;
  tag: string;
}

export type Mount =
  | { type: 'cache'; target: string; id?: string; sharing?: 'shared' | 'private' | 'locked' }
  | { type: 'bind'; source: string; target: string; from?: string }
  | { type: 'secret'; id: string; target?: string; env?: string; required?: boolean }
  | { type: 'ssh'; id?: string };

/**
 * What a COPY brings in. `manifest`: only what a dependency install or fetch reads (manifests,
 * lockfiles, package-manager config, its release, plugins, patch files, build files and wrappers);
 * `source`: sources and other build inputs (everything after the installs); `artifact`: a build
 * output; `dependencies`: installed dependencies (node_modules, a venv) from an install stage;
 * `tool`: a tool's binaries from its image. validatePlan: from the build context, a `manifest`
 * copy must come before every other copy in the stage chain.
 */
export type CopyRole = 'manifest' | 'source' | 'artifact' | 'dependencies' | 'tool';

/**
 * What a RUN does, set by the recipe (validatePlan checks the order and locking from it).
 * `install`: installs the dependencies from the lockfile (npm ci, uv sync --no-install-project,
 * pip install -r, poetry install --no-root); `fetch`: downloads them without installing (go mod
 * download, cargo fetch, Maven/Gradle pre-fetch); `project-install`: installs the project itself
 * into an environment whose dependencies an earlier `install` put there (uv sync, poetry install
 * after the sources); `prune`: rewrites a lockfile, installs nothing; `build`: compiles or
 * generates; `system`: apt packages; `setup`: anything else (users, tools, stubs, a venv).
 */
export type RunRole = 'install' | 'fetch' | 'project-install' | 'prune' | 'build' | 'system' | 'setup';

export type Step =
  | { kind: 'workdir'; path: string }
  | { kind: 'env' | 'arg'; vars: Record<string, string> }
  | {
      kind: 'copy';
      from?: string;
      sources: string[];
      dest: string;
      parents?: boolean;
      link?: boolean;
      chown?: string;
      chmod?: string;
      /** What the copy brings in, set by the recipe; validatePlan checks the step order from it (see CopyRole). */
      role: CopyRole;
      /** `--exclude=<pattern>` each (Dockerfile 1.19+, BuildKit's built-in frontend has it). */
      exclude?: string[];
    }
  | {
      kind: 'run';
      role: RunRole;
      /**
       * The command refuses to change the lockfile or the pinned versions (npm ci, --frozen-lockfile,
       * --locked, --require-hashes, -mod=readonly, Maven's pinned poms): every install, fetch and
       * project-install must be locked, and so must a build that `resolves` dependencies itself.
       */
      locked?: boolean;
      /** A build that may resolve and fetch dependencies on its own (cargo build): it must be locked. */
      resolves?: boolean;
      command: string[];
      mounts: Mount[];
      comment?: string;
      /** Feed a script shipped with the plugin (e.g. `prune-npm-workspaces`) to the command's stdin as a heredoc. */
      heredoc?: { script: string };
    }
  | { kind: 'user'; uid: number; gid?: number }
  | { kind: 'expose'; port: number }
  | { kind: 'healthcheck'; command: string[] }
  | { kind: 'label'; labels: Record<string, string> }
  | { kind: 'cmd' | 'entrypoint'; argv: string[] };

export interface Stage {
  name: string;
  role: StageRole;
  from: ImageRef | { stage: string };
  platform?: '$BUILDPLATFORM';
  steps: Step[];
}

export interface BuildPlan {
  project: string;
  projectRoot: string;
  stages: Stage[];
  /** Allow-list ignore file lines (written as `Dockerfile.dockerignore`). */
  ignore: string[];
  bake: BakeTarget;
  /** The "why" of each decision; rendered as the Dockerfile header and printed by --dry-run. */
  notes: string[];
  /** Extra files the plan needs written beside the Dockerfile (e.g. a pruned lockfile). */
  files: { path: string; content: string }[];
}

// ---------------------------------------------------------------- bake

/** A subset of buildx's bake Target (bake/bake.go), same JSON keys. */
export interface BakeTarget {
  context?: string;
  dockerfile?: string;
  contexts?: Record<string, string>;
  args?: Record<string, string>;
  labels?: Record<string, string>;
  tags?: string[];
  platforms?: string[];
  target?: string;
  'cache-from'?: string[];
  'cache-to'?: string[];
  secret?: string[];
  ssh?: string[];
  output?: string[];
  attest?: string[];
  pull?: boolean;
  'no-cache'?: boolean;
}

export interface BakeFile {
  group: Record<string, { targets: string[] }>;
  target: Record<string, BakeTarget>;
}

// ---------------------------------------------------------------- options

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
