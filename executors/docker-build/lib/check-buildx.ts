import { spawnSync } from 'node:child_process';

/**
 * The oldest buildx the executor supports: 0.19.0, the first with bake's filesystem entitlements
 * (`--allow=fs.read=…`, which the executor passes for secret files; 0.20 turned their absence into
 * an error, docs.docker.com build release notes for v0.20.0).
 */
export const MIN_BUILDX = [0, 19, 0] as const;

/** `github.com/docker/buildx v0.36.1 4a6f...` → [0, 36, 1]; undefined when no version is found. */
export function parseBuildxVersion(output: string): [number, number, number] | undefined {
  const match = /\bv?(\d+)\.(\d+)\.(\d+)/.exec(output);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started at all (ENOENT: not installed). */
  error?: Error;
}

/**
 * Why `docker buildx bake` cannot run here, or undefined. Distinguishes: no docker CLI, no buildx
 * plugin, a buildx older than MIN_BUILDX. `run` is injectable for tests.
 */
export function explainMissingBuildx(
  run: (command: string, args: string[]) => CommandResult = runCommand,
): string | undefined {
  const result = run('docker', ['buildx', 'version']);
  if (result.error) {
    return `nx-dockerize: the docker CLI was not found (${result.error.message}). Install Docker (Engine or Desktop) with the buildx plugin, or put docker on PATH.`;
  }
  const text = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) {
    return `nx-dockerize: docker buildx is not available (\`docker buildx version\` said: ${text.trim().split('\n')[0] || `exit ${result.status}`}). Install the buildx plugin (https://github.com/docker/buildx#installing), version ${MIN_BUILDX.join('.')} or newer.`;
  }
  const version = parseBuildxVersion(text);
  if (!version) return undefined; // a dev build without a version: let bake itself speak
  const tooOld = compare(version, MIN_BUILDX) < 0;
  return tooOld
    ? `nx-dockerize: docker buildx ${version.join('.')} is too old; nx-dockerize needs ${MIN_BUILDX.join('.')} or newer (bake's --allow=fs.read entitlements). Update Docker or the buildx plugin.`
    : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function runCommand(command: string, args: string[]): CommandResult {
  const result = spawnSync(command, args, { encoding: 'utf-8', timeout: 30_000 });
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ...(result.error && { error: result.error }),
  };
}
