import type { Mount, Step } from '../types';

/**
 * A native dependency's needs, split by stage: Debian packages the build stage needs to compile
 * or link it (headers, pkg-config, a C toolchain) and the shared libraries the runtime stage
 * needs to load it. Each language keeps its own table of these (keyed by its package names);
 * this module only turns them into steps.
 */
export interface SystemPackages {
  /** Debian bookworm package names for the build stage, e.g. `['pkg-config', 'libssl-dev']`. */
  build: string[];
  /** Debian bookworm package names for the runtime stage, e.g. `['libssl3']`. */
  runtime: string[];
  /** Why, for the Dockerfile header: `openssl-sys (Cargo.lock) links OpenSSL`. */
  reason: string;
}

/**
 * apt's two cache directories, `sharing=locked` because apt takes a lock on both (two builds
 * writing one cache at once corrupt it). Debian images delete downloaded packages after every
 * install (`/etc/apt/apt.conf.d/docker-clean`); the install step removes that file so the cache
 * mount keeps them (Docker docs, "Optimize cache usage in builds", RUN --mount=type=cache example).
 */
export const APT_CACHE_MOUNTS: Mount[] = [
  { type: 'cache', target: '/var/cache/apt', sharing: 'locked' },
  { type: 'cache', target: '/var/lib/apt', sharing: 'locked' },
];

/**
 * One `apt-get install` step for the given Debian packages (sorted, de-duplicated), with apt's
 * caches mounted so a rebuild downloads nothing. `--no-install-recommends` keeps the runtime small.
 * Returns no step for an empty list.
 */
export function planAptInstall(packages: string[], comment?: string): Step[] {
  const names = [...new Set(packages)].sort();
  if (names.length === 0) return [];
  return [
    {
      kind: 'run',
      role: 'system',
      ...(comment && { comment }),
      command: [
        '/bin/sh',
        '-c',
        `rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y --no-install-recommends ${names.join(' ')}`,
      ],
      mounts: APT_CACHE_MOUNTS,
    },
  ];
}

/** Merges several native dependencies' needs into one build list, one runtime list and their reasons. */
export function mergeSystemPackages(needs: SystemPackages[]): {
  build: string[];
  runtime: string[];
  reasons: string[];
} {
  return {
    build: [...new Set(needs.flatMap((need) => need.build))].sort(),
    runtime: [...new Set(needs.flatMap((need) => need.runtime))].sort(),
    reasons: needs.map((need) => need.reason),
  };
}
