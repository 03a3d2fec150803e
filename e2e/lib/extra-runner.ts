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

/** One registry cache ref per build: `<registry>/nx-dockerize-e2e/<target>:buildcache`. */
export function toCacheRef(registry: string, build: FixtureBuild): string {
  return `${registry}/nx-dockerize-e2e/${build.bakeTarget.toLowerCase()}:buildcache`;
}

/** `--set` flags exporting each build's cache to its ref (mode=max: every stage's layers, as CI would). */
export function cacheToFlags(registry: string, builds: FixtureBuild[]): string[] {
  return builds.flatMap((build) => [
    '--set',
    `${build.bakeTarget}.cache-to=type=registry,ref=${toCacheRef(registry, build)},mode=max,image-manifest=true,oci-mediatypes=true`,
  ]);
}

/** `--set` flags importing each build's cache from its ref. */
export function cacheFromFlags(registry: string, builds: FixtureBuild[]): string[] {
  return builds.flatMap((build) => [
    '--set',
    `${build.bakeTarget}.cache-from=type=registry,ref=${toCacheRef(registry, build)}`,
  ]);
}

/**
 * The fresh-runner bake: a new empty runner imports the builds' registry caches and bakes them
 * (cache-only output), as a new CI machine would after the edit; the runner is removed afterwards.
 */
export async function bakeOnFreshRunner(registry: string, bakeFile: string, builds: FixtureBuild[]): Promise<BakeRun> {
  return onFreshRunner(`e2e-${process.pid}`, (builder) =>
    runBake('.', [
      '--builder',
      builder,
      '--file',
      bakeFile,
      '--set',
      '*.output=type=cacheonly',
      ...cacheFromFlags(registry, builds),
      ...builds.map((build) => build.bakeTarget),
    ]),
  );
}
