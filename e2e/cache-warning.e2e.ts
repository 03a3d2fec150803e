import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProjects } from '../executors/docker-build/executor';
import { readDockerEnv } from './lib/docker-env';

/**
 * The registry cache through the real executor on the lab's BuildKit, with a two-line Dockerfile
 * (cached after its first run): the lab's registry:2 takes the default ref form
 * `<registry>/<image>:buildcache-<branch>` with the default export attributes; a registry where
 * nothing listens (localhost:5999) refuses it, BuildKit ignores the error (`ignore-error=true`),
 * bake exits 0, and the run summary and the task's output must name the cache ref.
 */
const REFUSING = 'localhost:5999';
const REGISTRY = readDockerEnv().LAB_REGISTRY ?? 'localhost:5000';

describe('docker-build: the registry cache on a plain registry:2, and one that refuses it', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'nx-dockerize-cache-warning-'));
    mkdirSync(join(root, 'apps/probe'), { recursive: true });
    writeFileSync(
      join(root, 'apps/probe/Dockerfile'),
      'FROM debian:bookworm-slim\nRUN echo nx-dockerize-cache-warning > /probe\n',
    );
    const target = { context: '.', dockerfile: 'apps/probe/Dockerfile' };
    writeFileSync(join(root, 'docker-bake.json'), JSON.stringify({ target: { probe: target } }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** One real executor run (no push, no load: the result stays in BuildKit, the cache is exported). */
  async function build(registry: string) {
    const log = vi.spyOn(console, 'log');
    const context = {
      root,
      projectName: 'probe',
      projectsConfigurations: { version: 2, projects: { probe: { root: 'apps/probe' } } },
    } as unknown as ExecutorContext;
    const options = { registry, branch: 'feature/cache-warning', sha: 'c'.repeat(40) };
    const results = await buildProjects([{ taskId: 'probe:docker-build', project: 'probe', options }], context);
    const summary = log.mock.calls.map((call) => String(call[0])).join('\n');
    log.mockRestore();
    return { results, summary };
  }

  it('registry:2 takes the default ref <registry>/<image>:buildcache-<branch>; missing cache-from refs warn nothing', async () => {
    const namespace = `cacheref-e2e-${Date.now()}`;
    const { results, summary } = await build(`${REGISTRY}/${namespace}`);
    expect(results['probe:docker-build'].success, summary).toBe(true);
    expect(summary).not.toMatch(/warnings/);
    const url = `http://${REGISTRY.replace('localhost', '127.0.0.1')}/v2/${namespace}/probe/tags/list`;
    expect(JSON.parse(execFileSync('curl', ['-sf', url]).toString()).tags).toEqual([
      'buildcache-feature-cache-warning',
    ]);
  });

  it('builds, succeeds, and warns naming the cache ref it could not write', async () => {
    const { results, summary } = await build(REFUSING);

    expect(results['probe:docker-build'].success, summary).toBe(true);
    expect(summary).toMatch(/1 image\(s\) built, 0 failed, 1 with warnings/);
    expect(summary).toContain(
      `probe: cache export to ${REFUSING}/probe:buildcache-feature-cache-warning failed (ignored; the next fresh runner will not be warm from it): `,
    );
    expect(summary).toMatch(/cache import from localhost:5999\/probe:buildcache-main failed/);
    expect(results['probe:docker-build'].terminalOutput).toMatch(/warning: cache export to localhost:5999\/probe:/);
  });
});
