import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { BakeRound } from './run-bake-rounds';

/**
 * Runs `docker <args>`, streaming its output to the terminal as it comes (bake's progress
 * stays visible) while keeping a copy to attribute steps and errors afterwards.
 */
export function spawnBake(args: string[], cwd: string, metadataFile?: string): Promise<BakeRound> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('error', (error) => reject(new Error(`could not run docker (${error.message}); is the Docker CLI with buildx installed?`)));
    child.on('close', (code) =>
      resolve({
        exitCode: code ?? 1,
        output,
        metadata: metadataFile && existsSync(metadataFile) ? JSON.parse(readFileSync(metadataFile, 'utf-8')) : undefined,
        seconds: (Date.now() - started) / 1000,
      }),
    );
  });
}
