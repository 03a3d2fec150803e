import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  parseBuildProgress,
  didRun,
  solveStatuses,
  type VertexOutcome,
} from '../executors/docker-build/lib/parse-build-progress';
import { readDockerEnv } from '../e2e/lib/docker-env';
import { layerExtractions, unionSeconds, type LayerExtraction } from './layer-extraction';

export const REPO = resolve(__dirname, '..');
export const CA = '/etc/ssl/certs/ca-certificates.crt';
export const BUILDER = 'nx-dockerize-lab';

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export interface BuildRun {
  seconds: number;
  exitCode: number;
  /** Build steps (named `[stage n/m] ...`) BuildKit executed rather than took from cache. */
  ran: number;
  cached: number;
  steps: number;
  ranNames: string[];
  tail: string;
  /** Wall time of each step that ran (first start to last completion in BuildKit's progress), longest first. */
  stepTimes?: StepTime[];
  /**
   * Seconds during which at least one cache hit was still open, i.e. its layers being fetched and
   * extracted (the union of those spans, so parallel fetches count once). 0 on a warm builder.
   */
  fetchSeconds?: number;
  /** The cached layers BuildKit unpacked (bench/layer-extraction.ts); none on a warm builder. */
  extraction?: LayerExtraction;
}

export interface StepTime {
  name: string;
  seconds: number;
}

interface Span {
  name: string;
  start: number;
  end: number;
  cached: boolean;
}

/** Every vertex's span in the rawjson progress stream (BuildKit's own started/completed stamps), FROM vertices excluded. */
function vertexSpans(rawjson: string): Span[] {
  const spans = new Map<string, Span>();
  for (const status of solveStatuses<{ vertexes?: RawVertex[] }>(rawjson)) {
    for (const v of status.vertexes ?? []) {
      const known = spans.get(v.digest) ?? { name: v.name ?? '', start: Infinity, end: 0, cached: false };
      if (v.started) known.start = Math.min(known.start, Date.parse(v.started));
      if (v.completed) known.end = Math.max(known.end, Date.parse(v.completed));
      if (v.name) known.name = v.name;
      known.cached ||= Boolean(v.cached);
      spans.set(v.digest, known);
    }
  }
  // A FROM vertex stays open while the stages on it run (a lazy base pull): its span is not its cost.
  return [...spans.values()].filter((s) => Number.isFinite(s.start) && s.end > 0 && !/\] FROM |^FROM /.test(s.name));
}

/** Per-vertex wall time from the rawjson progress stream, longest first. */
export function stepTimes(rawjson: string): StepTime[] {
  // A cache hit that still takes time is its layer being fetched (from the registry cache on a fresh runner).
  return vertexSpans(rawjson)
    .map((s) => ({
      name: `${s.name.split('\n')[0].slice(0, 110)}${s.cached ? ' (cache hit: fetch)' : ''}`,
      seconds: (s.end - s.start) / 1000,
    }))
    .filter((s) => s.seconds > 0.05)
    .sort((a, b) => b.seconds - a.seconds);
}

/** Seconds covered by at least one cache hit's span (its layers fetched and extracted): the union, not the sum. */
export function fetchSeconds(rawjson: string): number {
  return unionSeconds(
    vertexSpans(rawjson)
      .filter((s) => s.cached && s.end - s.start > 50)
      .map((s): [number, number] => [s.start, s.end]),
  );
}

interface RawVertex {
  digest: string;
  name?: string;
  started?: string;
  completed?: string;
  cached?: boolean;
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = readDockerEnv(),
): Promise<{ exitCode: number; output: string; seconds: number }> {
  const start = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ exitCode: code ?? 1, output, seconds: (performance.now() - start) / 1000 }),
    );
  });
}

export function summarise(result: { exitCode: number; output: string; seconds: number }): BuildRun {
  const vertexes: VertexOutcome[] = parseBuildProgress(result.output);
  const steps = vertexes.filter((v) => /^\[[^\]]+\] /.test(v.name) && !/\bFROM\b|load |internal\]/.test(v.name));
  const ran = steps.filter(didRun);
  const errors = vertexes.filter((v) => v.error).map((v) => `${v.name}: ${v.error}`);
  return {
    seconds: result.seconds,
    exitCode: result.exitCode,
    ran: ran.length,
    cached: steps.filter((v) => v.cached).length,
    steps: steps.length,
    ranNames: ran.map((v) => v.name),
    tail: result.exitCode === 0 ? '' : [...errors, result.output.slice(-1500)].join('\n'),
    stepTimes: stepTimes(result.output).slice(0, 12),
    fetchSeconds: fetchSeconds(result.output),
    extraction: layerExtractions(result.output),
  };
}

const SECRET = `id=ca-certificates,src=${CA}`;

/** `docker buildx build` of one Dockerfile on the lab builder. */
export async function buildxBuild(opts: {
  cwd: string;
  context: string;
  file: string;
  output?: string;
  tag?: string;
  load?: boolean;
  extra?: string[];
  builder?: string;
}): Promise<BuildRun> {
  const args = [
    'buildx',
    'build',
    '--builder',
    opts.builder ?? BUILDER,
    '--progress=rawjson',
    '--secret',
    SECRET,
    '-f',
    opts.file,
  ];
  if (opts.load) args.push('--load', '-t', opts.tag ?? 'bench');
  else args.push('--output', opts.output ?? 'type=cacheonly');
  args.push(...(opts.extra ?? []), opts.context);
  const result = summarise(await run('docker', args, opts.cwd));
  if (result.exitCode !== 0) log(`build failed (${opts.file}): ${result.tail.slice(-600)}`);
  return result;
}

/** `docker buildx bake` of targets from the workspace's docker-bake.json on the lab builder. */
export async function bake(opts: {
  cwd: string;
  targets: string[];
  load?: boolean;
  tagPrefix?: string;
  extra?: string[];
  builder?: string;
  /** An output other than cacheonly (ignored with load). */
  output?: string;
}): Promise<BuildRun> {
  const args = [
    'buildx',
    'bake',
    '--builder',
    opts.builder ?? BUILDER,
    '--progress=rawjson',
    '--file',
    'docker-bake.json',
    '--allow',
    `fs.read=${CA}`,
    '--set',
    `*.secrets=${SECRET}`,
  ];
  if (opts.load) {
    args.push('--load');
    for (const t of opts.targets) args.push('--set', `${t}.tags=${opts.tagPrefix ?? 'bench-ours'}-${t}:latest`);
  } else args.push('--set', `*.output=${opts.output ?? 'type=cacheonly'}`);
  args.push(...(opts.extra ?? []), ...opts.targets);
  const result = summarise(await run('docker', args, opts.cwd));
  if (result.exitCode !== 0) log(`bake failed (${opts.targets.join(',')}): ${result.tail.slice(-600)}`);
  return result;
}

export async function timed(
  cmd: string,
  args: string[],
  cwd: string,
  env?: NodeJS.ProcessEnv,
): Promise<{ exitCode: number; output: string; seconds: number }> {
  return run(cmd, args, cwd, env ?? process.env);
}

export function docker(args: string[]): string {
  return execFileSync('docker', args, { env: readDockerEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
}
