import type { BakeFile, BakeTarget } from '../../../plugin/types';
import type { DockerBuildExecutorSchema } from '../schema';
import { resolveCache } from './resolve-cache';
import { toImageName, toImageRefs, toImageRepository, type GitFacts, type ProjectBuild } from './resolve-images';

/**
 * A second bake file, layered over the workspace's with `--file`, that carries everything
 * this run decides: tags, cache, platforms, labels, args, secrets, attestations. A typed file
 * instead of `--set` strings means no quoting problems and one thing to print on --dryRun.
 */
export function buildBakeOverrides(
  builds: ProjectBuild[],
  options: DockerBuildExecutorSchema,
  git: GitFacts,
): BakeFile {
  const target: Record<string, BakeTarget> = {};
  for (const build of builds) target[build.bakeTarget] = buildTargetOverride(build, options, git);
  return { group: { default: { targets: builds.map((b) => b.bakeTarget).sort() } }, target };
}

function buildTargetOverride(build: ProjectBuild, options: DockerBuildExecutorSchema, git: GitFacts): BakeTarget {
  const tags = toImageRefs(build, options, git);
  const cache = resolveCache(
    { repository: toImageRepository(build, options), name: toImageName(build, options) },
    options,
    git,
  );
  const override: BakeTarget = {
    tags,
    labels: toOciLabels(build, git),
    // SOURCE_DATE_EPOCH reaches every RUN step, so a per-commit value would turn every step of
    // every build into a cache miss: opt-in only, for teams that need bit-for-bit layers.
    args: {
      ...(options.sourceDateEpoch && git.commitTime !== undefined && { SOURCE_DATE_EPOCH: String(git.commitTime) }),
      ...options.buildArgs,
    },
    'cache-from': options.cache === 'inline' ? [`type=registry,ref=${tags[0]}`] : cache.from,
    'cache-to': cache.to,
  };
  if (options.platforms?.length) override.platforms = options.platforms;
  if (options.secrets?.length) override.secret = options.secrets;
  const attest = [
    ...(options.sbom ? ['type=sbom'] : []),
    ...(options.provenance ? [`type=provenance,mode=${options.provenance}`] : []),
  ];
  if (attest.length) override.attest = attest;
  return override;
}

/** OCI annotations a registry UI and `docker inspect` show; `created` is the commit time, so rebuilds stay reproducible. */
function toOciLabels(build: ProjectBuild, git: GitFacts): Record<string, string> {
  const labels: Record<string, string> = { 'org.opencontainers.image.title': build.project };
  if (git.sha) labels['org.opencontainers.image.revision'] = git.sha;
  if (git.remoteUrl) labels['org.opencontainers.image.source'] = git.remoteUrl;
  if (git.commitTime !== undefined)
    labels['org.opencontainers.image.created'] = new Date(git.commitTime * 1000).toISOString();
  if (build.version) labels['org.opencontainers.image.version'] = build.version;
  return labels;
}
