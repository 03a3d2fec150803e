/**
 * The ways to build one workload's `api`, each in its own git copy of bench/workloads/<id>/ (so
 * edits and dependency changes stay apart): ours (generated into the copy by our generator, one
 * bake) and the competitor files of bench/competitors/workloads/<id>/ (after adaptForLab).
 *
 * Shape: `WorkloadVariant { id, base, workspace, build(opts) → BuildRun, edit(), siblingDependency(), loadedTag(tag) }`.
 * `build` takes the buildx builder (the lab's or a fresh runner's), an output (default cacheonly),
 * cache-to/cache-from registry refs, or `load` + `tag` for the size. Throws when a copy or the
 * generation fails (the message names the workload and the step).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { generateServiceSync } from '../e2e/lib/fixture-bake';
import type { FixtureService } from '../e2e/fixtures/table';
import { adaptForLab, COMPETITORS } from './competitors';
import { bake, buildxBuild, REPO, timed, type BuildRun } from './lib';
import type { CompetitorFile, WorkloadSpec } from './workloads';

export interface BuildOptions {
  builder?: string;
  output?: string;
  cacheTo?: string;
  cacheFrom?: string;
  load?: boolean;
  tag?: string;
  /** Push the image to this lab-registry name (what CI does; every workload build but the size's --load). */
  push?: string;
}

export interface WorkloadVariant {
  id: string;
  base: string;
  /** The image at the root of ours' `build` stage (its FROM chain followed back): what the extraction floor pulls. */
  buildImage?: string;
  workspace: string;
  build(opts?: BuildOptions): Promise<BuildRun>;
  /** Appends a one-line comment to the edit target; returns the undo (the file as it was). */
  edit(): () => void;
  siblingDependency(): void;
  loadedTag(tag: string): string;
}

const SKIPPED = new Set(['node_modules', 'dist', '.nx', '.git', 'target', '.venv']);

/** A git-initialised copy of bench/workloads/<id> (Nx needs a repository for the project graph). */
export function copyWorkload(id: string): string {
  const dir = mkdtempSync(join(tmpdir(), `nx-dockerize-bench-${id}-`));
  cpSync(join(REPO, 'bench/workloads', id), dir, { recursive: true, filter: (src) => !SKIPPED.has(basename(src)) });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', 'workload');
  return dir;
}

/** The executor's ref form (executors/docker-build/lib/cache-ref.ts): a tag beside the image, one repository per image. */
export const cacheRef = (workload: string, variant: string, stamp: string) =>
  `localhost:5000/bench-${workload}-${variant.replace(/\W+/g, '-')}:buildcache-bench-${stamp.toLowerCase()}`;
export const cacheToAttr = (ref: string) => `type=registry,ref=${ref},mode=max,image-manifest=true,oci-mediatypes=true`;

/** Extra buildx flags for cache-to / cache-from, for `bake --set` (target) or `build` (flag). */
function cacheFlags(opts: BuildOptions, bakeTarget?: string): string[] {
  const out: string[] = [];
  const flag = (name: string, value: string) =>
    bakeTarget ? out.push('--set', `${bakeTarget}.${name}=${value}`) : out.push(`--${name}`, value);
  if (opts.cacheTo) flag('cache-to', cacheToAttr(opts.cacheTo));
  if (opts.cacheFrom) flag('cache-from', `type=registry,ref=${opts.cacheFrom}`);
  return out;
}

function appendEdit(ws: string, spec: WorkloadSpec): () => void {
  const file = join(ws, spec.source);
  const before = readFileSync(file, 'utf-8');
  appendFileSync(file, `\n${spec.marker} bench edit ${Date.now()}-${Math.random().toString(36).slice(2)}\n`);
  return () => writeFileSync(file, before);
}

/** Every `FROM [--flag...] <image or stage> [AS name]` line of a Dockerfile, in order. */
function parseFroms(dockerfile: string): { from: string; name?: string }[] {
  return [...dockerfile.matchAll(/^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => ({
    from: m[1],
    name: m[2]?.toLowerCase(),
  }));
}

/** The image a stage's FROM chain starts from, if the stage exists. */
export function rootImage(froms: { from: string; name?: string }[], stage: string): string | undefined {
  const parents = new Map(froms.filter((f) => f.name).map((f) => [f.name!, f.from]));
  let from = parents.get(stage);
  for (let hops = 0; from && parents.has(from.toLowerCase()) && hops < 50; hops++)
    from = parents.get(from.toLowerCase());
  return from;
}

function ours(spec: WorkloadSpec): WorkloadVariant {
  const ws = copyWorkload(spec.id);
  const output = generateServiceSync(ws, { project: 'api', options: {} } as unknown as FixtureService);
  const dockerfile = /nx-dockerize-fixture dockerfile=(.*)$/m.exec(output)?.[1]?.trim();
  if (!dockerfile) throw new Error(`${spec.id}: the generator named no Dockerfile for api in ${ws}`);
  const froms = parseFroms(readFileSync(join(ws, dockerfile), 'utf-8'));
  const target = 'api';
  const tagPrefix = `bench-ours-${spec.id}`;
  return {
    id: 'ours',
    workspace: ws,
    base: froms[froms.length - 1].from.replace(/^gcr\.io\//, 'localhost:5000/gcr/'),
    buildImage: rootImage(froms, 'build') ?? froms[0].from,
    build: (o = {}) =>
      bake({
        cwd: ws,
        targets: [target],
        load: o.load,
        tagPrefix,
        builder: o.builder,
        output: o.push ? 'type=image,push=true' : o.output,
        extra: [...(o.push && !o.load ? ['--set', `${target}.tags=${o.push}`] : []), ...cacheFlags(o, target)],
      }),
    edit: () => appendEdit(ws, spec),
    siblingDependency: () => spec.siblingDependency(ws),
    loadedTag: () => `${tagPrefix}-${target}:latest`,
  };
}

function competitor(spec: WorkloadSpec, c: CompetitorFile, files: string): WorkloadVariant {
  const ws = copyWorkload(spec.id);
  const file = join(files, `${spec.id}-${c.file}`);
  writeFileSync(file, adaptForLab(readFileSync(join(COMPETITORS, 'workloads', spec.id, c.file), 'utf-8')));
  const hostBuild = c.id === 'nx-docker' ? nxDockerHostBuild(ws) : undefined;
  return {
    id: c.id,
    workspace: ws,
    base: c.base,
    build: async (o = {}) => {
      const host = hostBuild ? await hostBuild() : { seconds: 0 };
      const image = await buildxBuild({
        cwd: ws,
        context: c.context,
        file,
        load: o.load,
        tag: o.tag,
        output: o.push ? `type=image,name=${o.push},push=true` : o.output,
        builder: o.builder,
        extra: cacheFlags(o),
      });
      return { ...image, seconds: image.seconds + host.seconds };
    },
    edit: () => appendEdit(ws, spec),
    siblingDependency: () => spec.siblingDependency(ws),
    loadedTag: (tag) => tag,
  };
}

/** Seconds of the host `npm install` each nx-docker copy needed (timed apart, not in its figures). */
export const hostInstallSeconds: number[] = [];

/**
 * @nx/docker's docker:build dependsOn build: `nx run api:build --skip-nx-cache` on the host (as a
 * fresh runner without Nx's task cache), its output copied to apps/api/dist (setup-docker's `COPY dist .`).
 * The host install it needs runs once here (`npm install`, not `npm ci`: the host npm 11 refuses this lockfile in `npm ci` over optional platform packages of sass-embedded, which @nx/webpack pulls in, while the image npm 10 accepts it).
 */
function nxDockerHostBuild(ws: string): () => Promise<{ seconds: number }> {
  const start = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: ws, stdio: 'pipe' });
  hostInstallSeconds.push((Date.now() - start) / 1000);
  return async () => {
    const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true' };
    const host = await timed(join(ws, 'node_modules/.bin/nx'), ['run', 'api:build', '--skip-nx-cache'], ws, env);
    if (host.exitCode !== 0) throw new Error(`node host build (nx run api:build): ${host.output.slice(-400)}`);
    rmSync(join(ws, 'apps/api/dist'), { recursive: true, force: true });
    cpSync(join(ws, 'dist/apps/api'), join(ws, 'apps/api/dist'), { recursive: true });
    return host;
  };
}

export function makeWorkloadVariants(spec: WorkloadSpec): WorkloadVariant[] {
  const files = mkdtempSync(join(tmpdir(), `bench-${spec.id}-files-`));
  return [ours(spec), ...spec.competitors.map((c) => competitor(spec, c, files))];
}
