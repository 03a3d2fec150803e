import type { FsView } from '../fs-view';
import type { NodeProjectInput } from '../detect/detect-input';
import type { BuildPlan, DockerizeOptions, HealthProbe, ProjectProfile, Sourced } from '../types';

/** What every language's profile has in common (the pipeline's shared parts read only these). */
export interface LanguageProfile {
  language: string;
  /** Nx project name. */
  project: string;
  /** Workspace-relative POSIX project root (`.` for a root project). */
  projectRoot: string;
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
  /** Reads the project into a typed profile, or throws an Error naming the file and the fix. */
  detect: (input: NodeProjectInput) => P;
  /**
   * A health route the project's framework serves by itself (Spring Boot's actuator), used when the
   * sources name none (detect/detect-health.ts). Optional.
   */
  frameworkHealth?: (fs: FsView, profile: P) => Sourced<HealthProbe> | undefined;
  /** Turns the profile into a BuildPlan (validated by the caller). */
  plan: (profile: P, options: DockerizeOptions) => BuildPlan;
}

/** A claim by exact file names at the project root. */
export const claimsByMarkers =
  (markers: string[]) =>
  (fs: FsView, root: string): boolean =>
    markers.some((marker) => fs.exists(root ? `${root}/${marker}` : marker));
