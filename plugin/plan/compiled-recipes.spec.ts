import { describe, expect, it } from 'vitest';
import type { BuildPlan, GoProfile, RustProfile, Step } from '../types';
import versions from '../versions.json';
import {
  compiledOptions,
  goCgoProfile,
  goPcapProfile,
  goProfile,
  goWorkspaceProfile,
  rustMemberPqProfile,
  rustMemberProfile,
  rustProfile,
  rustWorkspaceProfile,
} from './__fixtures__/compiled-profiles';
import { findStage, runSteps } from './__fixtures__/plan-queries';
import { planProject } from './plan-project';
import { validatePlan } from './validate-plan';
import { planGoRecipe } from '../languages/go/plan-go-recipe';
import { planRustRecipe } from '../languages/rust/plan-rust-recipe';
import { withSettings } from '../detect/service-settings';

const PLANS: [string, () => BuildPlan][] = [
  ['go static', () => planGoRecipe(withSettings(goProfile, compiledOptions))],
  ['go cgo + go.work + closure', () => planGoRecipe(withSettings(goCgoProfile, compiledOptions))],
  ['go workspace mode', () => planGoRecipe(withSettings(goWorkspaceProfile, compiledOptions))],
  ['go cgo with libpcap (slim runtime)', () => planGoRecipe(withSettings(goPcapProfile, compiledOptions))],
  ['rust package', () => planRustRecipe(withSettings(rustProfile, compiledOptions))],
  ['rust workspace', () => planRustRecipe(withSettings(rustWorkspaceProfile, compiledOptions))],
  ['rust member of a root workspace', () => planRustRecipe(withSettings(rustMemberProfile, compiledOptions))],
  ['rust with libpq (slim runtime)', () => planRustRecipe(withSettings(rustMemberPqProfile, compiledOptions))],
];

describe('Go and Rust plans keep every invariant', () => {
  it.each(PLANS)('%s: validatePlan finds nothing, planProject accepts it', (_name, plan) => {
    expect(validatePlan(plan())).toEqual([]);
    const runtime = plan().stages.at(-1)!;
    expect(runtime.role).toBe('runtime');
    expect(runtime.steps).toContainEqual({
      kind: 'user',
      uid: versions.distroless.nonrootUid,
      gid: versions.distroless.nonrootUid,
    });
    // Only the binary enters the runtime.
    expect(runtime.steps.filter((step) => step.kind === 'copy')).toHaveLength(1);
  });

  it('dispatches go and rust profiles to their recipes', () => {
    expect(planProject(withSettings(goProfile, compiledOptions)).stages.map((s) => s.name)).toEqual([
      'base',
      'deps',
      'toolchain',
      'modules',
      'imports',
      'deps-build',
      'build',
      'runtime',
    ]);
    expect(planProject(withSettings(rustProfile, compiledOptions)).stages.map((s) => s.name)).toEqual([
      'base',
      'deps',
      'build',
      'runtime',
    ]);
  });
});

describe('validatePlan knows go and cargo', () => {
  const go = () => planGoRecipe(withSettings(goProfile, compiledOptions));
  const rust = () => planRustRecipe(withSettings(rustProfile, compiledOptions));

  it('flags TARGETARCH declared before the dependency download', () => {
    const plan = go();
    findStage(plan, 'deps').steps.unshift({ kind: 'arg', vars: { TARGETARCH: '' } });
    expect(validatePlan(plan)).toContainEqual(
      expect.stringMatching(/stage deps: a target-platform ARG is declared before the dependency download/),
    );
  });

  it('flags an unlocked cargo build and cargo fetch', () => {
    const plan = rust();
    for (const step of runSteps(findStage(plan, 'deps')))
      Object.assign(step, { command: step.command.map((part) => part.replace(/ --locked/g, '')), locked: false });
    const violations = validatePlan(plan);
    expect(violations).toContainEqual(expect.stringMatching(/stage deps: fetch is not locked: .*cargo fetch/));
    expect(violations).toContainEqual(
      expect.stringMatching(/stage deps: build is not locked: .*cargo build --release -p/),
    );
  });

  it('go mod download is locked by GOFLAGS=-mod=readonly, and an unlocked fetch is flagged', () => {
    const plan = go();
    const base = findStage(plan, 'base').steps.find((step) => step.kind === 'env') as Extract<
      Step,
      { vars: Record<string, string> }
    >;
    expect(base.vars.GOFLAGS).toBe('-mod=readonly');
    const [download] = runSteps(findStage(plan, 'deps'));
    expect(download).toMatchObject({
      role: 'fetch',
      locked: true,
    });
    expect(download.command.join(' ')).toMatch(/ go mod download && /);
    download.locked = false;
    expect(validatePlan(plan)).toContainEqual(
      expect.stringMatching(/stage deps: fetch is not locked: .*go mod download/),
    );
  });

  it('accepts cache mounts under $CARGO_HOME only for registry and git, and flags an unpinned one', () => {
    const plan = rust();
    runSteps(findStage(plan, 'deps'))[0].mounts.push(
      { type: 'cache', target: '/usr/local/cargo/bin' },
      { type: 'cache', target: '/root/.cache/go-build' },
    );
    expect(validatePlan(plan)).toEqual([
      'stage deps: cache mount /usr/local/cargo/bin is not pinned by an env var',
      'stage deps: cache mount /root/.cache/go-build is not pinned by an env var',
    ]);
  });

  it('flags a go.mod copied after the sources', () => {
    const plan = go();
    const build = findStage(plan, 'build');
    build.steps.push(
      { kind: 'copy', role: 'manifest', sources: ['apps/catalog-go/go.mod'], dest: './' },
      { kind: 'run', role: 'fetch', locked: true, command: ['go', 'mod', 'download'], mounts: [] },
    );
    expect(validatePlan(plan).join('\n')).toMatch(
      /stage build: manifest copy after a source copy[^]*stage build: install after a source copy/,
    );
  });

  it('profiles are plain data: planning does not mutate them', () => {
    const before = JSON.stringify([goProfile, rustProfile] satisfies [GoProfile, RustProfile]);
    planGoRecipe(withSettings(goProfile, compiledOptions));
    planRustRecipe(withSettings(rustProfile, compiledOptions));
    expect(JSON.stringify([goProfile, rustProfile])).toBe(before);
  });
});
