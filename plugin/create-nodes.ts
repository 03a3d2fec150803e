import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNodesFromFiles, type CreateNodes, type CreateNodesResult, type TargetConfiguration } from '@nx/devkit';
import { readGeneratedState } from './generated-marker';

export interface DockerizePluginOptions {
  targetName?: string;
}

/**
 * Infers a `docker-build` target for every project whose Dockerfile nx-dockerize wrote.
 * Hand-written Dockerfiles are left to other plugins (e.g. @nx/docker's `docker:build`),
 * so the two coexist without fighting over the same file.
 */
export const createNodes: CreateNodes<DockerizePluginOptions> = [
  '**/Dockerfile',
  (files, options, context) =>
    createNodesFromFiles((file) => inferDockerBuild(context.workspaceRoot, file, options ?? {}), files, options ?? {}, context),
];

/** @deprecated Nx ≥ 21 reads `createNodes`; kept for older Nx that looks for V2. */
export const createNodesV2 = createNodes;

function inferDockerBuild(workspaceRoot: string, file: string, options: DockerizePluginOptions): CreateNodesResult {
  const projectRoot = dirname(file);
  const isProject = ['project.json', 'package.json'].some((f) => existsSync(join(workspaceRoot, projectRoot, f)));
  const text = readFileSync(join(workspaceRoot, file), 'utf-8');
  if (!isProject || readGeneratedState(text) === 'foreign') return {};
  return { projects: { [projectRoot]: { targets: { [options.targetName ?? 'docker-build']: toDockerBuildTarget() } } } };
}

/**
 * Nx caching stays off: Nx restores files, not images, so a cache hit would skip a build
 * whose image was never pushed or loaded on this machine (see docs/options.md).
 */
export function toDockerBuildTarget(): TargetConfiguration {
  return {
    executor: 'nx-dockerize:docker-build',
    options: { bakeFile: 'docker-bake.json' },
    cache: false,
    // `nx sync` regenerates drifted Dockerfiles; `nx sync:check` fails CI on drift.
    syncGenerators: ['nx-dockerize:sync'],
    inputs: ['default', '^default', '{workspaceRoot}/docker-bake.json'],
    metadata: {
      description: 'Build the image with docker buildx bake (one bake for every affected project in batch mode).',
      technologies: ['docker'],
    },
  };
}
