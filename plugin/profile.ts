import type { GoProfile } from './languages/go/go-profile';
import type { JavaProfile } from './languages/java/java-profile';
import type { NodeProfile } from './languages/node/node-profile';
import type { PythonProfile } from './languages/python/python-profile';
import type { RustProfile } from './languages/rust/rust-profile';

export type Language = 'node' | 'go' | 'python' | 'rust' | 'java';

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

export type ProjectProfile = NodeProfile | GoProfile | RustProfile | PythonProfile | JavaProfile;
