export type CacheBackend = 'registry' | 'gha' | 'local' | 'inline' | 'none';

export interface DockerBuildExecutorSchema {
  /** The workspace bake file the generator maintains. */
  bakeFile?: string;
  /** Image name; `{project}` is the sanitised project name. */
  imageName?: string;
  /** Registry (and namespace) prefix, e.g. `ghcr.io/acme`; none means local names only. */
  registry?: string;
  /** Tag templates: `{sha}`, `{shortSha}`, `{branch}`, `{version}`; a tag whose value is unknown is dropped. */
  tags?: string[];
  push?: boolean;
  load?: boolean;
  platforms?: string[];
  /** Any buildx builder: remote BuildKit, kubernetes, docker-container, a multi-node builder. */
  builder?: string;
  cache?: CacheBackend;
  /**
   * Where cache lives. registry: a ref template with `{image}` (image name without registry) and
   * `{branch}`, default `<registry>/{image}:buildcache-{branch}`; a value without `{image}` is a
   * repository prefix (`/{image}` appended), one without a tag gets `:buildcache-{branch}`.
   * local: a directory; gha: a scope prefix.
   */
  cacheRef?: string;
  /** cache-to attributes over the defaults, buildx CSV: e.g. `oci-mediatypes=false,image-manifest=false`, `mode=min`, `compression=zstd`. */
  cacheExport?: string;
  /** Branch whose cache seeds builds of other branches. */
  defaultBranch?: string;
  buildArgs?: Record<string, string>;
  /** buildx secret specs, e.g. `id=npmrc,src=$HOME/.npmrc` or `id=ca-certificates,src=/etc/ssl/certs/ca-certificates.crt`. */
  secrets?: string[];
  /** Pass the commit time as SOURCE_DATE_EPOCH (reproducible timestamps; every RUN step then re-runs per commit). */
  sourceDateEpoch?: boolean;
  sbom?: boolean;
  provenance?: false | 'min' | 'max';
  /** Overrides for git facts (CI systems with detached checkouts). */
  branch?: string;
  sha?: string;
  /** Stop bake (SIGTERM, then SIGKILL) after this many seconds; 0: no limit. Default 7200. */
  timeoutSeconds?: number;
  /** Print the bake definition that would run, and build nothing. */
  dryRun?: boolean;
}
