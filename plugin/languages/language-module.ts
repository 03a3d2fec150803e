import type { FsView } from '../fs-view';
import type { NodeProjectInput } from '../detect/detect-input';
import type { BuildPlan, HealthProbe, ProjectProfile, ServiceSettings, Sourced } from '../types';

/** What every language's profile has in common (the pipeline's shared parts read only these). */
export interface LanguageProfile {
  language: string;
  /** Nx project name. */
  project: string;
  /** Workspace-relative POSIX project root (`.` for a root project). */
  projectRoot: string;
  /** Runtime base and build mode from the options (detect/service-settings.ts `toServiceSettings`). */
  settings: ServiceSettings;
}

/**
 * What one language contributes to the pipeline. Everything a language knows (its manifests,
 * detection, recipe and tables) lives in `plugin/languages/<language>/`; its `index.ts`
 * exports one of these, and `LANGUAGES` (./languages.ts) lists them in precedence order.
 * Adding a language is one folder and one line there (docs/add-a-language.md).
 */
export interface LanguageModule<P extends LanguageProfile = ProjectProfile> {
  /** The profile's `language` discriminant, e.g. `go`. */
  language: P['language'];
  /** Human-readable list of the manifests that claim a project, for the "unknown language" error. */
  markers: string[];
  /**
   * Does this language claim the project? `root` is workspace-relative POSIX (`` for a root
   * project). Pure: reads files through `fs` only.
   */
  claims: (fs: FsView, root: string) => boolean;
  /**
   * Reads the project into a typed profile, or throws an Error naming the file and the fix. Every
   * value an option sets (port, versions, entry, settings) is resolved here, with its source.
   */
  detect: (input: NodeProjectInput) => P;
  /**
   * A health route the project's framework serves by itself (Spring Boot's actuator), used when the
   * sources name none (detect/detect-health.ts). Optional.
   */
  frameworkHealth?: (fs: FsView, profile: P) => Sourced<HealthProbe> | undefined;
  /** Turns the profile into a BuildPlan (validated by the caller). Reads only the profile. */
  plan: (profile: P) => BuildPlan;
  /**
   * The workspace directories whose sources the image of a project at `root` builds from, by the
   * language's own rules (Go `replace`/go.work, Cargo path dependencies, uv workspace sources,
   * Maven reactor modules), transitively, the project itself excluded. `file` is the project's
   * own manifest that declares them (the edge's source file). plugin/create-dependencies.ts turns
   * them into Nx graph edges, so `nx affected` and the detectors' closure see them. Reads only
   * through `fs`; throws on a malformed manifest (the caller skips the project). Optional: Node
   * leaves this to Nx's own JS analysis.
   */
  localDependencies?: (fs: FsView, root: string) => LocalDependency[];
}

/** One local dependency: its workspace-relative directory and the project manifest naming it. */
export interface LocalDependency {
  root: string;
  file: string;
}

/** A claim by exact file names at the project root. */
export const claimsByMarkers =
  (markers: string[]) =>
  (fs: FsView, root: string): boolean =>
    markers.some((marker) => fs.exists(root ? `${root}/${marker}` : marker));
