import semver from 'semver';
import versions from '../../versions.json';
import type { Sourced } from '../../types';
import { checkToolchainOption, pickNewest, toSemver } from '../../detect/toolchain-policy';

/** `go 1.26`, `go 1.26.3` → `1.26`; `toolchain go1.26.3` → `1.26`. */
const GO_LINE = /^go\s+(\d+\.\d+)(?:\.\d+)?\s*$/m;
const TOOLCHAIN_LINE = /^toolchain\s+go(\d+\.\d+)(?:\.\d+)?\S*\s*$/m;

const newestSupported = () => pickNewest(versions.go.supported, () => true)!;

/**
 * The Go that builds the module (versions.json go.$policy):
 * 1. the `goVersion` option (an image must exist: oldestImage ≤ it ≤ the newest supported);
 * 2. go.mod's `toolchain` line (the Go the module asks to be built with);
 * 3. the newest supported release ≥ go.mod's `go` line: that line is a minimum, and Go builds old
 *    modules with new toolchains (so `go 1.19` does not select an end-of-life image);
 *    a go line newer than every supported release is taken as it is (the table may lag a release);
 * 4. versions.json go.defaultMinor.
 */
export function detectGoToolchain(goMod: string, file: string, project: string, option?: string): Sourced<string> {
  if (option) {
    return checkToolchainOption({
      project,
      option: 'goVersion',
      value: option,
      language: 'golang',
      normalise: (value) => /^(\d+\.\d+)(?:\.\d+)?$/.exec(value.replace(/^go/, ''))?.[1],
      allowed: (version) => semver.gte(toSemver(version)!, toSemver(versions.go.oldestImage)!) && semver.lte(toSemver(version)!, toSemver(newestSupported())!),
      exists: `${versions.go.oldestImage} to ${newestSupported()}`,
    });
  }
  const toolchain = TOOLCHAIN_LINE.exec(goMod);
  if (toolchain) return { value: toolchain[1], source: `${file} toolchain line` };
  const go = GO_LINE.exec(goMod);
  if (go) {
    const minimum = toSemver(go[1])!;
    const picked = pickNewest(versions.go.supported, (version) => semver.gte(toSemver(version)!, minimum));
    return picked
      ? { value: picked, source: `${file} go line (go ${go[1]}: the newest supported Go that builds it, versions.json go.supported)` }
      : { value: go[1], source: `${file} go line (newer than every release in versions.json go.supported)` };
  }
  return { value: versions.go.defaultMinor, source: 'default (versions.json go.defaultMinor)' };
}
