import { describe, expect, it } from 'vitest';
import type { BuildMode, BuildPlan, NodePackageManager, NodeProfile, RuntimeBase, Stage, Step } from '../types';
import { defaultOptions, inventoryProfile, ordersProfile } from './__fixtures__/node-profiles';
import { planProject } from './plan-project';
import { planNodeRecipe } from '../languages/node/plan-node-recipe';
import { validatePlan } from './validate-plan';
import { withSettings } from '../detect/service-settings';
import { compiledOptions, goProfile, rustProfile } from './__fixtures__/compiled-profiles';
import { planGoRecipe } from '../languages/go/plan-go-recipe';
import { planRustRecipe } from '../languages/rust/plan-rust-recipe';

const PACKAGE_MANAGERS: NodePackageManager[] = ['npm', 'pnpm', 'yarn-classic', 'yarn-berry', 'bun'];
const RUNTIMES: RuntimeBase[] = ['slim', 'distroless', 'alpine'];
const BUILD_MODES: BuildMode[] = ['docker', 'copy-output'];
const LOCKFILES: Record<NodePackageManager, string> = {
  npm: 'package-lock.json',
  pnpm: 'pnpm-lock.yaml',
  'yarn-classic': 'yarn.lock',
  'yarn-berry': 'yarn.lock',
  bun: 'bun.lock',
};

function toProfile(base: NodeProfile, pm: NodePackageManager): NodeProfile {
  return {
    ...base,
    packageManager: { value: pm, source: LOCKFILES[pm] },
    lockfile: LOCKFILES[pm],
    workspaceManifests: ['libs/health'],
  };
}

const matrix = PACKAGE_MANAGERS.flatMap((pm) =>
  RUNTIMES.flatMap((runtime) =>
    BUILD_MODES.flatMap((buildMode) =>
      [ordersProfile, inventoryProfile].map((base) => ({ pm, runtime, buildMode, profile: toProfile(base, pm) })),
    ),
  ),
);

function findStage(plan: BuildPlan, name: string): Stage {
  const stage = plan.stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return stage;
}

describe('every package manager × runtime × build mode plans a valid Dockerfile', () => {
  it.each(matrix.map((row) => [`${row.pm} ${row.runtime} ${row.buildMode} ${row.profile.style}`, row] as const))(
    '%s',
    (_name, row) => {
      const plan = planNodeRecipe(withSettings(row.profile, { runtime: row.runtime, buildMode: row.buildMode }));
      expect(validatePlan(plan)).toEqual([]);
      const names = plan.stages.map((stage) => stage.name);
      expect(names[names.length - 1]).toBe('runtime');
      expect(names.includes('build')).toBe(row.buildMode === 'docker');
      expect(names.includes('prod-deps')).toBe(row.profile.hasProdDependencies);
      const cmd = findStage(plan, 'runtime').steps.find((step) => step.kind === 'cmd');
      // The runtime mirrors the workspace under /app: the entrypoint keeps its workspace path.
      const entry = `${row.profile.build?.value.outputPath}/main.js`;
      expect(cmd).toMatchObject({ argv: row.runtime === 'distroless' ? [entry] : ['node', entry] });
    },
  );
});

describe('validatePlan reports each broken invariant', () => {
  const valid = planNodeRecipe(withSettings(inventoryProfile, defaultOptions));

  function mutate(edit: (plan: BuildPlan) => void): string[] {
    const plan = structuredClone(valid);
    edit(plan);
    return validatePlan(plan);
  }

  it('accepts the unmodified plan', () => {
    expect(validatePlan(valid)).toEqual([]);
  });

  it('an install after a source copy', () => {
    expect(
      mutate((plan) =>
        findStage(plan, 'build').steps.push({
          kind: 'run',
          role: 'install',
          locked: true,
          command: ['npm', 'ci'],
          mounts: [],
        }),
      ),
    ).toEqual([expect.stringMatching(/stage build: install after a source copy/)]);
  });

  it('a manifest copy after a source copy', () => {
    const copy: Step = { kind: 'copy', role: 'manifest', sources: ['package.json'], dest: './' };
    expect(mutate((plan) => findStage(plan, 'build').steps.push(copy))).toEqual([
      expect.stringMatching(/manifest copy after a source copy/),
    ]);
  });

  it('a source copy (by its role) before the install', () => {
    // The recipe's role is what counts: a source copy before the install is caught by its role.
    const violations = mutate((plan) =>
      findStage(plan, 'deps').steps.unshift({ kind: 'copy', role: 'source', sources: ['package.json'], dest: './' }),
    );
    expect(violations).toEqual([expect.stringMatching(/stage deps: install after a source copy/)]);
  });

  it('a COPY without a role', () => {
    const violations = mutate((plan) =>
      findStage(plan, 'build').steps.push({ kind: 'copy', sources: ['x/'], dest: 'x/' } as unknown as Step),
    );
    expect(violations).toEqual(['stage build: COPY x/ has no role (manifest, source, artifact, dependencies or tool)']);
  });

  it('an unlocked install', () => {
    const violations = mutate((plan) => {
      const run = findStage(plan, 'deps').steps.find((step) => step.kind === 'run');
      if (run?.kind === 'run') Object.assign(run, { command: ['npm', 'install'], locked: false });
    });
    expect(violations).toEqual([expect.stringMatching(/install is not locked: npm install/)]);
  });

  it('a RUN without a role', () => {
    const violations = mutate((plan) =>
      findStage(plan, 'build').steps.push({ kind: 'run', command: ['true'], mounts: [] } as unknown as Step),
    );
    expect(violations).toEqual([
      'stage build: RUN true has no role (install, fetch, project-install, prune, build, system, setup)',
    ]);
  });

  it('a cache mount whose directory no env var pins', () => {
    const violations = mutate((plan) => {
      const env = findStage(plan, 'base').steps.find((step) => step.kind === 'env');
      if (env?.kind === 'env') delete env.vars.npm_config_cache;
    });
    expect(violations).toEqual([
      'stage deps: cache mount /root/.npm is not pinned by an env var',
      'stage prod-deps: cache mount /root/.npm is not pinned by an env var',
    ]);
  });

  it('a root user and a shell-less start', () => {
    const violations = mutate((plan) => {
      const runtime = findStage(plan, 'runtime');
      runtime.steps = runtime.steps
        .filter((step) => step.kind !== 'cmd')
        .map((step) => (step.kind === 'user' ? { kind: 'user', uid: 0 } : step));
    });
    expect(violations).toEqual([expect.stringMatching(/numeric non-root/), expect.stringMatching(/exec-form CMD/)]);
  });

  it('COPY --from and FROM naming a later or unknown stage', () => {
    const violations = mutate((plan) => {
      findStage(plan, 'deps').steps.unshift({
        kind: 'copy',
        role: 'artifact',
        from: 'build',
        sources: ['/x'],
        dest: './',
      });
      findStage(plan, 'base').from = { stage: 'nowhere' };
    });
    expect(violations).toEqual([
      'stage base: FROM nowhere is not an earlier stage',
      'stage deps: COPY --from=build is not an earlier stage',
    ]);
  });

  it('a secret-looking ENV or ARG', () => {
    const violations = mutate((plan) => {
      findStage(plan, 'deps').steps.unshift(
        { kind: 'arg', vars: { NPM_TOKEN: '' } },
        { kind: 'env', vars: { DB_PASSWORD: 'x' } },
      );
    });
    expect(violations).toEqual([
      expect.stringMatching(/ARG NPM_TOKEN looks like a secret/),
      expect.stringMatching(/ENV DB_PASSWORD/),
    ]);
  });

  it('a runtime that copies from the deps stage (dev dependencies)', () => {
    const violations = mutate((plan) =>
      findStage(plan, 'runtime').steps.unshift({
        kind: 'copy',
        role: 'dependencies',
        from: 'deps',
        sources: ['/workspace/node_modules'],
        dest: './node_modules',
      }),
    );
    expect(violations).toEqual([expect.stringMatching(/dev dependencies would ship/)]);
  });

  it('a cache mount over a directory an earlier step filled in its layer (Go modules, Cargo target dir)', () => {
    const go = planGoRecipe(withSettings(goProfile, compiledOptions));
    const build = findStage(go, 'build').steps.find((step) => step.kind === 'run')!;
    if (build.kind === 'run') build.mounts.push({ type: 'cache', target: '/go/pkg/mod' });
    expect(validatePlan(go)).toEqual([
      'stage build: cache mount /go/pkg/mod hides /go/pkg/mod, which an earlier step filled in its layer',
    ]);
    const rust = planRustRecipe(withSettings(rustProfile, compiledOptions));
    const deps = findStage(rust, 'deps');
    const compile = deps.steps.filter((step) => step.kind === 'run').at(-1)!;
    if (compile.kind === 'run') compile.mounts.push({ type: 'cache', target: '/usr/local/cargo/registry' });
    expect(validatePlan(rust)).toEqual([
      'stage deps: cache mount /usr/local/cargo/registry hides /usr/local/cargo/registry, which an earlier step filled in its layer',
    ]);
  });
});

describe('planProject', () => {
  it('returns the validated plan', () => {
    expect(planProject(withSettings(ordersProfile, defaultOptions)).project).toBe('orders');
  });

  it('refuses an unknown language with the project name', () => {
    const profile = { ...ordersProfile, language: 'cobol' } as unknown as NodeProfile;
    expect(() => planProject(withSettings(profile, defaultOptions))).toThrow(
      /no recipe for language cobol \(project orders\)/,
    );
  });
});
