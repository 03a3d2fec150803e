import type { ServiceSettings } from '../../options';
import type { BuildContextFacts, HealthProbe, Sourced } from '../../profile';

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
