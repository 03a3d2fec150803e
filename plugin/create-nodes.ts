import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createNodesFromFiles,
  detectPackageManager,
  type CreateNodesResult,
  type TargetConfiguration,
} from '@nx/devkit';
import { readGeneratedState } from './generated-marker';
import type { CreateNodesTuple } from './nx-compat';

export interface DockerizePluginOptions {
  targetName?: string;
}

/**
 * Infers a `docker-build` target for every project whose Dockerfile nx-dockerize wrote.
 * Hand-written Dockerfiles are left to other plugins (e.g. @nx/docker's `docker:build`),
 * so the two coexist without fighting over the same file.
 */
export const createNodes: CreateNodesTuple<DockerizePluginOptions> = [
  '**/Dockerfile',
  (files, options, context) => {
    // Once per call, not per file: the package manager's exec prefix for the help command.
    const exec = EXEC[detectPackageManager(context.workspaceRoot)] ?? 'npx';
    return createNodesFromFiles(
      (file) => inferDockerBuild(context.workspaceRoot, file, options ?? {}, exec),
      files,
      options ?? {},
      context,
    );
  },
];

/**
 * How each package manager runs a local binary (Nx's getPackageManagerCommand().exec for these,
 * without the version probe it spawns for yarn and pnpm on every graph computation).
 */
const EXEC: Record<string, string> = { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn', bun: 'bunx' };

/** The same tuple under the name Nx 22 looks for first (see nx-compat.ts). */
export const createNodesV2 = createNodes;

function inferDockerBuild(
  workspaceRoot: string,
  file: string,
  options: DockerizePluginOptions,
  exec: string,
): CreateNodesResult {
  const projectRoot = dirname(file);
  const manifests = ['project.json', 'package.json'].filter((f) => existsSync(join(workspaceRoot, projectRoot, f)));
  const text = readFileSync(join(workspaceRoot, file), 'utf-8');
  if (!manifests.length || readGeneratedState(text) === 'foreign') return {};
  const targetName = options.targetName ?? 'docker-build';
  const project = readProjectName(workspaceRoot, projectRoot, manifests);
  const outside = readOutsideInputs(workspaceRoot, projectRoot);
  return {
    projects: {
      [projectRoot]: { targets: { [targetName]: toDockerBuildTarget({ exec, project, targetName }, outside) } },
    },
  };
}

/**
 * What the image reads outside its project root, as docker-build inputs: the `!path` entries of
 * the generated `Dockerfile.dockerignore` allow-list beside the Dockerfile (plan/allow-list.ts), so
 * they cannot drift from what the Dockerfile copies (root lockfiles and workspace manifests such as
 * go.work, Cargo.lock, uv.lock, the parent pom, package-lock.json; sibling modules' manifests;
 * library directories). A directory becomes `{workspaceRoot}/<dir>/**\/*`. Entries under the
 * project root are already in `default`. No allow-list (or a root project): none.
 */
export function readOutsideInputs(workspaceRoot: string, projectRoot: string): string[] {
  const file = join(workspaceRoot, projectRoot, 'Dockerfile.dockerignore');
  if (projectRoot === '.' || !existsSync(file)) return [];
  const inside = (path: string) => path === projectRoot || path.startsWith(`${projectRoot}/`);
  return readFileSync(file, 'utf-8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!') && !/[*?[]/.test(line))
    .map((line) => line.slice(1).replace(/^\/+|\/+$/g, ''))
    .filter((path) => path !== '' && !inside(path))
    .map((path) =>
      statSync(join(workspaceRoot, path), { throwIfNoEntry: false })?.isDirectory()
        ? `{workspaceRoot}/${path}/**/*`
        : `{workspaceRoot}/${path}`,
    );
}

/**
 * The project's name as Nx names it: project.json `name`, else package.json `nx.name`, else
 * package.json `name`, else the folder name. Only used in the help command.
 */
export function readProjectName(workspaceRoot: string, projectRoot: string, manifests: string[]): string {
  for (const manifest of manifests) {
    try {
      const json = JSON.parse(readFileSync(join(workspaceRoot, projectRoot, manifest), 'utf-8'));
      const name = manifest === 'project.json' ? json.name : (json.nx?.name ?? json.name);
      if (typeof name === 'string' && name) return name;
    } catch {
      // unreadable manifest: another plugin reports it; fall through to the folder name
    }
  }
  return projectRoot === '.' ? '.' : projectRoot.split('/').pop()!;
}

export interface HelpFacts {
  /** the package manager's exec prefix (`npx`, `pnpm exec`, `yarn`, `bunx`) */
  exec: string;
  project: string;
  targetName: string;
}

/**
 * Nx caching stays off: Nx restores files, not images, so a cache hit would skip a build
 * whose image was never pushed or loaded on this machine (see docs/options.md).
 * `metadata.description` and `metadata.help` are what `nx show project` and the project
 * details view show (the shape Nx's own plugins use: TargetMetadata in nx's
 * workspace-json-project-json.d.ts, same in 22, 23 and 24); `nx run <p>:<t> --help` prints
 * the executor's options from executors/docker-build/schema.json.
 */
export function toDockerBuildTarget(
  help: HelpFacts = { exec: 'npx', project: '<project>', targetName: 'docker-build' },
  outside: string[] = [],
): TargetConfiguration {
  return {
    executor: 'nx-dockerize:docker-build',
    options: { bakeFile: 'docker-bake.json' },
    cache: false,
    // `nx sync` regenerates drifted Dockerfiles; `nx sync:check` fails CI on drift.
    syncGenerators: ['nx-dockerize:sync'],
    // Files outside the project that the Dockerfile copies (readOutsideInputs): a lockfile bump
    // or a sibling module's manifest edit then makes the service affected too.
    inputs: ['default', '^default', '{workspaceRoot}/docker-bake.json', ...outside],
    metadata: {
      description: 'Build the image with docker buildx bake (one bake for every affected project in batch mode).',
      technologies: ['docker'],
      help: {
        command: `${help.exec} nx run ${help.project}:${help.targetName} --help`,
        example: { options: { registry: 'ghcr.io/acme', push: true, tags: ['{shortSha}', '{branch}'] } },
      },
    },
  };
}
