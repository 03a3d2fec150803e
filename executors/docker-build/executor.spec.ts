import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProjects, type ExecutorEffects } from './executor';
import type { BakeRound } from './lib/run-bake-rounds';

/** A workspace with a bake file for `api`, and a tmp root of its own to see what is left behind. */
let root: string;
let tmpRoot: string;
const context = () =>
  ({
    root,
    projectName: 'api',
    projectsConfigurations: { version: 2, projects: { api: { root: 'apps/api' } } },
  }) as unknown as ExecutorContext;
const request = (options = {}) => [
  {
    taskId: 'api:docker-build',
    project: 'api',
    options: { cache: 'none' as const, sha: 'a'.repeat(40), branch: 'main', ...options },
  },
];
const ok: BakeRound = { exitCode: 0, output: '#1 [api runtime 1/1] FROM x\n#1 DONE 0.1s', seconds: 1 };

function effects(spawn: ExecutorEffects['spawnBake'], overrides: Partial<ExecutorEffects> = {}): ExecutorEffects {
  return { explainMissingBuildx: () => undefined, spawnBake: spawn, tmpRoot, reraise: vi.fn(), ...overrides };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nx-dockerize-ws-'));
  tmpRoot = mkdtempSync(join(tmpdir(), 'nx-dockerize-tmp-'));
  mkdirSync(join(root, 'apps/api'), { recursive: true });
  writeFileSync(
    join(root, 'docker-bake.json'),
    JSON.stringify({ target: { api: { context: '.', dockerfile: 'apps/api/Dockerfile' } } }),
  );
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(tmpRoot, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('docker-build executor: temp files, signals, docker checks', () => {
  it('removes its temp files after a build', async () => {
    const results = await buildProjects(
      request(),
      context(),
      effects(async () => ok),
    );
    expect(results['api:docker-build'].success).toBe(true);
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('removes its temp files when bake cannot start', async () => {
    const failing = effects(async () => {
      throw new Error('could not run docker');
    });
    await expect(buildProjects(request(), context(), failing)).rejects.toThrow('could not run docker');
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('after SIGINT reached bake: fails the task, removes its temp files, then exits by the signal', async () => {
    let leftWhenReraised: string[] = ['not called'];
    const interrupted = effects(
      async () => ({ exitCode: 130, output: 'ERROR: interrupted', seconds: 1, interrupted: 'SIGINT' }),
      {
        reraise: (signal) => {
          expect(signal).toBe('SIGINT');
          leftWhenReraised = readdirSync(tmpRoot);
        },
      },
    );
    const results = await buildProjects(request(), context(), interrupted);
    expect(results['api:docker-build'].success).toBe(false);
    expect(leftWhenReraised).toEqual([]);
  });

  it('passes one --secrets=… string to bake as a list, with its file allowed (nx run api:docker-build --secrets=id=…,src=…)', async () => {
    let overrides: { target: Record<string, { secret?: unknown }> } | undefined;
    let args: string[] = [];
    const spy: ExecutorEffects['spawnBake'] = async (given) => {
      args = given;
      overrides = JSON.parse(readFileSync(given[given.indexOf('--file', given.indexOf('--file') + 1) + 1], 'utf-8'));
      return ok;
    };
    await buildProjects(request({ secrets: 'id=npmrc,src=/tmp/npmrc' }), context(), effects(spy));
    expect(overrides?.target.api.secret).toEqual(['id=npmrc,src=/tmp/npmrc']);
    expect(args).toContain('--allow=fs.read=/tmp/npmrc');
  });

  it('passes the timeout to bake (default 2 hours, or timeoutSeconds)', async () => {
    const seen: (number | undefined)[] = [];
    const spy: ExecutorEffects['spawnBake'] = async (_args, _cwd, _metadata, options) => {
      seen.push(options?.timeoutSeconds);
      return ok;
    };
    await buildProjects(request(), context(), effects(spy));
    await buildProjects(request({ timeoutSeconds: 60 }), context(), effects(spy));
    expect(seen).toEqual([7200, 60]);
  });

  it('stops before anything when docker buildx is missing, with the message that says what to install', async () => {
    const spawn = vi.fn();
    const missing = effects(spawn, { explainMissingBuildx: () => 'nx-dockerize: docker buildx is not available' });
    await expect(buildProjects(request(), context(), missing)).rejects.toThrow('docker buildx is not available');
    expect(spawn).not.toHaveBeenCalled();
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it.each([
    { registry: 'localhost:5000' },
    { registry: 'ghcr.io/acme/' },
    { registry: '[::1]:5000/team' },
    { imageName: 'team/{project}' },
  ])('accepts %j', async (options) => {
    const results = await buildProjects(
      request(options),
      context(),
      effects(async () => ok),
    );
    expect(results['api:docker-build'].success).toBe(true);
  });

  it.each([
    [
      { registry: 'ghcr.io/Acme' },
      /option registry "ghcr.io\/Acme" \(project api\) is not valid: repository names are lowercase only/,
    ],
    [{ imageName: 'my app' }, /option imageName "my app".*white space/],
    [{ tags: ['{branch}', '-bad'] }, /option tags "-bad".*a tag is at most 128/],
    [{ timeoutSeconds: -1 }, /option timeoutSeconds -1.*number of seconds/],
  ])('refuses image options Docker would refuse: %j', async (options, message) => {
    const spawn = vi.fn();
    await expect(buildProjects(request(options), context(), effects(spawn))).rejects.toThrow(message);
    await expect(buildProjects(request(options), context(), effects(spawn))).rejects.toThrow(
      /Fix it in the docker-build target options/,
    );
    expect(spawn).not.toHaveBeenCalled();
  });
});

describe('docker-build executor: a refused cache export', () => {
  it('succeeds, and the summary and task output name the cache ref (captured buildx output)', async () => {
    const output = readFileSync(
      join(__dirname, 'lib/__fixtures__/cache-progress/export-refused-one-target.plain.txt'),
      'utf-8',
    );
    const results = await buildProjects(
      request({ cache: 'registry', registry: 'ghcr.io/acme', branch: 'feature/ABC_12' }),
      context(),
      effects(async () => ({ exitCode: 0, output, seconds: 1 })),
    );
    const summary = vi
      .mocked(console.log)
      .mock.calls.map((call) => String(call[0]))
      .join('\n');
    expect(results['api:docker-build'].success).toBe(true);
    expect(summary).toMatch(/1 image\(s\) built, 0 failed, 1 with warnings\n/);
    expect(summary).toMatch(
      /\nwarnings:\n {2}api: cache export to ghcr\.io\/acme\/api:buildcache-feature-ABC_12 failed/,
    );
    expect(results['api:docker-build'].terminalOutput).toMatch(
      /\napi: warning: cache export to ghcr\.io\/acme\/api:buildcache-feature-ABC_12 failed .*connection refused$/,
    );
  });
});
