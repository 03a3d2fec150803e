import type { DockerBuildExecutorSchema } from '../schema';

/** What git (or the options) says about the commit being built. */
export interface GitFacts {
  sha?: string;
  branch?: string;
  /** Commit time in seconds since the epoch: `created` label and SOURCE_DATE_EPOCH (reproducible). */
  commitTime?: number;
  remoteUrl?: string;
}

/** One project Nx asked to build. */
export interface ProjectBuild {
  project: string;
  bakeTarget: string;
  /** The image repository name (`toImageNames`): lowercase, distribution-spec grammar. */
  repository: string;
  version?: string;
}

/** Docker tags allow `[A-Za-z0-9_.-]`, at most 128, not starting with `.` or `-`. */
export function toTag(value: string): string {
  return value
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128);
}

/** The image name of a project without the registry (`imageName` filled in): `api`, `team/api`. */
export function toImageName(build: ProjectBuild, options: DockerBuildExecutorSchema): string {
  return (options.imageName ?? '{project}').replace('{project}', build.repository);
}

/** The image repository of a project, with the registry prefix when there is one (checked by the executor). */
export function toImageRepository(build: ProjectBuild, options: DockerBuildExecutorSchema): string {
  const name = toImageName(build, options);
  return options.registry ? `${options.registry.replace(/\/+$/, '')}/${name}` : name;
}

/**
 * Full image references from the tag templates. A template whose value is unknown (no git,
 * no version) or sanitises to nothing is dropped rather than producing an empty or misleading tag.
 */
export function toImageRefs(build: ProjectBuild, options: DockerBuildExecutorSchema, git: GitFacts): string[] {
  const values: Record<string, string | undefined> = {
    sha: git.sha,
    shortSha: git.sha?.slice(0, 12),
    branch: git.branch,
    version: build.version,
  };
  const tags = (options.tags ?? ['{shortSha}', '{branch}']).flatMap((template) => {
    const unknown = [...template.matchAll(/\{(\w+)\}/g)].some(([, key]) => !values[key]);
    const tag = unknown ? '' : toTag(template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? ''));
    // A value with no tag-safe character left (a branch named in another script) gives no tag, not `repo:`.
    return tag ? [tag] : [];
  });
  const repository = toImageRepository(build, options);
  const unique = [...new Set(tags.length ? tags : ['latest'])];
  return unique.map((tag) => `${repository}:${tag}`);
}
