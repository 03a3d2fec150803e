import type { DockerBuildExecutorSchema } from '../schema';
import { toTag, type GitFacts } from './resolve-images';

export interface CacheSpecs {
  from: string[];
  to: string[];
  /** Why the requested backend could not be used, when it could not. */
  note?: string;
}

// Exporting cache must never fail a build: a read-only token or a full registry only costs warmth.
const REGISTRY_EXPORT = 'mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true';

/**
 * cache-from/cache-to for one image. Registry: one ref per project (concurrent writers to one
 * ref would overwrite each other), read from this branch then the default branch, so a new
 * branch starts warm; a missing ref is not an error for BuildKit.
 */
export function resolveCache(imageName: string, options: DockerBuildExecutorSchema, git: GitFacts): CacheSpecs {
  const branch = toTag(git.branch ?? options.defaultBranch ?? 'main');
  const defaultBranch = toTag(options.defaultBranch ?? 'main');
  const branches = [...new Set([branch, defaultBranch])];
  switch (options.cache ?? 'registry') {
    case 'registry': {
      const base = options.cacheRef ?? (options.registry ? `${options.registry.replace(/\/+$/, '')}/cache` : undefined);
      if (!base)
        return {
          from: [],
          to: [],
          note: 'registry cache needs `registry` or `cacheRef`; building without a shared cache',
        };
      const ref = (b: string) => `${base}/${imageName}:${b}`;
      return {
        from: branches.map((b) => `type=registry,ref=${ref(b)}`),
        to: [`type=registry,ref=${ref(branch)},${REGISTRY_EXPORT}`],
      };
    }
    case 'gha': {
      const scope = (b: string) => `${options.cacheRef ?? ''}${imageName}-${b}`;
      return {
        from: branches.map((b) => `type=gha,scope=${scope(b)}`),
        to: [`type=gha,scope=${scope(branch)},mode=max,ignore-error=true`],
      };
    }
    case 'local': {
      const dir = `${options.cacheRef ?? '.nx/docker-cache'}/${imageName}`;
      return { from: [`type=local,src=${dir}`], to: [`type=local,dest=${dir},mode=max,ignore-error=true`] };
    }
    case 'inline':
      return { from: [], to: ['type=inline'] };
    case 'none':
      return { from: [], to: [] };
  }
}
