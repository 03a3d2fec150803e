import { describe, expect, it } from 'vitest';
import type { Stage, Step } from '../types';
import {
  compiledOptions,
  goPcapProfile,
  rustMemberPqProfile,
  rustMemberProfile,
  rustProfile,
} from './__fixtures__/compiled-profiles';
import { planGoRecipe } from '../languages/go/plan-go-recipe';
import { planRustRecipe } from '../languages/rust/plan-rust-recipe';
import { withSettings } from '../detect/service-settings';
import type { BuildPlan } from '../types';

const stage = (plan: BuildPlan, name: string): Stage => plan.stages.find((candidate) => candidate.name === name)!;
const runs = (s: Stage) => s.steps.filter((step): step is Extract<Step, { kind: 'run' }> => step.kind === 'run');

describe('Rust recipe: one member of a monorepo-wide Cargo workspace', () => {
  const plan = planRustRecipe(withSettings(rustMemberProfile, compiledOptions));
  const copies = (s: Stage) =>
    s.steps
      .filter((step): step is Extract<Step, { kind: 'copy' }> => step.kind === 'copy')
      .map((step) => [step.sources, step.dest]);

  it('works at the workspace root, copies every member manifest, builds only the member', () => {
    expect(stage(plan, 'base').steps[0]).toEqual({ kind: 'workdir', path: '/workspace' });
    expect(copies(stage(plan, 'deps'))).toEqual([
      [['Cargo.toml', 'Cargo.lock'], '/workspace/'],
      [['apps/hasher/Cargo.toml'], '/workspace/apps/hasher/'],
      [['apps/other/Cargo.toml'], '/workspace/apps/other/'],
      [['libs/digest/Cargo.toml'], '/workspace/libs/digest/'],
    ]);
    const [stubs, , build] = runs(stage(plan, 'deps'));
    expect(stubs.command[2]).toContain("echo 'fn main() {}' > libs/digest/build.rs");
    expect(build.command[2]).toContain('cargo build --release --locked -p hasher --bin hasher');
    expect(build.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
  });

  it('copies the sources of the member and its path dependencies only; the sibling is manifest-only', () => {
    expect(copies(stage(plan, 'build'))).toEqual([
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
  const aptOf = (s: Stage) => runs(s).find((step) => step.command.join(' ').includes('apt-get install'));

  it('OpenSSL: the build stage installs pkg-config and libssl-dev; the runtime stays distroless cc (it has libssl3)', () => {
    const plan = planRustRecipe(withSettings(rustMemberProfile, compiledOptions));
    expect(aptOf(stage(plan, 'base'))!.command[2]).toMatch(
      /apt-get install -y --no-install-recommends libssl-dev pkg-config$/,
    );
    expect(aptOf(stage(plan, 'base'))!.mounts).toEqual(
      expect.arrayContaining([expect.objectContaining({ target: '/var/cache/apt', sharing: 'locked' })]),
    );
    expect(stage(plan, 'runtime').from).toEqual({ image: 'gcr.io/distroless/cc-debian12', tag: '' });
    expect(aptOf(stage(plan, 'runtime'))).toBeUndefined();
    expect(plan.notes.join('\n')).toMatch(/already holds libssl3/);
  });

  it('libpq: the runtime moves to Debian slim and installs exactly the runtime libraries, as uid 65532', () => {
    const plan = planRustRecipe(withSettings(rustMemberPqProfile, compiledOptions));
    expect(aptOf(stage(plan, 'base'))!.command[2]).toMatch(
      /install -y --no-install-recommends libpq-dev libssl-dev pkg-config$/,
    );
    const runtime = stage(plan, 'runtime');
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

describe('Go recipe: cgo libraries', () => {
  it('libpcap: libpcap-dev in the build, libpcap0.8 on a Debian slim runtime (distroless cc lacks it)', () => {
    const plan = planGoRecipe(withSettings(goPcapProfile, compiledOptions));
    expect(runs(stage(plan, 'base'))[0].command[2]).toMatch(/install -y --no-install-recommends libpcap-dev$/);
    expect(stage(plan, 'runtime').from).toEqual({ image: 'debian', tag: 'bookworm-slim' });
    expect(runs(stage(plan, 'runtime'))[0].command[2]).toMatch(
      /install -y --no-install-recommends ca-certificates libpcap0\.8 tzdata$/,
    );
    expect(plan.notes.join('\n')).toMatch(/cgo library: the service imports github.com\/google\/gopacket\/pcap/);
  });
});
