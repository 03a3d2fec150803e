import { CA_SECRET } from '../../plan/service-parts';
import type { Mount, Stage, Step } from '../../types';
import type { NodeContext } from './node-context';
import { planBaseSystemSteps } from './node-framework-steps';

/**
 * Optional: registry credentials, as an `.npmrc` build secret (`--secret id=npmrc,src=$HOME/.npmrc`).
 * npm, pnpm, yarn 1 and bun read the user config file that `npm_config_userconfig` names; the
 * project `.npmrc` (without tokens) still enters as an install input. Yarn Berry reads
 * `.yarnrc.yml` only: its token goes in `YARN_NPM_AUTH_TOKEN` (see README).
 */
const NPMRC_SECRET: Mount = { type: 'secret', id: 'npmrc', target: '/run/secrets/npmrc' };
/**
 * Optional: a registry token as the env var NPM_TOKEN for the install only (`--secret id=npm-token,env=NPM_TOKEN`),
 * for a committed `.npmrc` line `//registry/:_authToken=${NPM_TOKEN}` or a `.yarnrc.yml`
 * `npmAuthToken: "${NPM_TOKEN:-}"`. Never an ARG or ENV: it is in no layer and no image history.
 */
const TOKEN_SECRET: Mount = { type: 'secret', id: 'npm-token', env: 'NPM_TOKEN' };
// `env` keeps the install a plain argv; a missing optional secret only makes Node print a warning.
const SECRET_ENV = [
  'env',
  'NODE_EXTRA_CA_CERTS=/run/secrets/ca-certificates.crt',
  'npm_config_userconfig=/run/secrets/npmrc',
];
const NPM_CACHE: Mount = { type: 'cache', target: '/root/.npm', sharing: 'locked' };
/** Every step that reaches a registry mounts the three optional secrets (CA, npmrc, token). */
const REGISTRY_SECRETS: Mount[] = [CA_SECRET, NPMRC_SECRET, TOKEN_SECRET];

const PRUNE_COMMENT = [
  "Prune the root lockfile to this project's workspaces: unrelated projects' dependency changes",
  'change the root lockfile but not this slice, and BuildKit keys the next COPY on content,',
  'so the install layer below stays cached.',
].join('\n');

/** The package manager itself, from npm at the exact version (no corepack: gone from Node 25, fails signature checks behind proxies). */
function planToolSteps(ctx: NodeContext): Step[] {
  const { pm } = ctx;
  // A pruning script's own dependency (yarn's lockfile parser) lives outside the workspace.
  const pruneTool: Step[] = pm.prune?.tool
    ? [
        {
          kind: 'run',
          role: 'setup',
          command: [...SECRET_ENV, 'npm', 'install', '--global', '--prefix', '/opt/nx-dockerize', pm.prune.tool],
          mounts: [NPM_CACHE, ...REGISTRY_SECRETS],
        },
      ]
    : [];
  return [...planPackageManagerInstall(ctx), ...pruneTool];
}

function planPackageManagerInstall(ctx: NodeContext): Step[] {
  const { profile, pm } = ctx;
  if (profile.yarnPath) {
    // The workspace's own release is the `yarn` every stage runs; nothing is downloaded.
    return [{ kind: 'copy', role: 'manifest', sources: [profile.yarnPath], dest: '/usr/local/bin/yarn', chmod: '755' }];
  }
  if (!pm.npmPackage) return [];
  // Upstream node images ship yarn 1 in /usr/local/bin: without --force npm stops with EEXIST on
  // those links, for `yarn` and for `@yarnpkg/cli-dist` alike (checked with a probe of upstream's layout).
  const force = pm.npmPackage === 'yarn' || pm.npmPackage === '@yarnpkg/cli-dist' ? ['--force'] : [];
  return [
    {
      kind: 'run',
      role: 'setup',
      command: [...SECRET_ENV, 'npm', 'install', '--global', ...force, `${pm.npmPackage}@${ctx.pmVersion}`],
      mounts: [NPM_CACHE, ...REGISTRY_SECRETS],
    },
  ];
}

function planBaseStage(ctx: NodeContext): Stage {
  return {
    name: 'base',
    role: 'base',
    from: ctx.toolImage,
    steps: [
      { kind: 'workdir', path: '/workspace' },
      // npm_config_cache pins the directory `npm install --global` caches in (the mount below).
      {
        kind: 'env',
        vars: { npm_config_cache: '/root/.npm', ...ctx.pm.env, PATH: '/workspace/node_modules/.bin:$PATH' },
      },
      ...planBaseSystemSteps(ctx),
      ...planToolSteps(ctx),
    ],
  };
}

/** Root manifest, lockfile and install inputs, then the project's workspace manifests: before any source. */
export function planManifestCopies(ctx: NodeContext): Step[] {
  const files = ctx.installInputs.filter((path) => !path.endsWith('/'));
  return [
    {
      kind: 'copy',
      role: 'manifest',
      sources: ['package.json', ctx.lockfile, ...files.filter((file) => !file.includes('/'))],
      dest: './',
    },
    ...files
      .filter((file) => file.includes('/'))
      .map((file): Step => ({
        kind: 'copy',
        role: 'manifest',
        sources: [file],
        dest: `${file.slice(0, file.lastIndexOf('/'))}/`,
      })),
    ...planDirCopies(ctx.installInputs),
    ...ctx.workspaces.map((root): Step => ({
      kind: 'copy',
      role: 'manifest',
      sources: [`${root}/package.json`],
      dest: `${root}/`,
    })),
  ];
}

function planManifestsStage(ctx: NodeContext): Stage | undefined {
  const prune = ctx.pm.prune;
  if (!prune) return undefined;
  const command = prune.script ? [...prune.command, ...ctx.workspaces] : prune.command;
  const mounts: Mount[] = prune.cacheDir
    ? [{ type: 'cache', target: prune.cacheDir, sharing: 'locked' }, ...REGISTRY_SECRETS]
    : [];
  const argv = prune.cacheDir ? [...SECRET_ENV, ...command] : command;
  const run: Step = {
    kind: 'run',
    role: 'prune',
    command: argv,
    mounts,
    comment: PRUNE_COMMENT,
    ...(prune.script && { heredoc: { script: prune.script } }),
  };
  return {
    name: 'manifests',
    role: 'deps',
    from: { stage: 'base' },
    steps: [{ kind: 'workdir', path: '/pruned' }, ...planManifestCopies(ctx), run],
  };
}

function planInstallStage(ctx: NodeContext, name: 'deps' | 'prod-deps', install: string[], inputs: Step[]): Stage {
  const cache: Mount = { type: 'cache', target: ctx.pm.cacheDir, sharing: 'locked' };
  const run: Step = {
    kind: 'run',
    role: 'install',
    locked: true,
    command: [...SECRET_ENV, ...install],
    mounts: [cache, ...REGISTRY_SECRETS],
  };
  return { name, role: name, from: { stage: 'base' }, steps: [...inputs, run] };
}

/** Integrated projects install the Nx-made runtime manifest and lockfile (beside the Dockerfile). */
function planRuntimeManifestCopies(ctx: NodeContext): Step[] {
  const root = ctx.profile.projectRoot;
  const configFiles = ctx.installInputs.filter(
    (path) => path === '.npmrc' || path === '.yarnrc.yml' || path === 'bunfig.toml',
  );
  return [
    { kind: 'copy', role: 'manifest', sources: [`${root}/Dockerfile.package.json`], dest: './package.json' },
    { kind: 'copy', role: 'manifest', sources: [`${root}/Dockerfile.${ctx.lockfile}`], dest: `./${ctx.lockfile}` },
    ...(configFiles.length > 0 ? [{ kind: 'copy', role: 'manifest', sources: configFiles, dest: './' } as Step] : []),
    ...planDirCopies(ctx.installInputs.filter((path) => path.startsWith('.yarn/'))),
  ];
}

/** Install-input folders (listed with a trailing slash) keep their place in the tree. */
function planDirCopies(inputs: string[]): Step[] {
  return inputs
    .filter((path) => path.endsWith('/'))
    .map((dir): Step => ({ kind: 'copy', role: 'manifest', sources: [dir], dest: dir }));
}

function planProdInputs(ctx: NodeContext, shared: Step[]): Step[] {
  return ctx.profile.runtimeManifest ? planRuntimeManifestCopies(ctx) : shared;
}

/** Root lifecycle scripts are dev hooks: a production install skips them where the manager can. */
function toProdInstall(ctx: NodeContext): string[] {
  // patch-package in a root script must run in production too: the scripts stay on (patch-package
  // then has to be a production dependency, as its own docs say; the header says so).
  const rootScripts =
    (ctx.profile.rootLifecycleScripts ?? []).length > 0 && !ctx.profile.runtimeManifest && !ctx.profile.patchPackage;
  return rootScripts && ctx.pm.prodInstallWithoutRootScripts
    ? ctx.pm.prodInstallWithoutRootScripts
    : ctx.pm.prodInstall;
}

/**
 * base → (manifests) → deps, and prod-deps when the runtime needs node_modules. copy-output
 * builds skip deps (the artifact was built outside Docker) but still need prod-deps.
 */
export function planNodeInstallStages(ctx: NodeContext): Stage[] {
  const needsDeps = ctx.hasBuildStage;
  const needsProdDeps = ctx.profile.hasProdDependencies;
  if (!needsDeps && !needsProdDeps) return [];
  const manifests = planManifestsStage(ctx);
  const shared: Step[] = manifests
    ? [{ kind: 'copy', role: 'manifest', from: 'manifests', sources: ['/pruned/'], dest: './' }]
    : planManifestCopies(ctx);
  return [
    planBaseStage(ctx),
    ...(manifests ? [manifests] : []),
    ...(needsDeps ? [planInstallStage(ctx, 'deps', ctx.pm.install, shared)] : []),
    ...(needsProdDeps ? [planInstallStage(ctx, 'prod-deps', toProdInstall(ctx), planProdInputs(ctx, shared))] : []),
  ];
}
