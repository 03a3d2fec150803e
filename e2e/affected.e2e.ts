import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDockerEnv } from './lib/docker-env';
import { resetToFreshRunner } from './lib/fresh-runner';
import { selectedNxMajors } from './lib/nx-majors';
import {
  commitAll,
  createWorkspaceOnNx,
  installedNxVersion,
  packPlugin,
  runNx,
  stepStates,
  type NxRun,
} from './lib/nx-workspace';

/**
 * The daily loop through the real Nx CLI with nx-dockerize added from its tarball by `nx add`,
 * on every supported Nx major (e2e/lib/nx-majors.ts; `E2E_NX=24` runs one): `nx affected -t
 * docker-build` builds exactly the affected services in ONE bake, pushes them with a
 * per-project registry cache, and `nx sync:check` catches a Dockerfile the graph outgrew.
 * The images are the same on every major (same sources, same lockfile), so after the first
 * major BuildKit serves them from its cache. Only the newest major (the last) empties
 * BuildKit's cache for the fresh-runner test, so no other major starts cold.
 */
const REGISTRY = readDockerEnv().LAB_REGISTRY ?? 'localhost:5000';
// A namespace per run and major: tags and cache refs of earlier runs cannot make this one pass.
const RUN_ID = `e2e-${Date.now()}`;
const NODE_SERVICES = 'orders,@examples/inventory';
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const MAJORS = selectedNxMajors();
const NEWEST_SELECTED = MAJORS[MAJORS.length - 1];

function registryTags(namespace: string, repository: string): string[] {
  try {
    const body = execFileSync('curl', [
      '-sf',
      `http://${REGISTRY.replace('localhost', '127.0.0.1')}/v2/${namespace}/${repository}/tags/list`,
    ]).toString();
    return (JSON.parse(body) as { tags: string[] | null }).tags ?? [];
  } catch {
    return [];
  }
}

const bakeCount = (output: string) => output.match(/load local bake definitions/g)?.length ?? 0;

/** `nx show projects --affected -t docker-build` for the last commit: the projects Nx would build. */
async function showAffected(workspace: string): Promise<string[]> {
  const affected = await runNx(workspace, [
    'show',
    'projects',
    '--affected',
    '-t',
    'docker-build',
    '--base=HEAD~1',
    '--head=HEAD',
    '--json',
  ]);
  expect(affected.exitCode, affected.output).toBe(0);
  return JSON.parse(affected.output.slice(affected.output.indexOf('[')));
}

let tarball = '';
beforeAll(() => {
  tarball = packPlugin();
});

describe.each(MAJORS)('Nx $major ($nx): nx add, then nx affected -t docker-build', (nx) => {
  const namespace = `${RUN_ID}-nx${nx.major}`;
  const tags = (repository: string) => registryTags(namespace, repository);
  let workspace: string;
  let add: NxRun;
  let shortSha = () => '';

  beforeAll(async () => {
    ({ workspace, add } = await createWorkspaceOnNx(tarball, nx));
    shortSha = () => execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: workspace }).toString().trim();
    expect(installedNxVersion(workspace)).toBe(nx.nx);
    expect(add.exitCode, add.output).toBe(0);
    const nxJsonPath = join(workspace, 'nx.json');
    const nxJson = JSON.parse(readFileSync(nxJsonPath, 'utf-8'));
    nxJson.targetDefaults = {
      ...nxJson.targetDefaults,
      'docker-build': {
        options: {
          registry: `${REGISTRY}/${namespace}`,
          push: true,
          tags: ['{shortSha}'],
          secrets: [`id=ca-certificates,src=${CA_BUNDLE}`],
        },
      },
    };
    writeFileSync(nxJsonPath, JSON.stringify(nxJson, null, 2));
    commitAll(workspace, 'add nx-dockerize');
  });

  afterAll(() => workspace && rmSync(workspace, { recursive: true, force: true }));

  it('nx add registers the plugin and says what it did', () => {
    expect(add.output).toMatch(/nx-dockerize: registered the plugin in nx\.json/);
    expect(add.output).toMatch(/Next: `nx g nx-dockerize:dockerize <project>`/);
    expect(JSON.parse(readFileSync(join(workspace, 'nx.json'), 'utf-8')).plugins).toContain('nx-dockerize');
  });

  it('every dockerized project gets a docker-build target with a description and help', async () => {
    const show = await runNx(workspace, ['show', 'project', 'orders', '--json']);
    expect(show.exitCode, show.output).toBe(0);
    const project = JSON.parse(show.output.slice(show.output.indexOf('{')));
    expect(project.targets['docker-build']).toMatchObject({
      executor: 'nx-dockerize:docker-build',
      cache: false,
      metadata: {
        description: expect.stringMatching(/docker buildx bake/),
        help: {
          command: 'npx nx run orders:docker-build --help',
          example: { options: expect.objectContaining({ push: true }) },
        },
      },
    });
    // The help command Nx's project view runs prints the executor's options.
    const help = await runNx(workspace, ['run', 'orders:docker-build', '--help']);
    expect(help.exitCode, help.output).toBe(0);
    expect(help.output).toMatch(/nx-dockerize:docker-build/);
    expect(help.output).toMatch(/--registry/);
  });

  it('builds several services in one bake and pushes each image and its cache', async () => {
    const run = await runNx(workspace, ['run-many', '-t', 'docker-build', `--projects=${NODE_SERVICES}`]);
    expect(run.exitCode, run.output.slice(-4000)).toBe(0);
    expect(bakeCount(run.output)).toBe(1);
    expect(run.output).toMatch(/2 image\(s\) built, 0 failed/);
    expect(tags('orders')).toContain(shortSha());
    expect(tags('examples-inventory')).toContain(shortSha());
    // The cache is a tag beside the image (one repository per image), and the export went through.
    expect(tags('orders')).toContain('buildcache-main');
    expect(run.output).not.toMatch(/cache export to .* failed/);
  });

  it('after a change to a library only orders uses, builds exactly orders', async () => {
    appendFileSync(join(workspace, 'libs/money/src/index.ts'), '\nexport const DEFAULT_CURRENCY = "EUR";\n');
    commitAll(workspace, 'money: default currency');
    expect(await showAffected(workspace)).toEqual(['orders']);
    const run = await runNx(workspace, ['affected', '-t', 'docker-build', '--base=HEAD~1', '--head=HEAD']);
    expect(run.exitCode, run.output.slice(-4000)).toBe(0);
    expect(run.output).toMatch(/1 image\(s\) built, 0 failed/);
    expect(run.output).not.toMatch(/@examples\/inventory\s+\S+\s+sha256/);
    expect(tags('orders')).toContain(shortSha());
    expect(tags('examples-inventory')).not.toContain(shortSha());
  });

  // Registered for the newest major only (not skipped for the others: CI runs no skipped test).
  if (nx === NEWEST_SELECTED)
    it("on a fresh runner (newest major only: it empties BuildKit's cache), an unchanged service installs nothing: its dependency steps come from the registry cache", async () => {
      resetToFreshRunner();
      const run = await runNx(workspace, ['run', '@examples/inventory:docker-build']);
      expect(run.exitCode, run.output.slice(-4000)).toBe(0);
      const installs = stepStates(run.output, /npm ci/);
      expect(installs.length).toBeGreaterThan(0);
      expect(
        installs.every((state) => state === 'CACHED'),
        installs.join(', '),
      ).toBe(true);
    });

  it('a broken service fails alone: the others still build and push, the exit status says so', async () => {
    appendFileSync(join(workspace, 'apps/inventory/src/main.ts'), '\nthis is not typescript (\n');
    appendFileSync(join(workspace, 'apps/orders/src/main.ts'), '\n// still fine\n');
    commitAll(workspace, 'break inventory');
    const run = await runNx(workspace, ['run-many', '-t', 'docker-build', `--projects=${NODE_SERVICES}`]);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toMatch(/1 image\(s\) built, 1 failed/);
    expect(run.output).toMatch(/@examples\/inventory\s+FAILED/);
    expect(tags('orders')).toContain(shortSha());
    expect(tags('examples-inventory')).not.toContain(shortSha());
  });

  it('nx sync:check catches a new library dependency and nx sync brings it into the Dockerfile', async () => {
    const source = join(workspace, 'apps/inventory/src/main.ts');
    writeFileSync(
      source,
      `import { formatCents } from '@examples/money';\nconsole.log(formatCents(1));\n${readFileSync(source, 'utf-8').replace('\nthis is not typescript (\n', '\n')}`,
    );
    const check = await runNx(workspace, ['sync:check']);
    expect(check.exitCode, check.output).not.toBe(0);
    const sync = await runNx(workspace, ['sync']);
    expect(sync.exitCode, sync.output).toBe(0);
    expect(readFileSync(join(workspace, 'apps/inventory/Dockerfile'), 'utf-8')).toContain(
      'COPY libs/money/ libs/money/',
    );
    expect((await runNx(workspace, ['sync:check'])).exitCode).toBe(0);
  });

  it('a Go library a service reaches through a go.mod replace: editing it makes that service affected, and only it (graph edge from createDependencies)', async () => {
    commitAll(workspace, 'earlier steps');
    const lib = join(workspace, 'libs/fx-go');
    mkdirSync(lib, { recursive: true });
    writeFileSync(join(lib, 'go.mod'), 'module github.com/nx-dockerize/examples/fx\n\ngo 1.26\n');
    writeFileSync(join(lib, 'fx.go'), 'package fx\n\n// Rate is the EUR rate.\nfunc Rate() float64 { return 1.1 }\n');
    writeFileSync(join(lib, 'project.json'), JSON.stringify({ name: 'fx-go', projectType: 'library' }));
    appendFileSync(
      join(workspace, 'apps/catalog-go/go.mod'),
      '\nrequire github.com/nx-dockerize/examples/fx v0.0.0\n\nreplace github.com/nx-dockerize/examples/fx => ../../libs/fx-go\n',
    );
    commitAll(workspace, 'catalog-go uses libs/fx-go');
    appendFileSync(join(lib, 'fx.go'), '\n// edited\n');
    commitAll(workspace, 'fx: edit');
    expect(await showAffected(workspace)).toEqual(['catalog-go']);
  });
});
