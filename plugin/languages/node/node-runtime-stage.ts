import versions from '../../versions.json';
import type { RuntimeBase, Stage, Step } from '../../types';
import type { NodeContext } from './node-context';
import { planHealth } from '../../plan/health';
import { planFrameworkRuntimeSteps, planRuntimeSystemSteps } from './node-framework-steps';

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
  return planHealth(ctx.profile.health, ctx.port, { kind: 'node', binary: RUNTIME_FLAVOURS[ctx.options.runtime].node });
}

function planArtifactCopy(ctx: NodeContext): Step {
  const fromBuild = ctx.options.buildMode === 'docker' && ctx.profile.build !== undefined;
  return fromBuild
    ? { kind: 'copy', from: 'build', sources: [`/workspace/${ctx.outputPath}/`], dest: './', link: true }
    : { kind: 'copy', sources: [`${ctx.outputPath}/`], dest: './', link: true };
}

/** Artifact and production node_modules only: no compilers, no dev dependencies, no sources. */
export function planNodeRuntimeStage(ctx: NodeContext): Stage {
  const flavour = RUNTIME_FLAVOURS[ctx.options.runtime];
  const prodDeps: Step[] = ctx.profile.hasProdDependencies
    ? [{ kind: 'copy', from: 'prod-deps', sources: ['/workspace/node_modules'], dest: './node_modules', link: true }]
    : [];
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
      ...prodDeps,
      planArtifactCopy(ctx),
      ...planFrameworkRuntimeSteps(ctx),
      { kind: 'user', uid: flavour.uid, gid: flavour.uid },
      ...portSteps,
      {
        kind: 'label',
        labels: {
          'org.opencontainers.image.title': ctx.profile.project,
          'org.opencontainers.image.description': `${ctx.profile.project} (${ctx.profile.projectRoot}), built by nx-dockerize`,
        },
      },
      { kind: 'cmd', argv: [...flavour.cmdPrefix, ctx.profile.entrypoint.value] },
    ],
  };
}
