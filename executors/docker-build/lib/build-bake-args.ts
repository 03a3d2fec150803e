import type { DockerBuildExecutorSchema } from '../schema';

export interface BakeInvocation {
  bakeFile: string;
  overridesFile: string;
  metadataFile: string;
  targets: string[];
  /** Secret specs of every target: bake only reads files outside the context when allowed. */
  secrets?: string[];
}

/** `src=`/`source=` paths of buildx secret specs (`id=x,src=/path`); `env=` secrets read no file. */
export function toSecretFiles(secrets: string[]): string[] {
  const files = secrets.flatMap((spec) =>
    spec
      .split(',')
      .filter((part) => /^(src|source)=/.test(part))
      .map((part) => part.slice(part.indexOf('=') + 1)),
  );
  return [...new Set(files)].sort();
}

/**
 * argv for `docker` that runs one bake for every target. Files are always explicit: without
 * `--file`, bake would also discover and merge compose.yaml and docker-bake.hcl.
 */
export function buildBakeArgs(run: BakeInvocation, options: DockerBuildExecutorSchema): string[] {
  const args = ['buildx', 'bake', '--file', run.bakeFile, '--file', run.overridesFile];
  if (options.dryRun) return [...args, '--print', ...run.targets];
  if (options.builder) args.push('--builder', options.builder);
  // The user named these files as secrets; buildx ≥ 0.17 still wants the read granted explicitly.
  for (const file of toSecretFiles(run.secrets ?? [])) args.push(`--allow=fs.read=${file}`);
  args.push('--metadata-file', run.metadataFile, '--progress', 'plain');
  if (options.push) args.push('--push');
  if (options.load) args.push('--load');
  // Neither push nor load: keep BuildKit's result (and cache export) without an image export.
  if (!options.push && !options.load) args.push('--set', '*.output=type=cacheonly');
  return [...args, ...run.targets];
}
