import { existsSync, readFileSync, appendFileSync, writeFileSync } from 'node:fs';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readDockerEnv } from './lib/docker-env';
import { startAll, started } from './lib/fixture-containers';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didRun } from '../executors/docker-build/lib/parse-build-progress';
import {
  FIXTURES_DIR,
  TOKEN_CANARY,
  editSource,
  prepareFixtures,
  selectFixtures,
  type FixtureBuild,
} from './lib/fixture-bake';
import { runBake, runDocker, type BakeRun } from './lib/run-bake';
import { FIXTURES, type FixtureService } from './fixtures/table';
import {
  ALL_HITS_CACHE_TAG,
  bakeImporting,
  bakeOnFreshRunner,
  cacheToFlags,
  exportAllHits,
  labRegistry,
  onFreshRunner,
} from './lib/extra-runner';
import {
  cacheExportTimes,
  expectCachedWhileEditRebuilt,
  expectNoStepRan,
  outcomes,
  secondsSince,
  stepsOf,
} from './lib/bake-steps';

/**
 * Real workspaces in the shapes users have (e2e/fixtures/table.ts): each service is generated,
 * ALL are built in one `docker buildx bake --load` (one solve, shared base stages), started with
 * testcontainers, probed on a route that uses a third-party package and a workspace library,
 * checked for a non-root user and (where declared) a healthy HEALTHCHECK; then every source is
 * edited and one cache-only re-bake proves each dependency install stayed cached.
 */
const execFileAsync = promisify(execFile);
const fixtures = selectFixtures(FIXTURES);
let builds: FixtureBuild[] = [];
let bakeFile = '';
let firstBake: BakeRun;
/** The lab's registry: the builds with a `freshRunner` pattern export their cache there in the first bake. */
const registry = labRegistry();
const warmed = () => builds.filter((build) => build.service.freshRunner);

/** The build of one fixture service. */
const buildOf = (fixture: string, service: FixtureService) =>
  builds.find((candidate) => candidate.fixture.name === fixture && candidate.service === service)!;

describe('fixture table', () => {
  it('names a committed workspace with a lockfile for every fixture', () => {
    for (const fixture of FIXTURES) {
      const dir = join(FIXTURES_DIR, fixture.name);
      expect(existsSync(join(dir, 'nx.json')), `${dir}/nx.json`).toBe(true);
      expect(fixture.services.length, fixture.name).toBeGreaterThan(0);
    }
  });
});

describe.runIf(fixtures.length > 0)('fixture workspaces', () => {
  beforeAll(async () => {
    ({ builds, bakeFile } = await prepareFixtures(fixtures));
    const cacheTo = registry ? cacheToFlags(registry, warmed()) : [];
    firstBake = await runBake('.', [
      '--file',
      bakeFile,
      '--load',
      ...cacheTo,
      ...builds.map((build) => build.bakeTarget),
    ]);
    for (const { name, seconds } of cacheExportTimes(firstBake.output))
      console.info(`first bake: ${name}: ${seconds} s`);
    // Start every image a few at a time: a HEALTHCHECK's first probe comes one interval (30 s)
    // after start, so waiting for each in turn would cost that interval per service.
    if (firstBake.exitCode === 0) startAll(builds, 4);
  });

  afterAll(async () => {
    await Promise.all(
      [...started.values()].map((container) => container.then((running) => running.stop()).catch(() => undefined)),
    );
  });

  it('builds every service in one bake', () => {
    expect(firstBake.exitCode, firstBake.output.slice(-6000)).toBe(0);
  });

  it('no image holds the registry-token canary (layers, config, history)', async () => {
    expect(firstBake.exitCode, 'the bake failed: see "builds every service in one bake"').toBe(0);
    for (const { image } of builds) {
      // `docker save` writes every layer uncompressed plus the image config (with its history).
      // Asynchronous, so the worker's event loop stays free (see generateService).
      const { stdout } = await execFileAsync(
        'sh',
        ['-c', `docker save "$1" | grep -a -c "$2" || true`, 'sh', image, TOKEN_CANARY],
        { env: readDockerEnv(), maxBuffer: 1 << 20 },
      );
      expect(stdout.trim(), `${image} holds the canary token`).toBe('0');
    }
  });

  describe.each(fixtures.flatMap((fixture) => fixture.services.map((service) => ({ fixture: fixture.name, service }))))(
    '$fixture: $service.project',
    ({ fixture, service }) => {
      it('starts, answers its real route, runs as non-root', async () => {
        expect(firstBake.exitCode, 'the bake failed: see "builds every service in one bake"').toBe(0);
        const build = buildOf(fixture, service);
        const container = await started.get(build)!;
        const response = await fetch(
          `http://${container.getHost()}:${container.getMappedPort(service.port)}${service.route}`,
        );
        const body = await response.text();
        expect(response.status, body).toBe(200);
        if (service.body) expect(body).toMatch(service.body);
        const pid = (await runDocker('.', ['inspect', '--format', '{{.State.Pid}}', container.getId()])).output.trim();
        const [, realUid] = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf-8')) ?? [];
        expect(Number(realUid)).toBeGreaterThan(0);
        if (service.healthy) {
          const health = await runDocker('.', ['inspect', '--format', '{{.State.Health.Status}}', container.getId()]);
          expect(health.output.trim()).toBe('healthy');
        }
      });
    },
  );

  describe('after a source edit in every service, one cache-only re-bake', () => {
    let rebake: BakeRun;
    beforeAll(async () => {
      for (const { workspace, service } of builds)
        editSource(
          join(workspace, service.source),
          `${service.comment ?? '//'} edited by e2e ${Date.now()}`,
          service.editAt,
        );
      rebake = await runBake('.', [
        '--file',
        bakeFile,
        '--set',
        '*.output=type=cacheonly',
        ...builds.map((build) => build.bakeTarget),
      ]);
    });

    it.each(fixtures.flatMap((fixture) => fixture.services.map((service) => ({ fixture: fixture.name, service }))))(
      '$fixture: $service.project keeps its dependency install cached and re-runs its source steps',
      ({ fixture, service }) => {
        expect(rebake.exitCode, rebake.output.slice(-6000)).toBe(0);
        expectCachedWhileEditRebuilt(rebake, buildOf(fixture, service).bakeTarget, builds.length, service.installStep);
        for (const pattern of service.afterEdit?.cached ?? [])
          expectCachedWhileEditRebuilt(rebake, buildOf(fixture, service).bakeTarget, builds.length, pattern);
        const steps = stepsOf(rebake.vertexes, buildOf(fixture, service).bakeTarget, builds.length);
        for (const pattern of service.afterEdit?.rebuilt ?? [])
          expect(
            steps.filter((step) => pattern.test(step.name) && didRun(step)).length,
            `${pattern} must run again: ${outcomes(steps)}`,
          ).toBeGreaterThan(0);
      },
    );
  });

  const changing = fixtures.filter((fixture) => fixture.otherProject);
  describe.runIf(changing.length > 0)("after another project's new dependency, one cache-only re-bake", () => {
    let rebake: BakeRun;
    const relocked = new Map<string, string[]>();
    const changed = () => builds.filter((build) => build.fixture.otherProject);
    beforeAll(async () => {
      for (const fixture of changing) {
        const workspace = builds.find((build) => build.fixture === fixture)!.workspace;
        const { manifest, add, relock } = fixture.otherProject!;
        const path = join(workspace, manifest);
        const json = JSON.parse(readFileSync(path, 'utf-8')) as { dependencies?: Record<string, string> };
        json.dependencies = { ...json.dependencies, ...add };
        writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
        execFileSync(relock[0], relock.slice(1), { cwd: workspace, stdio: 'pipe' });
        // The copy is a git repository: which committed files did the change touch?
        relocked.set(
          fixture.name,
          execFileSync('git', ['diff', '--name-only'], { cwd: workspace, encoding: 'utf-8' })
            .split('\n')
            .filter(Boolean),
        );
      }
      // Every target, as the other re-bakes: stepsOf reads the target prefix bake adds only with several targets.
      rebake = await runBake('.', [
        '--file',
        bakeFile,
        '--set',
        '*.output=type=cacheonly',
        ...builds.map((build) => build.bakeTarget),
      ]);
    });

    it.each(changing.flatMap((fixture) => fixture.services.map((service) => ({ fixture: fixture.name, service }))))(
      '$fixture: $service.project re-runs none of its installs (only its lockfile pruning may run)',
      ({ fixture, service }) => {
        expect(rebake.exitCode, rebake.output.slice(-6000)).toBe(0);
        const build = changed().find(
          (candidate) => candidate.fixture.name === fixture && candidate.service === service,
        )!;
        const steps = stepsOf(rebake.vertexes, build.bakeTarget, builds.length);
        const installs = steps.filter((step) => service.installStep.test(step.name));
        expect(installs.length, outcomes(steps)).toBeGreaterThan(0);
        expect(
          installs.filter(didRun).map((step) => step.name),
          outcomes(steps),
        ).toEqual([]);
        // The root lockfile really changed, so the change reached the build context...
        expect(relocked.get(fixture)).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^(pnpm-lock\.yaml|yarn\.lock|bun\.lock|package-lock\.json)$/),
          ]),
        );
        // ...and the pruning step read it. It runs on a cold cache; a BuildKit that has already seen
        // these exact lockfile bytes (an earlier run of this suite) may answer it from the cache.
        const prune = steps.filter((step) => build.fixture.otherProject!.pruneStep.test(step.name));
        expect(prune.length, outcomes(steps)).toBeGreaterThan(0);
      },
    );
  });

  const withSiblings = fixtures.flatMap((fixture) =>
    fixture.services.filter((service) => service.siblings).map((service) => ({ fixture: fixture.name, service })),
  );
  describe.runIf(withSiblings.length > 0)('after an edit in sibling projects only, one more cache-only re-bake', () => {
    let siblingBake: BakeRun;
    beforeAll(async () => {
      for (const { workspace, service } of builds)
        for (const file of service.siblings ?? [])
          appendFileSync(join(workspace, file), `\n// sibling edited by e2e ${Date.now()}\n`);
      siblingBake = await runBake('.', [
        '--file',
        bakeFile,
        '--set',
        '*.output=type=cacheonly',
        ...builds.map((build) => build.bakeTarget),
      ]);
    });

    it.each(withSiblings)('$fixture: $service.project re-runs none of its steps', ({ fixture, service }) => {
      expect(siblingBake.exitCode, siblingBake.output.slice(-6000)).toBe(0);
      const build = buildOf(fixture, service);
      const steps = stepsOf(siblingBake.vertexes, build.bakeTarget, builds.length);
      expect(steps.length, outcomes(steps)).toBeGreaterThan(0);
      expect(
        steps.filter(didRun).map((step) => step.name),
        outcomes(steps),
      ).toEqual([]);
    });
  });

  const fresh = fixtures.flatMap((fixture) =>
    fixture.services.filter((service) => service.freshRunner).map((service) => ({ fixture: fixture.name, service })),
  );
  /** The all-hits export bake, on the edit flow's runner after its bake (see the second describe below). */
  let exportBake: BakeRun | undefined;
  describe.runIf(registry && fresh.length > 0)(
    'on a fresh runner that imports the registry cache, after the edits',
    () => {
      let freshBake: BakeRun;
      beforeAll(async () => {
        await onFreshRunner(`e2e-${process.pid}`, async (builder) => {
          let start = Date.now();
          // Images pushed, as CI does: the LINK COPY merges are made here, so the export bake is all hits.
          freshBake = await bakeImporting(builder, registry!, bakeFile, warmed(), { pushTag: 'edit-image' });
          console.info(`fresh runner after the edits (${warmed().length} targets): ${secondsSince(start)} s`);
          // The same runner, now warm, bakes again (every step a local hit) and re-exports: CI's
          // other flow, whose cache the next describe imports on another new runner.
          start = Date.now();
          exportBake = await exportAllHits(builder, registry!, bakeFile, warmed());
          console.info(`all-hits export on it (image push + cache-to): ${secondsSince(start)} s`);
        });
      }, 1_200_000);

      it.each(fresh)('$fixture: $service.project re-runs no dependency download or compile', ({ fixture, service }) => {
        expect(freshBake.exitCode, freshBake.output.slice(-6000)).toBe(0);
        // Dependency steps cached, the edited source built again: the cache was imported, not the whole result.
        const target = buildOf(fixture, service).bakeTarget;
        expectCachedWhileEditRebuilt(freshBake, target, warmed().length, service.freshRunner!, true);
      });
    },
  );

  // CI's other flow: a bake whose steps were all local cache hits (a warm runner, or a fresh runner
  // that built nothing) exports the cache, and the next fresh runner must take every step from it.
  // Here every runtime COPY --link from a build stage re-ran its merge (LINK COPY) and fetched and
  // extracted that stage, though the edit flow above stayed cached (docs/go-and-rust.md).
  describe.runIf(registry && fresh.length > 0)(
    'on a fresh runner that imports a cache re-exported by a bake of all local cache hits, no edit',
    () => {
      let allHitsBake: BakeRun | undefined;
      beforeAll(async () => {
        if (exportBake?.exitCode !== 0) return;
        const start = Date.now();
        allHitsBake = await bakeOnFreshRunner(registry!, bakeFile, warmed(), ALL_HITS_CACHE_TAG);
        console.info(`fresh runner from the all-hits cache: ${secondsSince(start)} s`);
      }, 1_200_000);

      it.each(fresh)(
        '$fixture: $service.project: the export ran no step, the fresh runner re-runs none',
        ({ fixture, service }) => {
          const target = buildOf(fixture, service).bakeTarget;
          expect(exportBake?.exitCode, exportBake?.output.slice(-6000)).toBe(0);
          // A step that ran in the export bake would make it another flow than the one under test.
          expectNoStepRan(exportBake!, target, warmed().length, 'the export bake (must be all local cache hits)');
          expect(allHitsBake?.exitCode, allHitsBake?.output.slice(-6000)).toBe(0);
          expectNoStepRan(allHitsBake!, target, warmed().length, 'the fresh runner importing the all-hits cache');
        },
      );
    },
  );
});
