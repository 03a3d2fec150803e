import type { CacheProblem } from './parse-plain-progress';

/** Where a cache-to entry writes: `ref=` (registry), `dest=` (local), `scope=` (gha), else the whole spec. */
export function toCacheDestination(spec: string): string {
  const parts = spec.split(',');
  const type = parts.find((p) => p.startsWith('type='))?.slice(5);
  const key = type === 'local' ? 'dest=' : type === 'gha' ? 'scope=' : 'ref=';
  const found = parts.find((p) => p.startsWith(key));
  return found ? `${type === 'gha' ? 'gha scope ' : ''}${found.slice(key.length)}` : spec;
}

/**
 * One warning line per failed cache vertex of a target, naming the ref. An export's ref is
 * the target's cache-to (BuildKit's vertex names only the backend); with several cache-to
 * entries every one is named, since the output does not say which failed.
 */
export function toCacheWarnings(problems: CacheProblem[], cacheTo: string[]): string[] {
  const destinations = cacheTo.filter((spec) => !spec.startsWith('type=inline')).map(toCacheDestination);
  return problems.map((problem) => {
    if (problem.direction === 'import')
      return `cache import from ${problem.ref ?? 'a cache-from ref'} failed (ignored; this build could not use it): ${problem.error}`;
    const where = destinations.length ? destinations.join(' or ') : 'the cache-to ref';
    return `cache export to ${where} failed (ignored; the next fresh runner will not be warm from it): ${problem.error}`;
  });
}
