import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { BakeFile } from '../../plugin/types';
import type { Fixture, FixtureService } from '../fixtures/table';

export const FIXTURES_DIR = resolve(__dirname, '../fixtures');
const REPO_ROOT = resolve(__dirname, '../..');
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
/**
 * A registry-token canary: every fixture build gets it as the optional `npm-token` secret (env
 * NPM_TOKEN in each install; npm-ts-lib's .npmrc reads it); the suite then checks that no layer,
 * config or history of any image holds it. Read by bake from this env var of the bake process.
 */
export const TOKEN_CANARY_ENV = 'NX_DOCKERIZE_E2E_NPM_TOKEN';
export const TOKEN_CANARY = `nxdockerize-canary-${process.pid}-${Date.now()}`;
process.env[TOKEN_CANARY_ENV] = TOKEN_CANARY;
const SKIPPED = new Set(['node_modules', 'dist', '.nx', '.git', 'target', '.venv', '.next']);

/** A service of a fixture, with where its copy lives and the names the combined bake gives it. */
export interface FixtureBuild {
  fixture: Fixture;
  service: FixtureService;
  workspace: string;
  /** The target's name in the combined bake file: `<fixture>__<generated target>`. */
  bakeTarget: string;
  image: string;
}

/** A throwaway git repository holding a copy of the fixture (Nx reads git for its file map). */
export function copyFixture(fixture: Fixture): string {
  const dir = mkdtempSync(join(tmpdir(), `nx-dockerize-fixture-${fixture.name}-`));
  cpSync(join(FIXTURES_DIR, fixture.name), dir, { recursive: true, filter: (src) => !SKIPPED.has(basename(src)) });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', 'commit', '-qm', 'fixture');
  for (const argv of fixture.prepare ?? []) execFileSync(argv[0], argv.slice(1), { cwd: dir, stdio: 'pipe' });
  return dir;
}

const execFileAsync = promisify(execFile);
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

/** tsx's argv for generate-fixture.ts: the generator in its own process (Nx fixes its workspace root per process). */
function generatorArgs(workspace: string, service: FixtureService): string[] {
  return [join(__dirname, 'generate-fixture.ts'), workspace, service.project, JSON.stringify(service.options ?? {})];
}

function generationFailed(workspace: string, service: FixtureService, error: unknown): Error {
  const failure = error as { stdout?: string; stderr?: string };
  return new Error(
    `generating ${service.project} in ${workspace} failed:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`,
    {
      cause: error,
    },
  );
}

/**
 * Runs the generator for one service; resolves to its output. Asynchronous: a vitest worker whose
 * event loop is blocked for a minute loses its RPC to the main process ("Timeout calling
 * onTaskUpdate"), and generating every fixture takes longer than that.
 */
export async function generateService(workspace: string, service: FixtureService): Promise<string> {
  try {
    const run = await execFileAsync(TSX, generatorArgs(workspace, service), {
      cwd: workspace,
      encoding: 'utf-8',
      maxBuffer: 16 << 20,
    });
    return run.stdout;
  } catch (error) {
    throw generationFailed(workspace, service, error);
  }
}

/** generateService for callers outside vitest (the bench), where blocking costs nothing. */
export function generateServiceSync(workspace: string, service: FixtureService): string {
  try {
    return execFileSync(TSX, generatorArgs(workspace, service), { cwd: workspace, stdio: 'pipe', encoding: 'utf-8' });
  } catch (error) {
    throw generationFailed(workspace, service, error);
  }
}

/** The generated bake target of a service: the one whose dockerfile the generator reported writing. */
function findGeneratedTarget(bake: BakeFile, workspace: string, generatorOutput: string): string {
  const dockerfile = /nx-dockerize-fixture dockerfile=(.*)$/m.exec(generatorOutput)?.[1]?.trim();
  const names = Object.keys(bake.target).filter(
    (name) => (bake.target[name].dockerfile ?? 'Dockerfile') === dockerfile,
  );
  if (names.length !== 1)
    throw new Error(
      `${workspace}/docker-bake.json: expected one target with dockerfile ${dockerfile}, found ${names.join(', ') || 'none'}`,
    );
  return names[0];
}

/**
 * One bake file for every fixture service: each workspace's generated target with an absolute
 * context, a test tag, and the machine's CA bundle as the optional `ca-certificates` secret
 * (needed behind the lab's TLS-re-signing outbound path, harmless elsewhere).
 */
export function writeCombinedBakeFile(builds: FixtureBuild[], generatedTargets: string[]): string {
  const combined: BakeFile = { group: { default: { targets: builds.map((build) => build.bakeTarget) } }, target: {} };
  builds.forEach((build, index) => {
    const bake = JSON.parse(readFileSync(join(build.workspace, 'docker-bake.json'), 'utf-8')) as BakeFile;
    const generated = bake.target[generatedTargets[index]];
    combined.target[build.bakeTarget] = {
      ...generated,
      context: resolve(build.workspace, generated.context ?? '.'),
      tags: [build.image],
      secret: [
        ...(generated.secret ?? []),
        ...(existsSync(CA_BUNDLE) ? [`id=ca-certificates,src=${CA_BUNDLE}`] : []),
        `id=npm-token,env=${TOKEN_CANARY_ENV}`,
      ],
    };
  });
  const file = join(mkdtempSync(join(tmpdir(), 'nx-dockerize-fixtures-bake-')), 'docker-bake.json');
  writeFileSync(file, `${JSON.stringify(combined, null, 2)}\n`);
  return file;
}

/**
 * The cache proofs' source edit: a comment line `line` appended to `file`, or (`at` = `start`)
 * put before its first line, which shifts every line of the file (FixtureService.editAt).
 */
export function editSource(file: string, line: string, at: 'start' | 'end' = 'end'): void {
  const text = readFileSync(file, 'utf-8');
  writeFileSync(file, at === 'start' ? `${line}\n${text}` : `${text}\n${line}\n`);
}

/** Copies, generates and names every service of the given fixtures (one copy per fixture). */
export async function prepareFixtures(fixtures: Fixture[]): Promise<{ builds: FixtureBuild[]; bakeFile: string }> {
  const builds: FixtureBuild[] = [];
  const generatedTargets: string[] = [];
  for (const fixture of fixtures) {
    const workspace = copyFixture(fixture);
    // One service at a time: the generator writes the workspace's shared docker-bake.json.
    const outputs: string[] = [];
    for (const service of fixture.services) outputs.push(await generateService(workspace, service));
    const bake = JSON.parse(readFileSync(join(workspace, 'docker-bake.json'), 'utf-8')) as BakeFile;
    for (const [index, service] of fixture.services.entries()) {
      const target = findGeneratedTarget(bake, workspace, outputs[index]);
      generatedTargets.push(target);
      const bakeTarget = `${fixture.name}__${target}`.replace(/[^A-Za-z0-9_-]/g, '-');
      builds.push({
        fixture,
        service,
        workspace,
        bakeTarget,
        image: `nx-dockerize-e2e/${bakeTarget.toLowerCase()}:latest`,
      });
    }
  }
  return { builds, bakeFile: writeCombinedBakeFile(builds, generatedTargets) };
}

/** The fixtures named in `$E2E_FIXTURES` (comma-separated), or all; an unknown name is an error. */
export function selectFixtures(all: Fixture[], filter = process.env.E2E_FIXTURES): Fixture[] {
  if (!filter) return all;
  const names = filter
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !all.some((fixture) => fixture.name === name));
  if (unknown.length > 0)
    throw new Error(
      `E2E_FIXTURES names unknown fixtures: ${unknown.join(', ')} (known: ${all.map((f) => f.name).join(', ')})`,
    );
  return all.filter((fixture) => names.includes(fixture.name));
}
