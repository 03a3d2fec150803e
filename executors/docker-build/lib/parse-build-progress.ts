/**
 * Reads BuildKit's `--progress=rawjson` stream (one SolveStatus JSON object per line) and
 * folds the updates of each vertex into its final outcome, so callers can tell which steps
 * ran and which were cache hits.
 */
export interface VertexOutcome {
  digest: string;
  name: string;
  cached: boolean;
  started: boolean;
  completed: boolean;
  error?: string;
}

interface RawVertex {
  digest: string;
  name?: string;
  cached?: boolean;
  started?: string;
  completed?: string;
  error?: string;
}

export function parseBuildProgress(rawjson: string): VertexOutcome[] {
  const byDigest = new Map<string, VertexOutcome>();
  for (const status of solveStatuses<{ vertexes?: RawVertex[] }>(rawjson)) {
    for (const vertex of status.vertexes?.filter((v) => typeof v.digest === 'string') ?? []) {
      const known = byDigest.get(vertex.digest) ?? {
        digest: vertex.digest,
        name: '',
        cached: false,
        started: false,
        completed: false,
      };
      byDigest.set(vertex.digest, {
        digest: vertex.digest,
        name: vertex.name || known.name,
        cached: known.cached || Boolean(vertex.cached),
        started: known.started || Boolean(vertex.started),
        completed: known.completed || Boolean(vertex.completed),
        error: vertex.error || known.error,
      });
    }
  }
  return [...byDigest.values()];
}

/**
 * Each SolveStatus object of a rawjson stream, in order, typed by the caller as the fields it reads
 * (`vertexes`, `statuses`). Non-JSON lines (bake's own messages on the same stream) are skipped, not fatal.
 */
export function* solveStatuses<T>(rawjson: string): Generator<T> {
  for (const line of rawjson.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) continue;
    try {
      yield JSON.parse(trimmed) as T;
    } catch {
      continue;
    }
  }
}

/** A step "ran" when BuildKit executed it rather than taking it from cache. */
export function didRun(vertex: VertexOutcome): boolean {
  return vertex.started && !vertex.cached;
}
