import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readDockerEnv } from './docker-env';
import type { FixtureBuild } from './fixture-bake';
import { runBake, type BakeRun } from './run-bake';

const LAB_SH = resolve(__dirname, '../../tools/lab/lab.sh');

/**
 * A second, empty BuildKit beside the lab's, sharing its registry: a fresh CI runner that does not
 * wipe anyone's cache (`tools/lab/lab.sh runner up NAME`). Returns the buildx builder name lab.sh
 * prints, `nx-dockerize-runner-<name>`. Only in the lab (`$LAB_HOME/env` present); `name` is 1-20
 * of [a-z0-9-]. Used by the e2e suite and the bench.
 */
export function startRunner(name: string): string {
  const printed = execFileSync('bash', [LAB_SH, 'runner', 'up', name], { stdio: 'pipe', env: readDockerEnv() });
  const builder = printed.toString().trim().split('\n').pop()?.trim() ?? '';
  if (!builder.startsWith('nx-dockerize-runner-'))
    throw new Error(`lab.sh runner up ${name} printed no builder: ${builder}`);
  return builder;
}

/** Stops and removes the runner `startRunner(name)` started (its BuildKit root goes with it). */
export function stopRunner(name: string): void {
  execFileSync('bash', [LAB_SH, 'runner', 'down', name], { stdio: 'pipe', env: readDockerEnv() });
}

/** Runs `body` on a new fresh runner (startRunner) and removes the runner afterwards, whatever happens. */
export async function onFreshRunner<T>(name: string, body: (builder: string) => Promise<T>): Promise<T> {
  const builder = startRunner(name);
  try {
    return await body(builder);
  } finally {
    stopRunner(name);
  }
}

/** The lab's registry (`$LAB_REGISTRY`, e.g. localhost:5000), or undefined outside the lab. */
export function labRegistry(): string | undefined {
  const env = readDockerEnv();
  return env.LAB_HOME && env.LAB_REGISTRY ? env.LAB_REGISTRY : undefined;
}

/** The tag of the registry cache the suite's first bake exports (the edit flow's fresh runner imports it). */
export const EDIT_CACHE_TAG = 'buildcache';
/** The tag of the registry cache a bake whose steps were all local cache hits re-exports (the all-hits flow). */
export const ALL_HITS_CACHE_TAG = 'buildcache-allhits';

/** The lab-registry repository of one build: `<registry>/nx-dockerize-e2e/<target>` (lower case). */
const toRepository = (registry: string, build: FixtureBuild) =>
  `${registry}/nx-dockerize-e2e/${build.bakeTarget.toLowerCase()}`;

/** One registry cache ref per build and tag: `<registry>/nx-dockerize-e2e/<target>:<tag>`. */
export function toCacheRef(registry: string, build: FixtureBuild, tag = EDIT_CACHE_TAG): string {
  return `${toRepository(registry, build)}:${tag}`;
}

/** `--set` flags exporting each build's cache to its `tag` ref (mode=max: every stage's layers, as CI would). */
export function cacheToFlags(registry: string, builds: FixtureBuild[], tag = EDIT_CACHE_TAG): string[] {
  return builds.flatMap((build) => [
    '--set',
    `${build.bakeTarget}.cache-to=type=registry,ref=${toCacheRef(registry, build, tag)},mode=max,image-manifest=true,oci-mediatypes=true`,
  ]);
}

/** `--set` flags importing each build's cache from its `tag` ref. */
export function cacheFromFlags(registry: string, builds: FixtureBuild[], tag = EDIT_CACHE_TAG): string[] {
  return builds.flatMap((build) => [
    '--set',
    `${build.bakeTarget}.cache-from=type=registry,ref=${toCacheRef(registry, build, tag)}`,
  ]);
}

/**
 * Output flags: each build's image pushed to `<repository>:<tag>` (CI's output), or, without a
 * tag, no output but the cache (`type=cacheonly`).
 */
function outputFlags(registry: string, builds: FixtureBuild[], tag?: string): string[] {
  if (!tag) return ['--set', '*.output=type=cacheonly'];
  return [
    '--set',
    '*.output=type=image,push=true',
    ...builds.flatMap((build) => ['--set', `${build.bakeTarget}.tags=${toCacheRef(registry, build, tag)}`]),
  ];
}

/**
 * A bake of `builds` on `builder` that imports their registry caches (`tag`), as a CI machine
 * does; cache-only output, or with `pushTag` each image pushed to `<repository>:<pushTag>`; with
 * `exportTag` it also exports each cache to the `exportTag` ref.
 */
export function bakeImporting(
  builder: string,
  registry: string,
  bakeFile: string,
  builds: FixtureBuild[],
  { tag = EDIT_CACHE_TAG, pushTag, exportTag }: { tag?: string; pushTag?: string; exportTag?: string } = {},
): Promise<BakeRun> {
  return runBake('.', [
    '--builder',
    builder,
    '--file',
    bakeFile,
    ...outputFlags(registry, builds, pushTag),
    ...cacheFromFlags(registry, builds, tag),
    ...(exportTag ? cacheToFlags(registry, builds, exportTag) : []),
    ...builds.map((build) => build.bakeTarget),
  ]);
}

/**
 * The fresh-runner bake: a new empty runner imports the builds' registry caches (`tag`) and bakes
 * them (cache-only output), as a new CI machine would; the runner is removed afterwards.
 */
export function bakeOnFreshRunner(
  registry: string,
  bakeFile: string,
  builds: FixtureBuild[],
  tag = EDIT_CACHE_TAG,
): Promise<BakeRun> {
  return onFreshRunner(`e2e-${process.pid}`, (builder) => bakeImporting(builder, registry, bakeFile, builds, { tag }));
}

/**
 * The all-hits export: on `builder`, which has already built and pushed `builds` (every step a
 * local cache hit), a bake with CI's flags that pushes each image to `<repository>:<toTag>-image`,
 * imports the `fromTag` cache and exports the cache to the `toTag` ref: a warm runner
 * re-exporting. Where this matters (docs/go-and-rust.md; lab, BuildKit 0.32.2, go-replace with
 * the binary copied `--link`): this bake on a runner that had imported the first cache and built
 * the edit exported a cache from which a new runner re-ran the link's merge; the same bake on the
 * lab's own builder (which never imported a cache) did not, nor did a cache-only bake there.
 */
export function exportAllHits(
  builder: string,
  registry: string,
  bakeFile: string,
  builds: FixtureBuild[],
  { fromTag = EDIT_CACHE_TAG, toTag = ALL_HITS_CACHE_TAG } = {},
): Promise<BakeRun> {
  return bakeImporting(builder, registry, bakeFile, builds, {
    tag: fromTag,
    pushTag: `${toTag}-image`,
    exportTag: toTag,
  });
}
