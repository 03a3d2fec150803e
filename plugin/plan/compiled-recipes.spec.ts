import { describe, expect, it } from 'vitest';
import type { BuildPlan, GoProfile, RustProfile, Stage, Step } from '../types';
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
import { planProject } from './plan-project';
import { validatePlan } from './validate-plan';
import { planGoRecipe } from '../languages/go/plan-go-recipe';
import { planRustRecipe } from '../languages/rust/plan-rust-recipe';
import { withSettings } from '../detect/service-settings';

const stage = (plan: BuildPlan, name: string): Stage => plan.stages.find((candidate) => candidate.name === name)!;
const runs = (s: Stage) => s.steps.filter((step): step is Extract<Step, { kind: 'run' }> => step.kind === 'run');
const indexOf = (s: Stage, match: (step: Step) => boolean) => s.steps.findIndex(match);
const isTargetArg = (step: Step) =>
  step.kind === 'arg' && Object.keys(step.vars).some((key) => key.startsWith('TARGET'));

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

describe('Go recipe', () => {
  const plan = planGoRecipe(withSettings(goProfile, compiledOptions));

  it('downloads modules from go.mod/go.sum alone, on $BUILDPLATFORM, into the layer (no cache mount on GOMODCACHE)', () => {
    expect(stage(plan, 'base')).toMatchObject({
      platform: '$BUILDPLATFORM',
      from: { image: 'golang', tag: '1.26-bookworm' },
    });
    const deps = stage(plan, 'deps');
    expect(deps.steps[0]).toEqual({
      kind: 'copy',
      role: 'manifest',
      sources: ['apps/catalog-go/go.mod', 'apps/catalog-go/go.sum'],
      dest: '/workspace/apps/catalog-go/',
    });
    const [download] = runs(deps);
    expect(download.command.join(' ')).toMatch(/go mod download$/);
    expect(download.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
  });

  it('lists the imported third-party packages from the sources, and compiles them in a stage that copies only that list', () => {
    const imports = stage(plan, 'imports');
    expect(imports.from).toEqual({ stage: 'deps' });
    expect(
      imports.steps.filter((step) => step.kind === 'copy').map((step) => step.kind === 'copy' && step.sources),
    ).toEqual([['apps/catalog-go/']]);
    const [list] = runs(imports);
    expect(list.command[2]).toMatch(
      /CGO_ENABLED=0 GOOS=\$TARGETOS GOARCH=\$TARGETARCH go list -deps -f '.*not \.Module\.Main.*' \. > \/imports\/third-party\.txt$/,
    );
    const depsBuild = stage(plan, 'deps-build');
    expect(depsBuild.from).toEqual({ stage: 'deps' });
    const copies = depsBuild.steps.filter((step) => step.kind === 'copy');
    expect(copies).toEqual([expect.objectContaining({ from: 'imports', sources: ['/imports/third-party.txt'] })]);
    const [compile] = runs(depsBuild);
    expect(compile.command[2]).toContain(
      'CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH xargs -r go build -trimpath <',
    );
    expect(compile.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
    expect(stage(plan, 'build').from).toEqual({ stage: 'deps-build' });
  });

  it('declares TARGETOS/TARGETARCH after the download, then cross-compiles a stripped, reproducible binary', () => {
    const build = stage(plan, 'build');
    expect(indexOf(build, isTargetArg)).toBe(0);
    expect(indexOf(stage(plan, 'deps'), isTargetArg)).toBe(-1);
    const [compile] = runs(build);
    expect(compile.command[2]).toContain(
      'CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -ldflags="-s -w -buildid=" -o /out/catalog-go .',
    );
    // GOMODCACHE and GOCACHE come from the deps layers: a cache mount there would hide them.
    expect(compile.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
  });

  it('runs on distroless static with a self-probing HEALTHCHECK and an exec-form ENTRYPOINT', () => {
    const runtime = stage(plan, 'runtime');
    expect(runtime.from).toEqual({ image: 'gcr.io/distroless/static-debian12', tag: '' });
    expect(runtime.steps).toContainEqual({ kind: 'healthcheck', command: ['/app/catalog-go', '-healthcheck'] });
    expect(runtime.steps).toContainEqual({ kind: 'entrypoint', argv: ['/app/catalog-go'] });
  });

  it('with cgo: builds on the target platform for a glibc runtime; go.work is switched off; the closure is copied before the project', () => {
    const cgo = planGoRecipe(withSettings(goCgoProfile, compiledOptions));
    expect(stage(cgo, 'base').platform).toBeUndefined();
    expect(stage(cgo, 'base').steps).toContainEqual(
      expect.objectContaining({ kind: 'env', vars: expect.objectContaining({ GOWORK: 'off' }) }),
    );
    expect(stage(cgo, 'deps').steps[0]).toMatchObject({ sources: ['apps/svc/go.mod'] });
    expect(runs(stage(cgo, 'build'))[0].command[2]).toContain('CGO_ENABLED=1');
    // The same CGO_ENABLED in the list and the dependency compile: the build cache keys match.
    expect(runs(stage(cgo, 'imports'))[0].command[2]).toContain('CGO_ENABLED=1');
    expect(runs(stage(cgo, 'deps-build'))[0].command[2]).toContain('CGO_ENABLED=1');
    expect(
      stage(cgo, 'build')
        .steps.filter((step) => step.kind === 'copy')
        .map((step) => step.kind === 'copy' && step.sources),
    ).toEqual([['libs/proto/'], ['apps/svc/']]);
    expect(stage(cgo, 'runtime').from).toEqual({ image: versions.go.images.runtimeCgo, tag: '' });
    expect(stage(cgo, 'runtime').steps.some((step) => step.kind === 'healthcheck')).toBe(false);
    expect(cgo.notes.join('\n')).toMatch(/No HEALTHCHECK: gcr.io\/distroless\/cc-debian12 has no shell/);
  });
});

describe('Go recipe: local modules', () => {
  const plan = planGoRecipe(withSettings(goWorkspaceProfile, compiledOptions));
  const copies = (s: Stage) =>
    s.steps
      .filter((step): step is Extract<Step, { kind: 'copy' }> => step.kind === 'copy')
      .map((step) => [step.sources, step.dest]);

  it("copies go.work, every local module's go.mod/go.sum and the service's before the download, no source", () => {
    expect(copies(stage(plan, 'deps'))).toEqual([
      [['go.work', 'go.work.sum'], '/workspace/'],
      [['apps/other/go.mod'], '/workspace/apps/other/'],
      [['libs/money/go.mod', 'libs/money/go.sum'], '/workspace/libs/money/'],
      [['apps/api/go.mod', 'apps/api/go.sum'], '/workspace/apps/api/'],
    ]);
    expect(stage(plan, 'base').steps).not.toContainEqual(
      expect.objectContaining({ vars: expect.objectContaining({ GOWORK: 'off' }) }),
    );
  });

  it('copies the sources of the modules the service uses, not of the others', () => {
    expect(copies(stage(plan, 'build'))).toEqual([
      [['libs/money/'], '/workspace/libs/money/'],
      [['apps/api/'], '/workspace/apps/api/'],
    ]);
    expect(plan.ignore).toEqual(
      expect.arrayContaining(['!go.work', '!go.work.sum', '!apps/other/go.mod', '!libs/money', '!apps/api']),
    );
    expect(plan.ignore).not.toContain('!apps/other');
    expect(plan.notes.join('\n')).toMatch(/Workspace mode: go.work lists this module/);
  });
});

describe('Rust recipe', () => {
  const plan = planRustRecipe(withSettings(rustProfile, compiledOptions));

  it('fetches with --locked before TARGETPLATFORM, then compiles dependencies against stub sources before any source copy', () => {
    const deps = stage(plan, 'deps');
    expect(deps.steps[0]).toEqual({
      kind: 'copy',
      role: 'manifest',
      sources: ['apps/search-rust/Cargo.toml', 'apps/search-rust/Cargo.lock'],
      dest: '/workspace/apps/search-rust/',
    });
    const [stubs, fetch, dependencies] = runs(deps);
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
    expect(
      deps.steps.some(
        (step) => step.kind === 'copy' && step.sources.some((source) => !/Cargo\.(toml|lock)$/.test(source)),
      ),
    ).toBe(false);
  });

  it('touches the real sources, builds with --locked on the target dir of the deps layer and copies the binary out', () => {
    const [build] = runs(stage(plan, 'build'));
    expect(build.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
    expect(build.command[2]).toMatch(
      /find \. -name '\*\.rs' .*-exec touch \{\} \+ && cargo build --release --locked .* && cp "\$CARGO_TARGET_DIR\/release\/search-rust" \/out\/search-rust$/,
    );
    expect(stage(plan, 'runtime').from).toEqual({ image: 'gcr.io/distroless/cc-debian12', tag: '' });
  });

  it('stubs every workspace member: libraries empty, binaries with main', () => {
    const ws = planRustRecipe(withSettings(rustWorkspaceProfile, compiledOptions));
    const deps = stage(ws, 'deps');
    expect(
      deps.steps.filter((step) => step.kind === 'copy').map((step) => step.kind === 'copy' && step.sources),
    ).toEqual([
      ['apps/engine/Cargo.toml', 'apps/engine/Cargo.lock'],
      ['apps/engine/crates/core/Cargo.toml'],
      ['apps/engine/crates/server/Cargo.toml'],
      ['apps/engine/tools/gen/Cargo.toml'],
    ]);
    const script = runs(deps)[0].command[2];
    expect(script).toContain('mkdir -p crates/core/src && : > crates/core/src/lib.rs');
    expect(script).toContain("mkdir -p crates/server/src && echo 'fn main() {}' > crates/server/src/server.rs");
    expect(script).toContain('mkdir -p tools/gen/src && : > tools/gen/src/gen.rs');
    expect(runs(deps)[2].command[2]).toContain('cargo build --release --locked -p engine-server --bin engine');
    expect(runs(stage(ws, 'build'))[0].command[2]).toContain('find crates/core crates/server tools/gen -name');
    expect(stage(ws, 'runtime').steps.some((step) => step.kind === 'expose' || step.kind === 'healthcheck')).toBe(
      false,
    );
  });
});

describe('validatePlan knows go and cargo', () => {
  const go = () => planGoRecipe(withSettings(goProfile, compiledOptions));
  const rust = () => planRustRecipe(withSettings(rustProfile, compiledOptions));

  it('flags TARGETARCH declared before the dependency download', () => {
    const plan = go();
    stage(plan, 'deps').steps.unshift({ kind: 'arg', vars: { TARGETARCH: '' } });
    expect(validatePlan(plan)).toContainEqual(
      expect.stringMatching(/stage deps: a target-platform ARG is declared before the dependency download/),
    );
  });

  it('flags an unlocked cargo build and cargo fetch', () => {
    const plan = rust();
    for (const step of runs(stage(plan, 'deps')))
      Object.assign(step, { command: step.command.map((part) => part.replace(/ --locked/g, '')), locked: false });
    const violations = validatePlan(plan);
    expect(violations).toContainEqual(expect.stringMatching(/stage deps: fetch is not locked: .*cargo fetch/));
    expect(violations).toContainEqual(
      expect.stringMatching(/stage deps: build is not locked: .*cargo build --release -p/),
    );
  });

  it('go mod download is locked by GOFLAGS=-mod=readonly, and an unlocked fetch is flagged', () => {
    const plan = go();
    const base = stage(plan, 'base').steps.find((step) => step.kind === 'env') as Extract<Step, { kind: 'env' }>;
    expect(base.vars.GOFLAGS).toBe('-mod=readonly');
    const [download] = runs(stage(plan, 'deps'));
    expect(download).toMatchObject({
      role: 'fetch',
      locked: true,
      command: expect.arrayContaining(['go', 'mod', 'download']),
    });
    download.locked = false;
    expect(validatePlan(plan)).toContainEqual(
      expect.stringMatching(/stage deps: fetch is not locked: .*go mod download/),
    );
  });

  it('accepts cache mounts under $CARGO_HOME only for registry and git, and flags an unpinned one', () => {
    const plan = rust();
    runs(stage(plan, 'deps'))[0].mounts.push(
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
    const build = stage(plan, 'build');
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
