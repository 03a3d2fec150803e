import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProjects } from '../executors/docker-build/executor';

/**
 * A refused cache export is reported, not hidden: the real executor, the lab's BuildKit, a
 * two-line Dockerfile (cached after its first run) and a registry where nothing listens
 * (localhost:5999). BuildKit ignores the export error (`ignore-error=true`), bake exits 0, and
 * the run summary and the task's output must name the cache ref.
 */
const REFUSING = 'localhost:5999';

describe('docker-build: a cache export the registry refuses', () => {
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

  it('builds, succeeds, and warns naming the cache ref it could not write', async () => {
    const log = vi.spyOn(console, 'log');
    const context = {
      root,
      projectName: 'probe',
      projectsConfigurations: { version: 2, projects: { probe: { root: 'apps/probe' } } },
    } as unknown as ExecutorContext;
    const options = { registry: REFUSING, branch: 'feature/cache-warning', sha: 'c'.repeat(40) };
    const results = await buildProjects([{ taskId: 'probe:docker-build', project: 'probe', options }], context);
    const summary = log.mock.calls.map((call) => String(call[0])).join('\n');
    log.mockRestore();

    expect(results['probe:docker-build'].success, summary).toBe(true);
    expect(summary).toMatch(/1 image\(s\) built, 0 failed, 1 with warnings/);
    expect(summary).toContain(
      `probe: cache export to ${REFUSING}/probe:buildcache-feature-cache-warning failed (ignored; the next fresh runner will not be warm from it): `,
    );
    expect(summary).toMatch(/cache import from localhost:5999\/probe:buildcache-main failed/);
    expect(results['probe:docker-build'].terminalOutput).toMatch(/warning: cache export to localhost:5999\/probe:/);
  });
});
