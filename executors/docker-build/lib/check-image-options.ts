import { explainImageName, explainImageReference, toImageNames } from '../../../plugin/bake';
import type { DockerBuildExecutorSchema } from '../schema';
import { explainCacheExport } from './cache-export';
import { explainCacheRef } from './cache-ref';
import { toImageName, toImageRepository } from './resolve-images';

type Problem = [string, unknown, string | undefined];

/**
 * registry (a host, host:port or host/namespace prefix), imageName, tags, cacheRef and
 * cacheExport by Docker's reference grammar and BuildKit's cache attributes, before anything runs.
 */
export function checkImageOptions(requests: { project: string; options: DockerBuildExecutorSchema }[]): void {
  for (const { project, options } of requests) {
    const problems = [...imageProblems(project, options), ...cacheProblems(project, options)].filter(
      ([, , reason]) => reason !== undefined,
    );
    if (problems.length) {
      const [option, value, reason] = problems[0];
      throw new Error(
        `nx-dockerize: docker-build option ${option} ${JSON.stringify(value)} (project ${project}) is not valid: ${reason}. Fix it in the docker-build target options (project.json or nx.json targetDefaults).`,
      );
    }
  }
}

function imageProblems(project: string, options: DockerBuildExecutorSchema): Problem[] {
  return [
    [
      'registry',
      options.registry,
      options.registry === undefined ? undefined : explainImageName(`${options.registry.replace(/\/+$/, '')}/x`),
    ],
    [
      'imageName',
      options.imageName,
      options.imageName === undefined
        ? undefined
        : explainImageName(options.imageName.replace('{project}', toImageNames(project).repository)),
    ],
    ...(options.tags ?? []).map((tag): Problem => [
      'tags',
      tag,
      explainImageReference(`x:${tag.replace(/\{(\w+)\}/g, 'v')}`) &&
        'a tag is at most 128 letters, digits, _ . - and starts with a letter, digit or _',
    ]),
    [
      'timeoutSeconds',
      options.timeoutSeconds,
      options.timeoutSeconds !== undefined && !(options.timeoutSeconds >= 0)
        ? 'it is a number of seconds (0: no limit)'
        : undefined,
    ],
  ];
}

function cacheProblems(project: string, options: DockerBuildExecutorSchema): Problem[] {
  const backend = options.cache ?? 'registry';
  const build = { project, bakeTarget: '', repository: toImageNames(project).repository };
  return [
    [
      'cacheRef',
      options.cacheRef,
      backend === 'registry' && options.cacheRef !== undefined
        ? explainCacheRef(options.cacheRef, toImageRepository(build, options), toImageName(build, options))
        : undefined,
    ],
    [
      'cacheExport',
      options.cacheExport,
      options.cacheExport === undefined ? undefined : explainCacheExport(options.cacheExport, backend),
    ],
  ];
}
