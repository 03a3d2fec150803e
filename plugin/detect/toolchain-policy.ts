import semver from 'semver';
import type { Sourced } from '../types';

/** `1.19` → `1.19.0`, `3` → `3.0.0`; undefined when it is no version. */
export function toSemver(version: string): string | undefined {
  return semver.coerce(version)?.version;
}

/** The newest of `supported` (newest last or not: sorted here) that `accepts`; undefined when none does. */
export function pickNewest(supported: string[], accepts: (version: string) => boolean): string | undefined {
  return [...supported]
    .sort((a, b) => semver.compare(toSemver(a)!, toSemver(b)!))
    .reverse()
    .find(accepts);
}

/**
 * A toolchain version asked for by an option (`goVersion`, `pythonVersion`, `javaVersion`): accepted
 * when an image exists for it (`allowed`), else an Error naming the option, what exists and the fix.
 */
export function checkToolchainOption(input: {
  project: string;
  option: string;
  value: string;
  language: string;
  normalise: (value: string) => string | undefined;
  allowed: (version: string) => boolean;
  exists: string;
}): Sourced<string> {
  const version = input.normalise(input.value.trim());
  if (version && input.allowed(version)) return { value: version, source: `the ${input.option} option` };
  throw new Error(
    `nx-dockerize: project "${input.project}": the ${input.option} option "${input.value}" has no ${input.language} image ` +
      `(images exist for ${input.exists}). Fix: pass one of those, or omit --${input.option} to use the version the project declares.`,
  );
}
