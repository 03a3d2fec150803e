import { existsSync, readFileSync, rmSync } from 'node:fs';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didRun, type VertexOutcome } from '../executors/docker-build/lib/parse-build-progress';
import { resetToFreshRunner } from './lib/fresh-runner';
import { runBake, runDocker } from './lib/run-bake';
import { copyExamples } from './lib/workspace-copy';
import { appendComment, SERVICES, type ExampleService } from './services';

const image = (service: ExampleService) => `nx-dockerize-e2e/${service.bakeTarget}:latest`;

const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * Arguments every build gets: the explicit bake file (no stray compose file merged) and the
 * machine's CA bundle as the optional `ca-certificates` secret (needed behind the lab's
 * TLS-re-signing outbound path, harmless elsewhere).
 */
function bakeArgs(service: ExampleService, extra: string[]): string[] {
  const ca = existsSync(CA_BUNDLE) ? [`--set=${service.bakeTarget}.secrets=id=ca-certificates,src=${CA_BUNDLE}`] : [];
  return ['--file', 'docker-bake.json', ...ca, ...extra, service.bakeTarget];
}

const steps = (vertexes: VertexOutcome[]) => vertexes.filter((v) => /^\[[^\]]+\] (RUN|COPY) /.test(v.name));
const ran = (vertexes: VertexOutcome[]) =>
  steps(vertexes)
    .filter(didRun)
    .map((v) => v.name);
/** Every step with its outcome: the failure message shows the whole build, not just the miss. */
const outcomes = (vertexes: VertexOutcome[]) =>
  steps(vertexes)
    .map((v) => `${didRun(v) ? 'RAN   ' : 'CACHED'} ${v.name.slice(0, 120)}`)
    .join('\n');

// These builds use no cache-from, so start from an empty local cache whatever ran before:
// records that affected.e2e.ts imported from the registry cache make a later build without
// cache-from miss content-based matches (docs/docker-build.md, "A BuildKit caveat").
beforeAll(() => resetToFreshRunner());

describe.each(SERVICES)('example $project', (service) => {
  let workspace: string;
  let container: StartedTestContainer | undefined;

  beforeAll(async () => {
    workspace = copyExamples();
    const build = await runBake(
      workspace,
      bakeArgs(service, [`--set=${service.bakeTarget}.tags=${image(service)}`, '--load']),
    );
    expect(build.exitCode, build.output.slice(-4000)).toBe(0);
  });

  afterAll(async () => {
    await container?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('starts and answers GET /health and its own route', async () => {
    container = await new GenericContainer(image(service))
      .withExposedPorts(service.port)
      .withWaitStrategy(Wait.forHttp('/health', service.port).forStatusCode(200))
      .withStartupTimeout(60_000)
      .start();
    const base = `http://${container.getHost()}:${container.getMappedPort(service.port)}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect((await fetch(`${base}${service.route}`)).status).toBe(200);
  });

  it('runs as a non-root user', async () => {
    // Read from the host's /proc: works for images without a shell or any tool inside.
    const inspect = await runDocker('.', ['inspect', '--format', '{{.State.Pid}}', container!.getId()]);
    const status = readFileSync(`/proc/${inspect.output.trim()}/status`, 'utf-8');
    const [, realUid] = /^Uid:\s+(\d+)/m.exec(status) ?? [];
    expect(Number(realUid)).toBeGreaterThan(0);
  });

  it("passes BuildKit's build checks", async () => {
    const check = await runDocker(workspace, ['buildx', 'bake', ...bakeArgs(service, ['--call', 'check'])]);
    expect(check.exitCode, check.output).toBe(0);
    expect(check.output).not.toMatch(/WARNING|warning:/);
  });

  it('keeps the dependency install cached when a source file changes', async () => {
    appendComment(service.source, service.source.endsWith('.py') ? '#' : '//')(workspace);
    const rebuild = await runBake(workspace, bakeArgs(service, [`--set=${service.bakeTarget}.output=type=cacheonly`]));
    expect(rebuild.exitCode, rebuild.output.slice(-4000)).toBe(0);
    const install = steps(rebuild.vertexes).filter((v) => service.installStep.test(v.name));
    expect(install.length).toBeGreaterThan(0);
    expect(
      install.filter(didRun).map((v) => v.name),
      outcomes(rebuild.vertexes),
    ).toEqual([]);
    // The build itself must re-run, or the edit never reached the image.
    expect(ran(rebuild.vertexes).some((name) => / RUN /.test(name) && !service.installStep.test(name))).toBe(true);
  });

  it("re-runs none of its steps when another project's files or dependencies change", async () => {
    service.otherProjectEdit(workspace);
    const rebuild = await runBake(workspace, bakeArgs(service, [`--set=${service.bakeTarget}.output=type=cacheonly`]));
    expect(rebuild.exitCode, rebuild.output.slice(-4000)).toBe(0);
    const rerun = ran(rebuild.vertexes);
    expect(
      rerun.filter((name) => !service.allowedAfterOtherEdit.some((allowed) => allowed.test(name))),
      outcomes(rebuild.vertexes),
    ).toEqual([]);
    // Where a step is allowed to re-run, it must have: proof that the edit reached this build at all.
    for (const allowed of service.allowedAfterOtherEdit)
      expect(
        rerun.some((name) => allowed.test(name)),
        String(allowed),
      ).toBe(true);
  });
});
