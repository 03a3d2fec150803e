/**
 * Reads buildx's `--progress=plain` output (which the executor also streams to the terminal,
 * so bake's own progress stays visible) and attributes each step to its bake target:
 * with several targets, bake prefixes step names with the target (`[orders deps 2/3]`);
 * with one target it does not.
 */
export interface TargetProgress {
  cached: number;
  executed: number;
  /** Seconds spent in executed steps (BuildKit's own DONE timings). */
  seconds: number;
  errors: string[];
  /** Cache imports/exports that failed without failing the build (`ignore-error=true`, a missing ref). */
  cache?: CacheProblem[];
}

/**
 * A failed cache vertex. BuildKit names the export vertex after the backend only
 * (`exporting cache to registry`, `… to client directory`, `… to GitHub Actions Cache`), so the
 * ref of an export comes from the target's cache-to (cache-warnings.ts); an import names its ref.
 */
export interface CacheProblem {
  direction: 'export' | 'import';
  /** The ref an import read from (`importing cache manifest from <ref>`). */
  ref?: string;
  error: string;
}

interface Vertex {
  targets: Set<string>;
  isStep: boolean;
  cache?: Omit<CacheProblem, 'error'>;
  state?: 'cached' | 'done' | 'error' | 'canceled';
  seconds: number;
  error?: string;
}

const NAME_LINE = /^#(\d+) \[([^\]]+)\] (.*)$/;
/** Cache vertices: bracketed with the target name in a multi-target bake, bare with one target. */
const CACHE_LINE = /^#(\d+) (?:\[([^\] ]+)\] )?(exporting cache\b.*|importing cache manifest from (\S+))$/;
const STATE_LINE = /^#(\d+) (CACHED|DONE (\d+(?:\.\d+)?)s|ERROR: (.*)|CANCELED)\s*$/;

export function parsePlainProgress(output: string, targets: string[]): Record<string, TargetProgress> {
  const vertexes = new Map<string, Vertex>();
  for (const line of output.split('\n')) {
    const cache = CACHE_LINE.exec(line);
    if (cache) {
      recordCache(vertexes, cache, targets);
      continue;
    }
    const name = NAME_LINE.exec(line);
    if (name) {
      recordName(vertexes, name[1], name[2], targets, name[3]);
      continue;
    }
    const state = STATE_LINE.exec(line);
    if (state) recordState(vertexes.get(state[1]), state);
  }
  return summarise(vertexes, targets);
}

function recordName(
  vertexes: Map<string, Vertex>,
  id: string,
  bracket: string,
  targets: string[],
  instruction: string,
): void {
  const [first, ...rest] = bracket.split(' ');
  const target = targets.includes(first) ? first : targets.length === 1 ? targets[0] : undefined;
  const stage = targets.includes(first) ? rest : [first, ...rest];
  const vertex = vertexes.get(id) ?? { targets: new Set<string>(), isStep: false, seconds: 0 };
  if (target) vertex.targets.add(target);
  // `[stage i/n]` is a Dockerfile step; `[internal]` loads (context, metadata) are not, nor is a
  // stage's `FROM` (BuildKit reports resolving and unpacking the base image as DONE on every build).
  vertex.isStep =
    vertex.isStep ||
    (stage[0] !== 'internal' && /^\d+\/\d+$/.test(stage[stage.length - 1] ?? '') && !/^FROM\s/.test(instruction));
  vertexes.set(id, vertex);
}

function recordCache(vertexes: Map<string, Vertex>, match: RegExpExecArray, targets: string[]): void {
  const [, id, bracket, , ref] = match;
  const target =
    bracket !== undefined
      ? targets.includes(bracket)
        ? bracket
        : undefined
      : targets.length === 1
        ? targets[0]
        : undefined;
  const vertex = vertexes.get(id) ?? { targets: new Set<string>(), isStep: false, seconds: 0 };
  if (target) vertex.targets.add(target);
  vertex.cache = ref === undefined ? { direction: 'export' } : { direction: 'import', ref };
  vertexes.set(id, vertex);
}

function recordState(vertex: Vertex | undefined, match: RegExpExecArray): void {
  if (!vertex) return;
  if (match[2] === 'CACHED') vertex.state = 'cached';
  else if (match[2] === 'CANCELED') vertex.state = 'canceled';
  else if (match[4] !== undefined) {
    vertex.state = 'error';
    vertex.error = match[4];
  } else if (vertex.state !== 'cached') {
    vertex.state = 'done';
    vertex.seconds = Number(match[3]);
  }
}

function summarise(vertexes: Map<string, Vertex>, targets: string[]): Record<string, TargetProgress> {
  const result: Record<string, TargetProgress> = {};
  for (const target of targets) result[target] = { cached: 0, executed: 0, seconds: 0, errors: [] };
  for (const vertex of vertexes.values()) {
    for (const target of vertex.targets) {
      const progress = result[target];
      if (vertex.state === 'error' && vertex.cache) {
        if (!isMissingRef(vertex)) (progress.cache ??= []).push({ ...vertex.cache, error: vertex.error ?? 'failed' });
        continue;
      }
      if (vertex.state === 'error') progress.errors.push(vertex.error ?? 'failed');
      if (!vertex.isStep) continue;
      if (vertex.state === 'cached') progress.cached += 1;
      if (vertex.state === 'done') {
        progress.executed += 1;
        progress.seconds += vertex.seconds;
      }
    }
  }
  return result;
}

/** A cache-from ref that does not exist yet (a new branch, a first build) is expected, not a problem. */
function isMissingRef(vertex: Vertex): boolean {
  return vertex.cache?.direction === 'import' && /: not found$|manifest unknown/i.test(vertex.error ?? '');
}
