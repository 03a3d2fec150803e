import { describe, expect, it } from 'vitest';
import type { BuildPlan, NodeProfile, Stage } from '../../types';
import { defaultOptions, inventoryProfile, ordersProfile, pnpmProfile } from '../../plan/__fixtures__/node-profiles';
import { planNodeRecipe } from './plan-node-recipe';
import { withSettings } from '../../detect/service-settings';

function findStage(plan: BuildPlan, name: string): Stage | undefined {
  return plan.stages.find((stage) => stage.name === name);
}

/** Every runtime COPY keeps package-manager config out. */
const CONFIG = ['**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml', '**/bunfig.toml'];

describe('planNodeRecipe', () => {
  it('plans base → manifests → deps → build → runtime for an integrated npm project', () => {
    const plan = planNodeRecipe(withSettings(ordersProfile, defaultOptions));
    expect(plan.stages.map((stage) => `${stage.name}:${stage.role}`)).toEqual([
      'base:base',
      'manifests:deps',
      'deps:deps',
      'build:build',
      'runtime:runtime',
    ]);
    expect(plan.bake).toEqual({ context: '.', dockerfile: 'apps/orders/Dockerfile', tags: ['orders:latest'] });
  });

  it('keeps the package-style project and its closure packages when pruning', () => {
    const plan = planNodeRecipe(
      withSettings({ ...inventoryProfile, workspaceManifests: ['libs/health'] }, defaultOptions),
    );
    const prune = findStage(plan, 'manifests')?.steps.find((step) => step.kind === 'run');
    expect(prune).toMatchObject({
      command: ['node', '-', '--out=.', 'apps/inventory', 'libs/health'],
      heredoc: { script: 'prune-npm-workspaces' },
    });
    expect(plan.bake.tags).toEqual(['examples-inventory:latest']);
  });

  it('copy-output: no deps or build stage, the runtime copies the output from the context', () => {
    const plan = planNodeRecipe(withSettings(ordersProfile, { ...defaultOptions, buildMode: 'copy-output' }));
    expect(plan.stages.map((stage) => stage.name)).toEqual(['runtime']);
    expect(findStage(plan, 'runtime')?.steps).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      sources: ['dist/apps/orders/'],
      dest: 'dist/apps/orders/',
      link: true,
      exclude: CONFIG,
    });
    expect(plan.ignore.slice(-5)).toEqual(['**/dist', '!dist/apps/orders', '**/node_modules', '**/.nx', '**/.git']);
    expect(plan.notes.join('\n')).toMatch(/run the Nx build first/);
  });

  it('distroless: node is the image ENTRYPOINT, so CMD names only the file; uid 65532', () => {
    const runtime = findStage(
      planNodeRecipe(withSettings(ordersProfile, { ...defaultOptions, runtime: 'distroless' })),
      'runtime',
    );
    expect(runtime?.from).toEqual({ image: 'gcr.io/distroless/nodejs22-debian12', tag: '' });
    expect(runtime?.steps).toContainEqual({ kind: 'cmd', argv: ['dist/apps/orders/main.js'] });
    expect(runtime?.steps).toContainEqual({ kind: 'user', uid: 65532, gid: 65532 });
  });

  it('alpine with native modules says why it is risky', () => {
    const plan = planNodeRecipe(
      withSettings({ ...ordersProfile, risks: ['native module: bcrypt'] }, { ...defaultOptions, runtime: 'alpine' }),
    );
    expect(plan.notes.join('\n')).toMatch(/musl[\s\S]*Risk: native module: bcrypt/);
  });

  it('pnpm: installed from npm at the exact version (no corepack), lockfile pruned by pnpm itself', () => {
    const plan = planNodeRecipe(withSettings(pnpmProfile, defaultOptions));
    const install = findStage(plan, 'base')?.steps.find((step) => step.kind === 'run');
    expect(install).toMatchObject({ command: expect.arrayContaining(['npm', 'install', '--global', 'pnpm@9.15.9']) });
    expect(JSON.stringify(plan.stages)).not.toMatch(/corepack/);
    expect(findStage(plan, 'manifests')?.steps).toContainEqual(
      expect.objectContaining({
        kind: 'run',
        command: expect.arrayContaining(['pnpm', 'install', '--lockfile-only', '--prefer-offline']),
      }),
    );
    expect(findStage(plan, 'deps')?.steps[0]).toEqual({
      kind: 'copy',
      role: 'manifest',
      from: 'manifests',
      sources: ['/pruned/'],
      dest: './',
    });
  });

  it('yarn berry with yarnPath: the release is the yarn binary; the workspace pins the version', () => {
    const profile = {
      ...pnpmProfile,
      packageManager: { value: 'yarn-berry' as const, source: 'yarn.lock' },
      lockfile: 'yarn.lock',
      yarnPath: '.yarn/releases/yarn-4.18.1.cjs',
      installInputs: ['.yarnrc.yml', '.yarn/releases/'],
    };
    const plan = planNodeRecipe(withSettings(profile, defaultOptions));
    expect(findStage(plan, 'base')?.steps).toContainEqual({
      kind: 'copy',
      role: 'manifest',
      sources: ['.yarn/releases/yarn-4.18.1.cjs'],
      dest: '/usr/local/bin/yarn',
      chmod: '755',
    });
    expect(findStage(plan, 'manifests')?.steps).toContainEqual({
      kind: 'copy',
      role: 'manifest',
      sources: ['.yarn/releases/'],
      dest: '.yarn/releases/',
    });
    const runtimeCopy = findStage(plan, 'runtime')?.steps.find(
      (step) => step.kind === 'copy' && step.from === 'prod-deps',
    );
    expect(runtimeCopy).toMatchObject({
      exclude: ['.yarn/releases', 'yarn.lock', '**/.npmrc', '**/.yarnrc', '**/.yarnrc.yml', '**/bunfig.toml'],
    });
  });

  it("yarn classic: yarn 1 from npm (--force over upstream's), lockfile pruned by the embedded script with yarn's own parser", () => {
    const profile = {
      ...pnpmProfile,
      packageManager: { value: 'yarn-classic' as const, source: 'yarn.lock' },
      packageManagerVersion: undefined,
      lockfile: 'yarn.lock',
    };
    const plan = planNodeRecipe(withSettings(profile, defaultOptions));
    expect(findStage(plan, 'base')?.steps).toContainEqual(
      expect.objectContaining({ command: expect.arrayContaining(['--force', 'yarn@1.22.22']) }),
    );
    expect(findStage(plan, 'base')?.steps).toContainEqual(
      expect.objectContaining({ command: expect.arrayContaining(['@yarnpkg/lockfile@1.1.0']) }),
    );
    expect(findStage(plan, 'manifests')?.steps).toContainEqual(
      expect.objectContaining({
        command: ['node', '-', 'apps/inventory', 'libs/health'],
        heredoc: { script: 'prune-yarn-classic' },
      }),
    );
    expect(plan.notes.join('\n')).toMatch(/versions.json default/);
  });

  it('root lifecycle scripts: the production install skips them (husky), unless they run patch-package', () => {
    const prodRun = (profile: typeof inventoryProfile) =>
      findStage(planNodeRecipe(withSettings(profile, defaultOptions)), 'prod-deps')?.steps.find(
        (step) => step.kind === 'run',
      );
    expect(prodRun({ ...inventoryProfile, rootLifecycleScripts: ['prepare'] })).toMatchObject({
      command: expect.arrayContaining(['/bin/sh', '-c', 'npm ci --omit=dev --ignore-scripts && npm rebuild']),
    });
    const patched = { ...inventoryProfile, rootLifecycleScripts: ['postinstall'], patchPackage: true };
    expect(prodRun(patched)).toMatchObject({ command: expect.arrayContaining(['npm', 'ci', '--omit=dev']) });
    expect(planNodeRecipe(withSettings(patched, defaultOptions)).notes.join('\n')).toMatch(
      /patch-package must be in "dependencies"/,
    );
  });

  it("a library built first (^build): its build runs before the project's, and copy-output lets its output in", () => {
    const profile = {
      ...inventoryProfile,
      workspaceManifests: ['libs/health'],
      libraryBuilds: [
        { root: 'libs/health', command: 'npm run build --workspace=libs/health', output: 'libs/health/dist' },
      ],
    };
    const build = findStage(planNodeRecipe(withSettings(profile, defaultOptions)), 'build');
    const runs = build?.steps
      .filter((step) => step.kind === 'run')
      .map((step) => (step.kind === 'run' ? step.command[2] : ''));
    expect(runs).toEqual(['npm run build --workspace=libs/health', 'npm run build --workspace apps/inventory']);
    const runtime = findStage(planNodeRecipe(withSettings(profile, defaultOptions)), 'runtime');
    expect(runtime?.steps).toContainEqual({
      kind: 'copy',
      role: 'artifact',
      from: 'build',
      sources: ['/workspace/libs/health/'],
      dest: 'libs/health/',
      exclude: ['node_modules', ...CONFIG],
    });
    expect(planNodeRecipe(withSettings(profile, { ...defaultOptions, buildMode: 'copy-output' })).ignore).toContain(
      '!libs/health/dist',
    );
  });

  it('uses the Node major and the port detection resolved from the options (the recipe reads only the profile)', () => {
    const fromOptions = {
      ...ordersProfile,
      nodeVersion: { value: '24', source: 'options.nodeVersion (24.1.0)' },
      port: { value: 8080, source: 'options.port' },
    };
    const plan = planNodeRecipe(withSettings(fromOptions, defaultOptions));
    expect(findStage(plan, 'runtime')?.from).toEqual({ image: 'node', tag: '24-bookworm-slim' });
    expect(findStage(plan, 'runtime')?.steps).toContainEqual({ kind: 'expose', port: 8080 });
    expect(plan.notes).toEqual(
      expect.arrayContaining(['Node 24 (from the nodeVersion option).', 'Port 8080 (from the port option).']),
    );
  });

  it('without a port: no EXPOSE, no HEALTHCHECK', () => {
    const plan = planNodeRecipe(withSettings({ ...ordersProfile, port: undefined }, defaultOptions));
    expect(
      findStage(plan, 'runtime')?.steps.some((step) => step.kind === 'expose' || step.kind === 'healthcheck'),
    ).toBe(false);
  });
});

describe("the header says what another project's new dependency re-runs, per shape", () => {
  const notes = (profile: NodeProfile) => planNodeRecipe(withSettings(profile, defaultOptions)).notes.join('\n');
  it('workspace package: only the pruning step; the installs stay cached', () => {
    expect(notes({ ...inventoryProfile, workspaceManifests: ['libs/health'] })).toMatch(
      /another project's dependency change re-runs only the pruning step and leaves the installs cached/,
    );
  });
  it('Nx integrated app: the dev install re-runs (whole root manifest), the production install only with its own runtime dependencies', () => {
    const integrated: NodeProfile = {
      ...inventoryProfile,
      style: 'integrated',
      workspaceManifests: [],
      hasProdDependencies: true,
      runtimeManifest: { packageJson: '{}', lockfile: '{}' },
    };
    const text = notes(integrated);
    expect(text).not.toMatch(/leaves (this|the) install/);
    expect(text).toMatch(
      /another project's new dependency included\) re-runs the build stage's dev install \(`npm ci`/,
    );
    expect(text).toMatch(
      /production install reads apps\/inventory\/Dockerfile\.package\.json and Dockerfile\.package-lock\.json and re-runs only when this app's runtime dependencies change/,
    );
  });
});
