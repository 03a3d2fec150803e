import semver from 'semver';
import versions from '../../versions.json';
import type { Sourced } from '../../types';
import { checkToolchainOption, pickNewest, toSemver } from '../../detect/toolchain-policy';
import { compareGoVersions, type GoVersionLines } from './go-version-lines';

/** `1.26`, `1.26.3`, `1.23rc1`, `go1.26.3` → `1.26` (the image tag's major.minor). */
function toMinor(version: string | undefined): string | undefined {
  return version ? /^(?:go)?(\d+\.\d+)/.exec(version)?.[1] : undefined;
}

const newestSupported = () => pickNewest(versions.go.supported, () => true)!;

/**
 * The Go that builds the module (versions.json go.$policy):
 * 1. the `goVersion` option (an image must exist: oldestImage ≤ it ≤ the newest supported);
 * 2. the `toolchain` line that applies (go.mod's, or go.work's in workspace mode: the Go the
 *    module asks to be built with), unless it is below the highest `go` line;
 * 3. the newest supported release ≥ the highest `go` line the go command reads (go.mod's, go.work's
 *    and the local modules': go-version-lines.ts): that line is a minimum, and Go builds old
 *    modules with new toolchains (so `go 1.19` does not select an end-of-life image);
 *    a go line newer than every supported release is taken as it is (the table may lag a release);
 * 4. versions.json go.defaultMinor.
 */
export function detectGoToolchain(lines: GoVersionLines, project: string, option?: string): Sourced<string> {
  if (option) {
    return checkToolchainOption({
      project,
      option: 'goVersion',
      value: option,
      language: 'golang',
      normalise: (value) => /^(\d+\.\d+)(?:\.\d+)?$/.exec(value.replace(/^go/, ''))?.[1],
      allowed: (version) =>
        semver.gte(toSemver(version)!, toSemver(versions.go.oldestImage)!) &&
        semver.lte(toSemver(version)!, toSemver(newestSupported())!),
      exists: `${versions.go.oldestImage} to ${newestSupported()}`,
    });
  }
  const toolchain = toMinor(lines.Toolchain);
  if (toolchain && (!lines.Go || compareGoVersions(lines.Toolchain!, lines.Go) >= 0))
    return { value: toolchain, source: `${lines.toolchainFile} toolchain line` };
  const go = toMinor(lines.Go);
  const file = lines.goFile;
  if (go) {
    const minimum = toSemver(go)!;
    const picked = pickNewest(versions.go.supported, (version) => semver.gte(toSemver(version)!, minimum));
    return picked
      ? {
          value: picked,
          source: `${file} go line (go ${go}: the newest supported Go that builds it, versions.json go.supported)`,
        }
      : { value: go, source: `${file} go line (newer than every release in versions.json go.supported)` };
  }
  return { value: versions.go.defaultMinor, source: 'default (versions.json go.defaultMinor)' };
}
