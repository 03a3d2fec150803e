import type { DockerBuildExecutorSchema } from '../schema';

/** The executor options that are lists (schema `type: array`). */
const LIST_OPTIONS = ['tags', 'platforms', 'secrets'] as const;

/**
 * Every list option as an array. `nx run api:docker-build --secrets=id=npmrc,src=.npmrc` (one flag)
 * hands the executor a plain string, which bake rejects ("list of object required, but have
 * string"); a repeated flag or project.json gives an array. A string is ONE item: a secret spec
 * itself holds commas, so it is never split (give several with repeated flags or an array).
 * `platforms`/`tags` follow the same rule, except that `docker buildx --platform a,b` is the
 * usual spelling for platforms, so a comma list is split there.
 */
export function normalizeListOptions(options: DockerBuildExecutorSchema): DockerBuildExecutorSchema {
  const normalized: DockerBuildExecutorSchema = { ...options };
  for (const key of LIST_OPTIONS) {
    const value = options[key] as unknown;
    if (value === undefined || value === null) continue;
    const items = (Array.isArray(value) ? value : [value]).map(String);
    normalized[key] =
      key === 'platforms'
        ? items
            .flatMap((p) => p.split(','))
            .map((p) => p.trim())
            .filter(Boolean)
        : items;
  }
  return normalized;
}
