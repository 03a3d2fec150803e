import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { BakeRound } from './run-bake-rounds';

export interface SpawnBakeOptions {
  /** Kill bake (SIGTERM, then SIGKILL after `graceSeconds`) when it runs longer; 0 or undefined: no limit. */
  timeoutSeconds?: number;
  graceSeconds?: number;
  /** The process whose SIGINT/SIGTERM are forwarded to bake (tests pass an EventEmitter). */
  signals?: Pick<NodeJS.Process, 'on' | 'off'>;
  /** The program to run (tests run `node`); default `docker`. */
  command?: string;
}

const FORWARDED = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `docker <args>`, streaming its output to the terminal as it comes (bake's progress
 * stays visible) while keeping a copy to attribute steps and errors afterwards.
 * SIGINT/SIGTERM received meanwhile are passed on to bake (so BuildKit cancels the solve) and
 * recorded in `interrupted`; the timeout ends bake the same way and says so in the output.
 * Resolves when bake has exited, so the caller's cleanup always runs after it.
 */
export function spawnBake(
  args: string[],
  cwd: string,
  metadataFile?: string,
  options: SpawnBakeOptions = {},
): Promise<BakeRound> {
  const started = Date.now();
  const signals = options.signals ?? process;
  return new Promise((resolve, reject) => {
    // Its own process group (detached), signalled as a group: the docker CLI and its buildx plugin
    // get exactly one SIGINT/SIGTERM, from us, as they would from a terminal's Ctrl-C, and not a
    // second one straight from the terminal.
    const child = spawn(options.command ?? 'docker', args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const signal = signalGroup(child);
    let output = '';
    let interrupted: NodeJS.Signals | undefined;
    const keep = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    const forward = (name: NodeJS.Signals) => () => {
      interrupted = name;
      signal(name);
    };
    const handlers = FORWARDED.map((name) => [name, forward(name)] as const);
    for (const [name, handler] of handlers) signals.on(name, handler);
    const timeout = startTimeout(signal, options);
    const done = () => {
      timeout.clear();
      for (const [name, handler] of handlers) signals.off(name, handler);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('error', (error) => {
      done();
      reject(
        new Error(
          `could not run ${options.command ?? 'docker'} (${error.message}). Install the Docker CLI with the buildx plugin (https://docs.docker.com/build/), or put it on PATH.`,
        ),
      );
    });
    child.on('close', (code) => {
      done();
      const timedOut = timeout.fired();
      const note = timedOut
        ? `\nERROR: docker buildx bake timed out after ${options.timeoutSeconds}s (option timeoutSeconds) and was stopped`
        : '';
      resolve({
        exitCode: code ?? 1,
        output: output + note,
        metadata: metadataFile && existsSync(metadataFile) ? readMetadata(metadataFile) : undefined,
        seconds: (Date.now() - started) / 1000,
        ...(interrupted && { interrupted }),
        ...(timedOut && { timedOut }),
      });
    });
  });
}

/** Signals the child's process group (the docker CLI and its buildx plugin), or the child alone. */
function signalGroup(child: ChildProcess): (name: NodeJS.Signals) => void {
  return (name) => {
    try {
      if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      child.kill(name); // the group is gone already
    }
  };
}

/** After `timeoutSeconds`: SIGTERM, then SIGKILL after `graceSeconds` (default 10). No limit when 0/undefined. */
function startTimeout(
  signal: (name: NodeJS.Signals) => void,
  options: SpawnBakeOptions,
): { clear: () => void; fired: () => boolean } {
  let fired = false;
  let killer: NodeJS.Timeout | undefined;
  const timer =
    options.timeoutSeconds && options.timeoutSeconds > 0
      ? setTimeout(() => {
          fired = true;
          signal('SIGTERM');
          killer = setTimeout(() => signal('SIGKILL'), (options.graceSeconds ?? 10) * 1000);
        }, options.timeoutSeconds * 1000)
      : undefined;
  return {
    clear: () => {
      if (timer) clearTimeout(timer);
      if (killer) clearTimeout(killer);
    },
    fired: () => fired,
  };
}

function readMetadata(file: string): BakeRound['metadata'] {
  try {
    return JSON.parse(readFileSync(file, 'utf-8'));
  } catch {
    return undefined; // a bake stopped while writing it: the round's outcome says why
  }
}
