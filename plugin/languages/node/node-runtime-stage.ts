import versions from '../../versions.json';
import type { RuntimeBase, Stage, Step } from '../../types';
import { joinPath } from '../../detect/join-path';
import type { NodeContext } from './node-context';
import { planServiceLabels } from '../../plan/service-parts';
import { planHealth } from '../../plan/health';
import { planFrameworkRuntimeSteps, planRuntimeSystemSteps } from './node-framework-steps';
import { PACKAGE_MANAGER_CONFIG_FILES } from './detect-config-credentials';

interface RuntimeFlavour {
  /** Numeric non-root user: the image's own `node` user, or distroless's `nonroot`. */
  uid: number;
  /** How to invoke node for the health probe. */
  node: string;
  /** Prefix of CMD before the entrypoint file; distroless already has node as its ENTRYPOINT. */
  cmdPrefix: string[];
}

const RUNTIME_FLAVOURS: Record<RuntimeBase, RuntimeFlavour> = {
  slim: { uid: 1000, node: 'node', cmdPrefix: ['node'] },
  alpine: { uid: 1000, node: 'node', cmdPrefix: ['node'] },
  distroless: { uid: versions.distroless.nonrootUid, node: '/nodejs/bin/node', cmdPrefix: [] },
};

/** The HEALTHCHECK and its note: the image's own node probes (no curl or wget in slim or distroless). */
export function planNodeHealth(ctx: NodeContext) {
  return planHealth(ctx.profile.health, ctx.port, { kind: 'node', binary: RUNTIME_FLAVOURS[ctx.runtime].node });
}

/**
 * Never in the image: install config (may name registries), Yarn's release and plugins, local
 * tarballs, the lockfile. A local folder dependency stays: node_modules links to it.
 */
function toInstallExcludes(ctx: NodeContext): string[] {
  const linked = (ctx.profile.localDependencies ?? []).filter((path) => path.endsWith('/'));
  // Config files are excluded from every runtime copy at any depth (withoutConfigFiles), not once more here.
  const kept = ctx.installInputs.filter(
    (path) => !linked.includes(path) && !PACKAGE_MANAGER_CONFIG_FILES.includes(path),
  );
  return [...kept.map((path) => path.replace(/\/$/, '')), ctx.lockfile];
}

/**
 * The runtime mirrors the workspace under /app, so every path Node resolves at run time is where
 * the package manager put it: the root node_modules (hoisted packages, pnpm's `.pnpm`), each
 * workspace's own node_modules (pnpm links, npm/yarn version conflicts) and the links to the
 * workspace libraries, whose folders (built output or plain JS sources) come from the build.
 * Not `--link`, like every copy from a stage here (planTreeCopy): after a dependency change, the
 * runner that re-ran prod-deps exported a cache without this copy's merge, and every next fresh
 * runner re-ran the merge with nothing changed, fetching and extracting prod-deps (npm-plain-js:
 * 12.9-13.7 s per run against 0.3-0.4 s without `--link`; BuildKit 0.32.2). An edit never re-runs it.
 */
function planProdDepsCopy(ctx: NodeContext): Step[] {
  if (!ctx.profile.hasProdDependencies) return [];
  if (ctx.profile.runtimeManifest) {
    return [
      {
        kind: 'copy',
        role: 'dependencies',
        from: 'prod-deps',
        sources: ['/workspace/node_modules'],
        dest: './node_modules',
      },
    ];
  }
  return [
    {
      kind: 'copy',
      role: 'dependencies',
      from: 'prod-deps',
      sources: ['/workspace/'],
      dest: './',
      exclude: toInstallExcludes(ctx),
    },
  ];
}

/**
 * A folder of the workspace at its own path: from the build stage when there is one, else from the
 * context. Only the context copy is `--link`: a registry cache exported by a runner that had
 * imported one (CI's every run) lacks a link's merge, so the next fresh runner re-runs it; from the
 * context that costs nothing (npm-plain-js: 0.28 s with the push), from the build stage it fetched
 * and extracted that stage (docs/node-package-managers.md).
 */
function planTreeCopy(ctx: NodeContext, path: string): Step {
  const fromBuild = ctx.hasBuildStage;
  return fromBuild
    ? {
        kind: 'copy',
        role: 'artifact',
        from: 'build',
        sources: [`/workspace/${path}/`],
        dest: `${path}/`,
        exclude: ['node_modules'],
      }
    : { kind: 'copy', role: 'artifact', sources: [`${path}/`], dest: `${path}/`, link: true };
}

/**
 * The artifact at its workspace path. Its own node_modules stays out only when the artifact is a
 * workspace package's folder (the build stage's copy holds dev dependencies; prod-deps brought the
 * production ones); a framework's output that carries node_modules (Next standalone) keeps them.
 */
function planArtifactCopy(ctx: NodeContext): Step {
  const copy = planTreeCopy(ctx, ctx.outputPath);
  const isPackageFolder = ctx.outputPath === ctx.profile.projectRoot || ctx.outputPath === '.';
  if (copy.kind !== 'copy' || isPackageFolder) return copy;
  const { exclude: _packageOnly, ...kept } = copy;
  return kept;
}

/** Workspace libraries (own package.json) the project resolves through node_modules links. */
function planLibraryCopies(ctx: NodeContext): Step[] {
  if (ctx.profile.style !== 'package') return [];
  const libraries = (ctx.profile.workspaceManifests ?? []).filter((root) => root !== ctx.profile.projectRoot).sort();
  return libraries.map((root) => planTreeCopy(ctx, root));
}

// Package-manager config at any depth (the pattern also matches the copied folder's top level).
const CONFIG_EXCLUDES = PACKAGE_MANAGER_CONFIG_FILES.map((name) => `**/${name}`);

/**
 * No package-manager config reaches the runtime from any copy (a root project's `COPY ./ ./`,
 * a package folder's own `.npmrc`, a framework's output): it may name registries or hold a token,
 * and the running service never reads it.
 */
function withoutConfigFiles(step: Step): Step {
  if (step.kind !== 'copy') return step;
  return { ...step, exclude: [...new Set([...(step.exclude ?? []), ...CONFIG_EXCLUDES])] };
}

/** Artifact and production node_modules only: no compilers, no dev dependencies, no install config. */
export function planNodeRuntimeStage(ctx: NodeContext): Stage {
  const flavour = RUNTIME_FLAVOURS[ctx.runtime];
  const portSteps: Step[] =
    ctx.port === undefined ? [] : [{ kind: 'expose', port: ctx.port }, ...planNodeHealth(ctx).steps];
  return {
    name: 'runtime',
    role: 'runtime',
    from: ctx.runtimeImage,
    steps: [
      { kind: 'workdir', path: '/app' },
      { kind: 'env', vars: { NODE_ENV: 'production' } },
      ...planRuntimeSystemSteps(ctx),
      ...[
        ...planProdDepsCopy(ctx),
        ...planLibraryCopies(ctx),
        planArtifactCopy(ctx),
        ...planFrameworkRuntimeSteps(ctx),
      ].map(withoutConfigFiles),
      { kind: 'user', uid: flavour.uid, gid: flavour.uid },
      ...portSteps,
      planServiceLabels(ctx.profile.project, ctx.profile.projectRoot),
      { kind: 'cmd', argv: [...flavour.cmdPrefix, joinPath(ctx.outputPath, ctx.profile.entrypoint.value)] },
    ],
  };
}
