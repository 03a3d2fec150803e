import type { DockerBuildExecutorSchema } from '../schema';
import { formatExportAttributes, toExportAttributes } from './cache-export';
import { toCacheRef, toCacheRefTemplate } from './cache-ref';
import { toTag, type GitFacts } from './resolve-images';

export interface CacheSpecs {
  from: string[];
  to: string[];
  /** Why the requested backend could not be used, when it could not. */
  note?: string;
}

/** The image a cache belongs to: `repository` with the registry (`ghcr.io/acme/api`), `name` without (`api`). */
export interface CacheImage {
  repository: string;
  name: string;
}

/**
 * cache-from/cache-to for one image. Registry: one ref per image (concurrent writers to one
 * ref would overwrite each other), `<image repository>:buildcache-<branch>` by default
 * (cache-ref.ts), read from this branch then the default branch, so a new branch starts warm;
 * a missing ref is not an error for BuildKit. Export attributes: cache-export.ts.
 */
export function resolveCache(image: CacheImage, options: DockerBuildExecutorSchema, git: GitFacts): CacheSpecs {
  const branch = git.branch ?? options.defaultBranch ?? 'main';
  const branches = [...new Set([branch, options.defaultBranch ?? 'main'])];
  const backend = options.cache ?? 'registry';
  switch (backend) {
    case 'registry': {
      if (!options.registry && options.cacheRef === undefined)
        return {
          from: [],
          to: [],
          note: 'registry cache needs `registry` or `cacheRef`; building without a shared cache',
        };
      const template = toCacheRefTemplate(image.repository, options.cacheRef);
      const refs = [...new Set(branches.map((b) => toCacheRef(template, image.name, b)))];
      const attributes = formatExportAttributes(toExportAttributes(backend, options.cacheExport));
      return {
        from: refs.map((ref) => `type=registry,ref=${ref}`),
        to: [`type=registry,ref=${refs[0]},${attributes}`],
      };
    }
    case 'gha': {
      const scope = (b: string) => `${options.cacheRef ?? ''}${image.name.replace(/\//g, '-')}-${toTag(b)}`;
      const attributes = formatExportAttributes(toExportAttributes(backend, options.cacheExport));
      return {
        from: [...new Set(branches.map((b) => `type=gha,scope=${scope(b)}`))],
        to: [`type=gha,scope=${scope(branch)},${attributes}`],
      };
    }
    case 'local': {
      const dir = `${options.cacheRef ?? '.nx/docker-cache'}/${image.name}`;
      const attributes = formatExportAttributes(toExportAttributes(backend, options.cacheExport));
      return { from: [`type=local,src=${dir}`], to: [`type=local,dest=${dir},${attributes}`] };
    }
    case 'inline':
      return { from: [], to: ['type=inline'] };
    case 'none':
      return { from: [], to: [] };
  }
}
