import { describe, expect, it } from 'vitest';
import type { Stage, Step } from '../types';
import {
  compiledOptions,
  rustMemberPqProfile,
  rustMemberProfile,
  rustProfile,
  rustWorkspaceProfile,
} from './__fixtures__/compiled-profiles';
import { findStage, indexOf, isTargetArg, runSteps } from './__fixtures__/plan-queries';
import { planRustRecipe } from '../languages/rust/plan-rust-recipe';
import { withSettings } from '../detect/service-settings';

describe('Rust recipe', () => {
  const plan = planRustRecipe(withSettings(rustProfile, compiledOptions));

  it('fetches with --locked before TARGETPLATFORM, then compiles dependencies against stub sources before any source copy', () => {
    const deps = findStage(plan, 'deps');
    expect(deps.steps[0]).toEqual({
      kind: 'copy',
      role: 'manifest',
      sources: ['apps/search-rust/Cargo.toml', 'apps/search-rust/Cargo.lock'],
      dest: '/workspace/apps/search-rust/',
    });
    const [stubs, fetch, dependencies] = runSteps(deps);
    expect(stubs).toEqual({
      kind: 'run',
      role: 'setup',
      command: ['/bin/sh', '-c', "mkdir -p src && echo 'fn main() {}' > src/main.rs"],
      mounts: [],
    });
    expect(fetch.command[2]).toMatch(/cargo fetch --locked$/);
    expect(indexOf(deps, isTargetArg)).toBeGreaterThan(deps.steps.indexOf(fetch));
    expect(dependencies.command[2]).toMatch(/; cargo build --release --locked -p search-rust --bin search-rust$/);
    // The registry and the target dir land in the layers, which a registry cache carries to a fresh runner.
    for (const run of [fetch, dependencies]) expect(run.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
    expect(fetch.layers).toEqual(['/usr/local/cargo/registry', '/usr/local/cargo/git']);
    expect(dependencies.layers).toEqual(['/workspace/target']);
    expect(
      deps.steps.some(
        (step) => step.kind === 'copy' && step.sources.some((source) => !/Cargo\.(toml|lock)$/.test(source)),
      ),
    ).toBe(false);
  });

  it('touches the real sources, builds with --locked on the target dir of the deps layer and copies the binary out', () => {
    const [build] = runSteps(findStage(plan, 'build'));
    expect(build.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
    expect(build.command[2]).toMatch(
      /find \. -name '\*\.rs' .*-exec touch \{\} \+ && cargo build --release --locked .* && cp "\$CARGO_TARGET_DIR\/release\/search-rust" \/out\/search-rust$/,
    );
    expect(findStage(plan, 'runtime').from).toEqual({ image: 'gcr.io/distroless/cc-debian12', tag: '' });
  });

  it('stubs every workspace member: libraries empty, binaries with main', () => {
    const ws = planRustRecipe(withSettings(rustWorkspaceProfile, compiledOptions));
    const deps = findStage(ws, 'deps');
    expect(
      deps.steps.filter((step) => step.kind === 'copy').map((step) => step.kind === 'copy' && step.sources),
    ).toEqual([
      ['apps/engine/Cargo.toml', 'apps/engine/Cargo.lock'],
      ['apps/engine/crates/core/Cargo.toml'],
      ['apps/engine/crates/server/Cargo.toml'],
      ['apps/engine/tools/gen/Cargo.toml'],
    ]);
    const script = runSteps(deps)[0].command[2];
    expect(script).toContain('mkdir -p crates/core/src && : > crates/core/src/lib.rs');
    expect(script).toContain("mkdir -p crates/server/src && echo 'fn main() {}' > crates/server/src/server.rs");
    expect(script).toContain('mkdir -p tools/gen/src && : > tools/gen/src/gen.rs');
    expect(runSteps(deps)[2].command[2]).toContain('cargo build --release --locked -p engine-server --bin engine');
    expect(runSteps(findStage(ws, 'build'))[0].command[2]).toContain('find crates/core crates/server tools/gen -name');
    expect(findStage(ws, 'runtime').steps.some((step) => step.kind === 'expose' || step.kind === 'healthcheck')).toBe(
      false,
    );
  });
});

describe('Rust recipe: one member of a monorepo-wide Cargo workspace', () => {
  const plan = planRustRecipe(withSettings(rustMemberProfile, compiledOptions));
  const copies = (s: Stage) =>
    s.steps
      .filter((step): step is Extract<Step, { kind: 'copy' }> => step.kind === 'copy')
      .map((step) => [step.sources, step.dest]);

  it('works at the workspace root, copies every member manifest, builds only the member', () => {
    expect(findStage(plan, 'base').steps[0]).toEqual({ kind: 'workdir', path: '/workspace' });
    expect(copies(findStage(plan, 'deps'))).toEqual([
      [['Cargo.toml', 'Cargo.lock'], '/workspace/'],
      [['apps/hasher/Cargo.toml'], '/workspace/apps/hasher/'],
      [['apps/other/Cargo.toml'], '/workspace/apps/other/'],
      [['libs/digest/Cargo.toml'], '/workspace/libs/digest/'],
    ]);
    const [stubs, , build] = runSteps(findStage(plan, 'deps'));
    expect(stubs.command[2]).toContain("echo 'fn main() {}' > libs/digest/build.rs");
    expect(build.command[2]).toContain('cargo build --release --locked -p hasher --bin hasher');
    expect(build.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
  });

  it('copies the sources of the member and its path dependencies only; the sibling is manifest-only', () => {
    expect(copies(findStage(plan, 'build'))).toEqual([
      [['libs/digest/'], '/workspace/libs/digest/'],
      [['apps/hasher/'], '/workspace/apps/hasher/'],
    ]);
    expect(plan.ignore).toEqual(
      expect.arrayContaining(['!Cargo.toml', '!Cargo.lock', '!apps/other/Cargo.toml', '!libs/digest', '!apps/hasher']),
    );
    expect(plan.ignore).not.toContain('!apps/other');
  });
});

describe('Rust recipe: system libraries', () => {
  const aptOf = (s: Stage) => runSteps(s).find((step) => step.command.join(' ').includes('apt-get install'));

  it('OpenSSL: the build stage installs pkg-config and libssl-dev; the runtime stays distroless cc (it has libssl3)', () => {
    const plan = planRustRecipe(withSettings(rustMemberProfile, compiledOptions));
    expect(aptOf(findStage(plan, 'base'))!.command[2]).toMatch(
      /apt-get install -y --no-install-recommends libssl-dev pkg-config$/,
    );
    expect(aptOf(findStage(plan, 'base'))!.mounts).toEqual(
      expect.arrayContaining([expect.objectContaining({ target: '/var/cache/apt', sharing: 'locked' })]),
    );
    expect(findStage(plan, 'runtime').from).toEqual({ image: 'gcr.io/distroless/cc-debian12', tag: '' });
    expect(aptOf(findStage(plan, 'runtime'))).toBeUndefined();
    expect(plan.notes.join('\n')).toMatch(/already holds libssl3/);
  });

  it('libpq: the runtime moves to Debian slim and installs exactly the runtime libraries, as uid 65532', () => {
    const plan = planRustRecipe(withSettings(rustMemberPqProfile, compiledOptions));
    expect(aptOf(findStage(plan, 'base'))!.command[2]).toMatch(
      /install -y --no-install-recommends libpq-dev libssl-dev pkg-config$/,
    );
    const runtime = findStage(plan, 'runtime');
    expect(runtime.from).toEqual({ image: 'debian', tag: 'bookworm-slim' });
    expect(aptOf(runtime)!.command[2]).toMatch(
      /install -y --no-install-recommends ca-certificates libpq5 libssl3 tzdata$/,
    );
    expect(runtime.steps).toContainEqual({ kind: 'user', uid: 65532, gid: 65532 });
    expect(plan.notes.join('\n')).toMatch(
      /Runtime debian:bookworm-slim instead of gcr.io\/distroless\/cc-debian12: distroless cc lacks libpq5/,
    );
  });

  it('no system library: no apt step anywhere', () => {
    const plan = planRustRecipe(withSettings(rustProfile, compiledOptions));
    expect(plan.stages.map(aptOf).filter(Boolean)).toEqual([]);
  });
});
