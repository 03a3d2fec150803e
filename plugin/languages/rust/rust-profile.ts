import type { ServiceSettings } from '../../options';
import type { SystemPackages } from '../../plan/system-packages';
import type { BuildContextFacts, HealthProbe, Sourced } from '../../profile';

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
