/**
 * The NestJS comparison (scenario `nest`, issue #11): e2e/fixtures/nest-nx's api — a NestJS app
 * as Nx's Nest generator writes it (run-commands `webpack-cli build` with NxAppWebpackPlugin,
 * third-party packages external, a workspace lib by tsconfig path) — built three ways, each in
 * its own git copy of the fixture so edits stay apart:
 *
 * - ours: the Dockerfile + docker-bake.json nx-dockerize generates for it (default options), one bake;
 * - nx-docker: bench/competitors/nx-docker/api-nest/Dockerfile (what `@nx/node:setup-docker`
 *   writes), built as @nx/docker's `docker:build` does (project root as context) after the host
 *   build its `dependsOn: [build]` runs: `nx run api:build --skip-nx-cache` (through Nx, because
 *   NxAppWebpackPlugin reads Nx's project graph; without Nx's task cache, as on a fresh runner),
 *   its output (main.js + the package.json and lockfile generatePackageJson writes) copied to
 *   apps/api/dist. The host install that build needs is run once, before the builds, and timed
 *   apart (`hostInstallSeconds`), not added to the builds, like the Node comparison's;
 * - naive: bench/competitors/naive/api-nest.Dockerfile (`COPY . .`, `npm ci`, `nx build`).
 *
 * Shape: `NestVariant[]`, each `{ id, base, build({ load?, tag? }) → BuildRun, edit(), loadedTag(tag) }`; throws
 * when the fixture cannot be copied or generated (the message names the step).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture, generateService } from '../e2e/lib/fixture-bake';
import { FIXTURES, type FixtureService } from '../e2e/fixtures/table';
import { adaptForLab, COMPETITORS, LAB_NODE } from './competitors';
import { bake, buildxBuild, log, timed, type BuildRun } from './lib';

export const NEST_FIXTURE = 'nest-nx';
export const NEST_SUBJECT = 'api (NestJS, nest-nx)';
/** The source file the warm-edit scenario appends a comment to (the route's controller). */
const SOURCE = 'apps/api/src/app/app.controller.ts';

export interface NestVariant {
  id: 'ours' | 'nx-docker' | 'naive';
  /** The runtime base as dockerd can pull it, for the size breakdown. */
  base: string;
  build(opts?: { load?: boolean; tag?: string }): Promise<BuildRun>;
  edit(): void;
  /** The tag `build({ load: true, tag })` gives the image (bake names ours itself). */
  loadedTag(tag: string): string;
}

const appendComment = (workspace: string) =>
  appendFileSync(join(workspace, SOURCE), `\n// bench edit ${Date.now()}-${Math.random().toString(36).slice(2)}\n`);

function fixtureCopy(): string {
  const fixture = FIXTURES.find((f) => f.name === NEST_FIXTURE);
  if (!fixture) throw new Error(`e2e/fixtures/table.ts has no fixture ${NEST_FIXTURE}`);
  return copyFixture(fixture);
}

/** Ours: generate with default options (slim runtime, the base the competitors run on in the lab). */
function ours(): NestVariant {
  const ws = fixtureCopy();
  const output = generateService(ws, { project: 'api', options: {} } as unknown as FixtureService);
  const dockerfile = /nx-dockerize-fixture dockerfile=(.*)$/m.exec(output)?.[1]?.trim();
  const bakeFile = JSON.parse(readFileSync(join(ws, 'docker-bake.json'), 'utf-8')) as {
    target: Record<string, { dockerfile?: string }>;
  };
  const target = Object.keys(bakeFile.target).find((name) => bakeFile.target[name].dockerfile === dockerfile);
  if (!target) throw new Error(`nest: no bake target for ${dockerfile} in ${ws}/docker-bake.json`);
  const froms = [...readFileSync(join(ws, dockerfile!), 'utf-8').matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
  return {
    id: 'ours',
    base: froms[froms.length - 1].replace(/^gcr\.io\//, 'localhost:5000/gcr/'),
    build: (o) => bake({ cwd: ws, targets: [target], load: o?.load, tagPrefix: 'bench-ours-nest' }),
    edit: () => appendComment(ws),
    loadedTag: () => `bench-ours-nest-${target}:latest`,
  };
}

/**
 * The host install the nx-docker flow needs before its build target can run (timed, reported
 * apart). `npm install`, not `npm ci`: the host's npm 11.19 refuses this lockfile in `npm ci`
 * ("Missing: sass-embedded-… from lock file", optional platform packages of sass-embedded, which
 * @nx/webpack pulls in) while the image's npm 10 accepts it; `npm install` leaves it unchanged.
 */
function hostInstall(ws: string): number {
  const start = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: ws, stdio: 'pipe' });
  return (Date.now() - start) / 1000;
}

function nxDocker(files: string, hostInstallSeconds: number[]): NestVariant {
  const ws = fixtureCopy();
  hostInstallSeconds.push(hostInstall(ws));
  const file = join(files, 'nx-docker-api-nest.Dockerfile');
  writeFileSync(file, adaptForLab(readFileSync(join(COMPETITORS, 'nx-docker/api-nest/Dockerfile'), 'utf-8')));
  return {
    id: 'nx-docker',
    base: LAB_NODE,
    build: async (o) => {
      // What docker:build's dependsOn runs first: api:build through Nx, without its task cache.
      const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true' };
      const host = await timed(join(ws, 'node_modules/.bin/nx'), ['run', 'api:build', '--skip-nx-cache'], ws, env);
      if (host.exitCode !== 0) throw new Error(`nest host build (nx run api:build): ${host.output.slice(-400)}`);
      // setup-docker's `COPY dist .` reads the project root's dist (see the Dockerfile's header).
      rmSync(join(ws, 'apps/api/dist'), { recursive: true, force: true });
      cpSync(join(ws, 'dist/apps/api'), join(ws, 'apps/api/dist'), { recursive: true });
      const image = await buildxBuild({ cwd: ws, context: 'apps/api', file, load: o?.load, tag: o?.tag });
      return { ...image, seconds: image.seconds + host.seconds };
    },
    edit: () => appendComment(ws),
    loadedTag: (tag) => tag,
  };
}

function naive(files: string): NestVariant {
  const ws = fixtureCopy();
  const file = join(files, 'naive-api-nest.Dockerfile');
  writeFileSync(file, adaptForLab(readFileSync(join(COMPETITORS, 'naive/api-nest.Dockerfile'), 'utf-8')));
  return {
    id: 'naive',
    base: LAB_NODE,
    build: (o) => buildxBuild({ cwd: ws, context: '.', file, load: o?.load, tag: o?.tag }),
    edit: () => appendComment(ws),
    loadedTag: (tag) => tag,
  };
}

export function makeNestVariants(hostInstallSeconds: number[]): NestVariant[] {
  log('nest: copying e2e/fixtures/nest-nx three times, generating ours, host npm install for nx-docker');
  const files = mkdtempSync(join(tmpdir(), 'bench-nest-'));
  return [ours(), nxDocker(files, hostInstallSeconds), naive(files)];
}
