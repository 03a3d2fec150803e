import { spawn } from 'node:child_process';
import { parseBuildProgress, type VertexOutcome } from '../../executors/docker-build/lib/parse-build-progress';
import { readDockerEnv } from './docker-env';

export interface BakeRun {
  exitCode: number;
  output: string;
  vertexes: VertexOutcome[];
}

/** Runs `docker buildx bake --file <file> ...` from the workspace root with rawjson progress. */
export function runBake(cwd: string, args: string[]): Promise<BakeRun> {
  return runDocker(cwd, ['buildx', 'bake', '--progress=rawjson', ...args]).then((run) => ({
    ...run,
    vertexes: parseBuildProgress(run.output),
  }));
}

export function runDocker(cwd: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { cwd, env: readDockerEnv() });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}
