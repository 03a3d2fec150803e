import type { FsView } from '../../../fs-view';
import type { PackageJson } from '../../../detect/detect-input';
import type { SystemPackages } from '../../../plan/system-packages';

/**
 * What a framework provider reads: the workspace through `fs`, the project's place in it, and
 * the npm packages the project uses (its package.json dependencies and the `npm:` edges of the
 * Nx graph from the project and its closure libraries, names only).
 */
export interface FrameworkInput {
  fs: FsView;
  project: string;
  /** Workspace-relative, POSIX, `.` for a root project. */
  projectRoot: string;
  projectPackageJson?: PackageJson;
  /** Workspace-relative roots of the closure libraries (the project itself excluded). */
  closure: string[];
  /** npm package name → the file (or graph edge) it was found in. */
  packages: Map<string, string>;
  /** The detected build's output directory, workspace-relative, when there is a build. */
  outputPath?: string;
}

/** A file the runtime stage copies from the build stage: workspace-relative → `/app`-relative. */
export interface RuntimeCopy {
  from: string;
  to: string;
}

/**
 * What one provider found. Every field but `name`, `kind` and `evidence` is optional: a plain
 * server framework (Express) changes nothing but the header; Next.js replaces the artifact layout.
 */
export interface FrameworkFacts {
  /** Display name, e.g. `NestJS`, `Next.js`, `Prisma`. */
  name: string;
  /** `server`: the first one found decides the layout; `addon`: adds to any server (Prisma). */
  kind: 'server' | 'addon';
  /** What was detected and from which file, e.g. `@nestjs/core in apps/api/package.json`. */
  evidence: string;
  /** The artifact: directory copied to `/app` and the file node runs, relative to it. */
  output?: { outputPath: string; entry: string; source: string };
  /** Extra copies into the runtime stage (Next's `.next/static`, `public/`). */
  runtimeCopies?: RuntimeCopy[];
  /** The artifact carries its own node_modules (Next standalone traces them): no prod-deps copy. */
  bundlesDependencies?: boolean;
  runtimeEnv?: Record<string, string>;
  /** The env var the server reads its port from (Next: PORT); the recipe sets it to the chosen port. */
  portEnv?: string;
  buildEnv?: Record<string, string>;
  /** The port the framework listens on when nothing else says (Next: 3000). */
  defaultPort?: { port: number; source: string };
  /** Workspace-relative directories mounted as build caches (Next's `.next/cache`). */
  buildCaches?: string[];
  /** Shell commands the build stage runs before the build (e.g. `prisma generate`). */
  preBuild?: string[];
  /** Debian packages for the build and runtime stages. */
  systemPackages?: SystemPackages;
  /** Extra exclusions for the ignore file (Next's local `.next`). */
  ignore?: string[];
  /** Header lines beyond the evidence: decisions the provider made and why. */
  notes?: string[];
}

/** One framework. `detect` is pure (reads through `fs` only) and throws detect errors that name the fix. */
export interface FrameworkProvider {
  name: string;
  kind: 'server' | 'addon';
  detect(input: FrameworkInput): FrameworkFacts | undefined;
}
