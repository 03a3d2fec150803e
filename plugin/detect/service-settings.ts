import type { BuildMode, DockerizeOptions, RuntimeBase, ServiceSettings } from '../types';

/**
 * The service-wide choices the options make, resolved once into the profile (detectProject) so
 * recipes read only the profile: `runtime` (default `slim`), `buildMode` (default `docker`) and
 * Node's `nativeOnAlpine` (default false). Each carries its source (`options.runtime` or
 * `default`), for the notes. The values were validated where they entered (normalize-options.ts).
 */
export function toServiceSettings(
  options: Partial<Pick<DockerizeOptions, 'runtime' | 'buildMode' | 'nativeOnAlpine'>> = {},
): ServiceSettings {
  return {
    runtime: sourced<RuntimeBase>(options.runtime, 'slim', 'options.runtime'),
    buildMode: sourced<BuildMode>(options.buildMode, 'docker', 'options.buildMode'),
    nativeOnAlpine: options.nativeOnAlpine === true,
  };
}

/** A profile with its settings taken from `options` (detection's last step; tests use it on hand-made profiles). */
export function withSettings<P extends object>(
  profile: P,
  options?: Partial<Pick<DockerizeOptions, 'runtime' | 'buildMode' | 'nativeOnAlpine'>>,
): P & { settings: ServiceSettings } {
  return { ...profile, settings: toServiceSettings(options) };
}

function sourced<T>(value: T | undefined, fallback: T, source: string): { value: T; source: string } {
  return value === undefined ? { value: fallback, source: 'default' } : { value, source };
}
