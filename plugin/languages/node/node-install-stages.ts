import type { Mount, Stage, Step } from '../../types';
import type { NodeContext } from './node-context';
import { planBaseSystemSteps } from './node-framework-steps';

/** Optional: a TLS-intercepting proxy's CA, mounted only for the install (never in a layer). */
const CA_SECRET: Mount = { type: 'secret', id: 'ca-certificates', target: '/run/secrets/ca-certificates.crt' };
// `env` keeps the install a plain argv; a missing optional secret only makes Node print a warning.
const CA_ENV = ['env', 'NODE_EXTRA_CA_CERTS=/run/secrets/ca-certificates.crt'];

const PRUNE_COMMENT = [
  "Prune the root lockfile to this project's workspaces: unrelated projects' dependency changes",
  'change the root lockfile but not this slice, and BuildKit keys the next COPY on content,',
  'so the install layer below stays cached.',
].join('\n');

/** `name` as a COPY glob that matches nothing instead of failing when the file is absent. */
export function toOptionalGlob(name: string): string {
  return `${name.slice(0, -1)}[${name.slice(-1)}]`;
}

function planCorepackSteps(ctx: NodeContext): Step[] {
  const tool = ctx.pm.corepackTool;
  if (!tool) return [];
  const steps: Step[] = [];
  if (Number(ctx.major) >= 25) {
    steps.push({ kind: 'run', command: ['npm', 'install', '--global', 'corepack'], mounts: [], comment: 'Node >= 25 no longer ships corepack.' });
  }
  steps.push({ kind: 'run', command: ['corepack', 'enable'], mounts: [] });
  const version = ctx.profile.packageManagerVersion?.value;
  if (version) steps.push({ kind: 'run', command: ['corepack', 'prepare', `${tool}@${version}`, '--activate'], mounts: [] });
  return steps;
}

function planBaseStage(ctx: NodeContext): Stage {
  return {
    name: 'base',
    role: 'base',
    from: ctx.toolImage,
    steps: [
      { kind: 'workdir', path: '/workspace' },
      { kind: 'env', vars: { ...ctx.pm.env, PATH: '/workspace/node_modules/.bin:$PATH' } },
      ...planBaseSystemSteps(ctx),
      ...planCorepackSteps(ctx),
    ],
  };
}

/** Copies of the root manifest, lockfile and workspace manifests, before any source. */
function planManifestCopies(ctx: NodeContext): Step[] {
  const rootFiles = ['package.json', ctx.lockfile, ...ctx.pm.optionalRootFiles.map(toOptionalGlob)];
  return [
    { kind: 'copy', sources: rootFiles, dest: './' },
    ...ctx.workspaces.map((root): Step => ({ kind: 'copy', sources: [`${root}/package.json`], dest: `${root}/` })),
  ];
}

function planManifestsStage(ctx: NodeContext): Stage {
  const prune: Step = {
    kind: 'run',
    command: ['node', '-', ...ctx.workspaces],
    mounts: [],
    comment: PRUNE_COMMENT,
    heredoc: { script: 'prune-npm-workspaces' },
  };
  return { name: 'manifests', role: 'deps', from: { stage: 'base' }, steps: [...planManifestCopies(ctx), prune] };
}

function planInstallStage(ctx: NodeContext, name: 'deps' | 'prod-deps', install: string[]): Stage {
  const inputs: Step[] = ctx.pm.prunable
    ? [{ kind: 'copy', from: 'manifests', sources: ['/pruned/'], dest: './' }]
    : planManifestCopies(ctx);
  const cache: Mount = { type: 'cache', target: ctx.pm.cacheDir, sharing: 'locked' };
  const run: Step = { kind: 'run', command: [...CA_ENV, ...install], mounts: [cache, CA_SECRET] };
  return { name, role: name, from: { stage: 'base' }, steps: [...inputs, run] };
}

/**
 * base → (manifests) → deps, and prod-deps when the runtime needs node_modules. copy-output
 * builds skip deps (the artifact was built outside Docker) but still need prod-deps.
 */
export function planNodeInstallStages(ctx: NodeContext): Stage[] {
  const needsDeps = ctx.options.buildMode === 'docker' && ctx.profile.build !== undefined;
  const needsProdDeps = ctx.profile.hasProdDependencies;
  if (!needsDeps && !needsProdDeps) return [];
  return [
    planBaseStage(ctx),
    ...(ctx.pm.prunable ? [planManifestsStage(ctx)] : []),
    ...(needsDeps ? [planInstallStage(ctx, 'deps', ctx.pm.install)] : []),
    ...(needsProdDeps ? [planInstallStage(ctx, 'prod-deps', ctx.pm.prodInstall)] : []),
  ];
}
