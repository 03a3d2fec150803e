import type { CacheBackend } from '../schema';

/**
 * The attributes of `cache-to` besides where it goes (ref/dest/scope), and the user's
 * `cacheExport` overrides in buildx's CSV syntax (`oci-mediatypes=false,image-manifest=false`).
 *
 * Default for registry: `mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`;
 * local and gha: `mode=max,ignore-error=true`.
 * - `mode=max`: every stage's layers, not only the final stage's (dependency installs live in
 *   earlier stages).
 * - `image-manifest=true,oci-mediatypes=true`: the cache is one OCI image manifest whose config
 *   is `application/vnd.buildkit.cacheconfig.v0`. ECR accepts only this form (aws/containers-roadmap#876,
 *   AWS blog "Announcing remote cache support in Amazon ECR for BuildKit clients"); Docker Hub,
 *   GHCR, Artifact Registry and `registry:2` accept it too. BuildKit ≥ 0.21 defaults to it
 *   (docs.docker.com/build/cache/backends/registry); we set it explicitly for BuildKit 0.12–0.20.
 *   BuildKit refuses `image-manifest=true` with `oci-mediatypes=false` ("OCI mediatypes are
 *   required for image-manifest cache format", seen in the lab on v0.32).
 * - `ignore-error=true`: a refused export costs warmth, never the build; the executor reports it
 *   as a warning naming the ref (parse-plain-progress + cache-warnings).
 */
const DEFAULTS: Record<'registry' | 'local' | 'gha', Record<string, string>> = {
  registry: { mode: 'max', 'image-manifest': 'true', 'oci-mediatypes': 'true', 'ignore-error': 'true' },
  local: { mode: 'max', 'ignore-error': 'true' },
  gha: { mode: 'max', 'ignore-error': 'true' },
};

const BOOLEAN = /^(true|false)$/;
/** Keys `cacheExport` may set, and the values each takes (docs.docker.com/build/cache/backends/). */
const COMMON: Record<string, RegExp> = {
  mode: /^(min|max)$/,
  'ignore-error': BOOLEAN,
  compression: /^(gzip|estargz|zstd|uncompressed)$/,
  'compression-level': /^([0-9]|1[0-9]|2[0-2])$/,
  'force-compression': BOOLEAN,
};
const ALLOWED: Record<'registry' | 'local' | 'gha', Record<string, RegExp>> = {
  registry: { ...COMMON, 'image-manifest': BOOLEAN, 'oci-mediatypes': BOOLEAN },
  local: { ...COMMON, 'image-manifest': BOOLEAN, 'oci-mediatypes': BOOLEAN },
  gha: { mode: COMMON.mode, 'ignore-error': BOOLEAN, timeout: /^\d+(ms|s|m|h)$/ },
};

type ExportingBackend = keyof typeof DEFAULTS;

function isExporting(backend: CacheBackend): backend is ExportingBackend {
  return backend in DEFAULTS;
}

function parseCsv(value: string): [string, string][] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [part, ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    });
}

/** Why `cacheExport` is not valid for `backend`, or undefined. */
export function explainCacheExport(value: string, backend: CacheBackend): string | undefined {
  if (!isExporting(backend)) return `cache "${backend}" exports no separate cache, so it takes no cacheExport`;
  const allowed = ALLOWED[backend];
  for (const [key, val] of parseCsv(value)) {
    if (['type', 'ref', 'dest', 'src', 'scope'].includes(key))
      return `${key} is set by the executor (use cacheRef for where the cache lives)`;
    if (!allowed[key]) return `${key} is not one of ${Object.keys(allowed).join(', ')} (cache "${backend}")`;
    if (!allowed[key].test(val)) return `${key}=${val} is not a valid value (${allowed[key].source})`;
  }
  const merged = toExportAttributes(backend, value);
  if (merged['image-manifest'] === 'true' && merged['oci-mediatypes'] === 'false')
    return 'BuildKit refuses image-manifest=true with oci-mediatypes=false: set both to false for a registry that rejects OCI media types';
  return undefined;
}

/** The attributes for `backend`, defaults overridden by `cacheExport` (validated before). */
export function toExportAttributes(backend: ExportingBackend, cacheExport?: string): Record<string, string> {
  return { ...DEFAULTS[backend], ...Object.fromEntries(parseCsv(cacheExport ?? '')) };
}

/** `key=value,…` in a stable order: defaults first, then overrides as given. */
export function formatExportAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}
