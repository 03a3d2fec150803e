import versions from '../../versions.json';
import type { Sourced } from '../../types';
import { checkToolchainOption } from '../../detect/toolchain-policy';

/**
 * The Java release of the JDK and JRE images (versions.json java.$policy):
 * 1. the `javaVersion` option, which must be a supported LTS (temurin publishes JDK and JRE images for those);
 * 2. the build file's release (maven.compiler.release, java.version, Gradle toolchain …), built and
 *    run on the smallest supported LTS at or above it (`--release 17` on JDK 17; a non-LTS 19 on 21);
 *    a release above every LTS is taken as it is;
 * 3. versions.json java.defaultMajor.
 */
export function detectJavaToolchain(
  declared: Sourced<string> | undefined,
  project: string,
  option?: string,
): Sourced<string> {
  const supported = versions.java.supported;
  if (option) {
    return checkToolchainOption({
      project,
      option: 'javaVersion',
      value: option,
      language: 'eclipse-temurin JDK/JRE',
      normalise: (value) => value.replace(/^1\./, ''),
      allowed: (version) => supported.includes(version),
      exists: `the LTS releases ${supported.join(', ')}`,
    });
  }
  if (!declared) return { value: versions.java.defaultMajor, source: 'default (versions.json java.defaultMajor)' };
  const release = Number(declared.value);
  const lts = supported.find((version) => Number(version) >= release);
  if (lts === declared.value || !lts) return declared;
  return { value: lts, source: `${declared.source}: release ${declared.value}, built and run on the next LTS` };
}
