import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDockerEnv } from './lib/docker-env';
import { resetToFreshRunner } from './lib/fresh-runner';
import { commitAll, createPluginWorkspace, packPlugin, runNx, stepStates } from './lib/nx-workspace';

/**
 * The daily loop through the real Nx CLI with nx-dockerize installed from its tarball:
 * `nx affected -t docker-build` builds exactly the affected services in ONE bake, pushes
 * them with a per-project registry cache, and a fresh runner starts warm from that cache.
 */
const REGISTRY = readDockerEnv().LAB_REGISTRY ?? 'localhost:5000';
// A namespace per run: tags and cache refs of earlier runs cannot make this one pass.
const NAMESPACE = `e2e-${Date.now()}`;
const NODE_SERVICES = 'orders,@examples/inventory';
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

function registryTags(repository: string): string[] {
  try {
    const body = execFileSync('curl', ['-sf', `http://${REGISTRY.replace('localhost', '127.0.0.1')}/v2/${NAMESPACE}/${repository}/tags/list`]).toString();
    return (JSON.parse(body) as { tags: string[] | null }).tags ?? [];
  } catch {
    return [];
  }
}

const bakeCount = (output: string) => output.match(/load local bake definitions/g)?.length ?? 0;

describe('nx affected -t docker-build', () => {
  let workspace: string;
  let shortSha = () => '';

  beforeAll(async () => {
    workspace = createPluginWorkspace(packPlugin());
    shortSha = () => execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: workspace }).toString().trim();
    const init = await runNx(workspace, ['g', 'nx-dockerize:init']);
    expect(init.exitCode, init.output).toBe(0);
    const nxJsonPath = join(workspace, 'nx.json');
    const nxJson = JSON.parse(readFileSync(nxJsonPath, 'utf-8'));
    nxJson.targetDefaults = {
      ...nxJson.targetDefaults,
      'docker-build': { options: { registry: `${REGISTRY}/${NAMESPACE}`, push: true, tags: ['{shortSha}'], secrets: [`id=ca-certificates,src=${CA_BUNDLE}`] } },
    };
    writeFileSync(nxJsonPath, JSON.stringify(nxJson, null, 2));
    commitAll(workspace, 'add nx-dockerize');
  });

  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('init registers the plugin and every dockerized project gets a docker-build target', async () => {
    expect(JSON.parse(readFileSync(join(workspace, 'nx.json'), 'utf-8')).plugins).toContain('nx-dockerize');
    const show = await runNx(workspace, ['show', 'project', 'orders', '--json']);
    expect(show.exitCode, show.output).toBe(0);
    const project = JSON.parse(show.output.slice(show.output.indexOf('{')));
    expect(project.targets['docker-build']).toMatchObject({ executor: 'nx-dockerize:docker-build', cache: false });
  });

  it('builds several services in one bake and pushes each image and its cache', async () => {
    const run = await runNx(workspace, ['run-many', '-t', 'docker-build', `--projects=${NODE_SERVICES}`]);
    expect(run.exitCode, run.output.slice(-4000)).toBe(0);
    expect(bakeCount(run.output)).toBe(1);
    expect(run.output).toMatch(/2 image\(s\) built, 0 failed/);
    expect(registryTags('orders')).toContain(shortSha());
    expect(registryTags('examples-inventory')).toContain(shortSha());
    expect(registryTags('cache/orders')).toContain('main');
  });

  it('after a change to a library only orders uses, builds exactly orders', async () => {
    appendFileSync(join(workspace, 'libs/money/src/index.ts'), '\nexport const DEFAULT_CURRENCY = "EUR";\n');
    commitAll(workspace, 'money: default currency');
    const affected = await runNx(workspace, ['show', 'projects', '--affected', '-t', 'docker-build', '--base=HEAD~1', '--head=HEAD', '--json']);
    expect(JSON.parse(affected.output.slice(affected.output.indexOf('[')))).toEqual(['orders']);
    const run = await runNx(workspace, ['affected', '-t', 'docker-build', '--base=HEAD~1', '--head=HEAD']);
    expect(run.exitCode, run.output.slice(-4000)).toBe(0);
    expect(run.output).toMatch(/1 image\(s\) built, 0 failed/);
    expect(run.output).not.toMatch(/@examples\/inventory\s+\S+\s+sha256/);
    expect(registryTags('orders')).toContain(shortSha());
    expect(registryTags('examples-inventory')).not.toContain(shortSha());
  });

  it('on a fresh runner, an unchanged service installs nothing: its dependency steps come from the registry cache', async () => {
    resetToFreshRunner();
    const run = await runNx(workspace, ['run', '@examples/inventory:docker-build']);
    expect(run.exitCode, run.output.slice(-4000)).toBe(0);
    const installs = stepStates(run.output, /npm ci/);
    expect(installs.length).toBeGreaterThan(0);
    expect(installs.every((state) => state === 'CACHED'), installs.join(', ')).toBe(true);
  });

  it('a broken service fails alone: the others still build and push, the exit status says so', async () => {
    appendFileSync(join(workspace, 'apps/inventory/src/main.ts'), '\nthis is not typescript (\n');
    appendFileSync(join(workspace, 'apps/orders/src/main.ts'), '\n// still fine\n');
    commitAll(workspace, 'break inventory');
    const run = await runNx(workspace, ['run-many', '-t', 'docker-build', `--projects=${NODE_SERVICES}`]);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toMatch(/1 image\(s\) built, 1 failed/);
    expect(run.output).toMatch(/@examples\/inventory\s+FAILED/);
    expect(registryTags('orders')).toContain(shortSha());
    expect(registryTags('examples-inventory')).not.toContain(shortSha());
  });

  it('nx sync:check catches a new library dependency and nx sync brings it into the Dockerfile', async () => {
    const source = join(workspace, 'apps/inventory/src/main.ts');
    writeFileSync(source, `import { formatCents } from '@examples/money';\nconsole.log(formatCents(1));\n${readFileSync(source, 'utf-8').replace('\nthis is not typescript (\n', '\n')}`);
    const check = await runNx(workspace, ['sync:check']);
    expect(check.exitCode, check.output).not.toBe(0);
    const sync = await runNx(workspace, ['sync']);
    expect(sync.exitCode, sync.output).toBe(0);
    expect(readFileSync(join(workspace, 'apps/inventory/Dockerfile'), 'utf-8')).toContain('COPY libs/money/ libs/money/');
    expect((await runNx(workspace, ['sync:check'])).exitCode).toBe(0);
  });
});
