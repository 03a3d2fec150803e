import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { explainMissingBuildx, parseBuildxVersion } from './check-buildx';
import { runBakeRounds } from './run-bake-rounds';
import { spawnBake } from './spawn-bake';

/** `node -e <script>` stands in for docker: the same process handling, no Docker needed. */
const node = (script: string, options: Parameters<typeof spawnBake>[3] = {}) =>
  spawnBake(['-e', script], process.cwd(), undefined, { command: process.execPath, ...options });

describe('spawnBake', () => {
  it('stops bake at the timeout and says so', async () => {
    const round = await node('setTimeout(() => {}, 60000)', { timeoutSeconds: 0.3, graceSeconds: 1 });
    expect(round.timedOut).toBe(true);
    expect(round.exitCode).not.toBe(0);
    expect(round.output).toMatch(/timed out after 0.3s \(option timeoutSeconds\)/);
    expect(round.seconds).toBeLessThan(5);
  });

  it('forwards SIGINT and SIGTERM to bake, then removes its handlers', async () => {
    const signals = new EventEmitter() as unknown as NodeJS.Process;
    const running = node(
      "process.on('SIGINT', () => { console.log('got SIGINT'); process.exit(130); }); setInterval(() => {}, 1000); console.log('ready')",
      { signals },
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    (signals as unknown as EventEmitter).emit('SIGINT');
    const round = await running;
    expect(round.interrupted).toBe('SIGINT');
    expect(round.output).toContain('got SIGINT');
    expect(round.exitCode).toBe(130);
    expect((signals as unknown as EventEmitter).listenerCount('SIGINT')).toBe(0);
    expect((signals as unknown as EventEmitter).listenerCount('SIGTERM')).toBe(0);
  });

  it('says how to install docker when it cannot be started', async () => {
    await expect(spawnBake(['buildx'], process.cwd(), undefined, { command: '/nonexistent/docker' })).rejects.toThrow(
      /Install the Docker CLI with the buildx plugin/,
    );
  });
});

describe('runBakeRounds after a stop', () => {
  it('does not re-run the other targets after an interrupt or a timeout', async () => {
    let rounds = 0;
    const outcomes = await runBakeRounds(['a', 'b'], async () => {
      rounds += 1;
      return {
        exitCode: 130,
        output: '#1 [a build 1/2] RUN x\n#1 ERROR: canceled',
        seconds: 1,
        interrupted: 'SIGINT' as const,
      };
    });
    expect(rounds).toBe(1);
    expect(outcomes.a.success).toBe(false);
    expect(outcomes.b.success).toBe(false);
  });
});

describe('docker and buildx checks', () => {
  const reply =
    (status: number | null, stdout = '', error?: Error) =>
    () => ({ status, stdout, stderr: '', ...(error && { error }) });
  it.each([
    ['github.com/docker/buildx v0.36.1 4a6f1d', [0, 36, 1]],
    ['github.com/docker/buildx 0.19.0+unknown', [0, 19, 0]],
    ['dev build', undefined],
  ])('reads the version of %s', (text, version) => {
    expect(parseBuildxVersion(text)).toEqual(version);
  });
  it('explains a missing docker, a missing buildx and a buildx that is too old', () => {
    expect(
      explainMissingBuildx(reply(null, '', Object.assign(new Error('spawn docker ENOENT'), { code: 'ENOENT' }))),
    ).toMatch(/docker CLI was not found.*Install Docker/);
    expect(explainMissingBuildx(reply(1, "docker: 'buildx' is not a docker command."))).toMatch(
      /buildx is not available.*Install the buildx plugin/,
    );
    expect(explainMissingBuildx(reply(0, 'github.com/docker/buildx v0.12.1 abc'))).toMatch(
      /buildx 0.12.1 is too old; nx-dockerize needs 0.19.0 or newer/,
    );
    expect(explainMissingBuildx(reply(0, 'github.com/docker/buildx v0.19.0 abc'))).toBeUndefined();
    expect(explainMissingBuildx(reply(0, 'github.com/docker/buildx v1.0.0 abc'))).toBeUndefined();
  });
});
