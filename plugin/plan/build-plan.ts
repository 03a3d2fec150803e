import type { BakeTarget } from '../bake/bake-file';

export type StageRole = 'base' | 'deps' | 'build' | 'prod-deps' | 'runtime';

/** An image reference (plan/image-ref.ts reads and writes it): `image[:tag][@digest]`. */
export interface ImageRef {
  /** `[registry/]repository`, e.g. `node` or `localhost:5000/gcr/distroless/static-debian12`. */
  image: string;
  /** `''` when none: the image's default tag. */
  tag: string;
  /** `algorithm:hex`, e.g. `sha256:…`, when pinned by digest. */
  digest?: string;
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
      /**
       * Directories this RUN fills in its own layer, not in a cache mount (GOMODCACHE after `go mod
       * download`, the Cargo target dir after the dependency build): a registry cache carries them to a
       * fresh runner, so no later RUN in the chain may mount a cache over them (validatePlan).
       */
      layers?: string[];
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
  /** What the stage is for, when its role's generic heading would mislead (the template's text otherwise). */
  purpose?: string;
  from: ImageRef | { stage: string };
  platform?: '$BUILDPLATFORM';
  /** A deps stage whose installs leave development dependencies out (uv --no-dev, poetry --only main): the runtime may copy from it. */
  productionOnly?: boolean;
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
