import { describe, expect, it } from 'vitest';
import type { Stage, Step } from '../types';
import versions from '../versions.json';
import {
  compiledOptions,
  goCgoProfile,
  goPcapProfile,
  goProfile,
  goWorkspaceProfile,
} from './__fixtures__/compiled-profiles';
import { findStage, indexOf, isTargetArg, runSteps } from './__fixtures__/plan-queries';
import { planGoRecipe } from '../languages/go/plan-go-recipe';
import { withSettings } from '../detect/service-settings';

describe('Go recipe', () => {
  const plan = planGoRecipe(withSettings(goProfile, compiledOptions));

  it('downloads modules from go.mod/go.sum alone, on $BUILDPLATFORM, into the layer (no cache mount on GOMODCACHE)', () => {
    expect(findStage(plan, 'base')).toMatchObject({
      platform: '$BUILDPLATFORM',
      from: { image: 'golang', tag: '1.26-bookworm' },
    });
    const deps = findStage(plan, 'deps');
    expect(deps.steps[0]).toEqual({
      kind: 'copy',
      role: 'manifest',
      sources: ['apps/catalog-go/go.mod', 'apps/catalog-go/go.sum'],
      dest: '/workspace/apps/catalog-go/',
    });
    const [download] = runSteps(deps);
    expect(download.command.join(' ')).toMatch(/go mod download$/);
    expect(download.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
    expect(download.layers).toEqual(['/go/pkg/mod']);
  });

  it('lists the imported non-workspace packages from the sources, and compiles them in a stage that copies only that list', () => {
    const imports = findStage(plan, 'imports');
    expect(imports.from).toEqual({ stage: 'deps' });
    expect(
      imports.steps.filter((step) => step.kind === 'copy').map((step) => step.kind === 'copy' && step.sources),
    ).toEqual([['apps/catalog-go/']]);
    const [list] = runSteps(imports);
    expect(list.command[2]).toMatch(
      /CGO_ENABLED=0 GOOS=\$TARGETOS GOARCH=\$TARGETARCH go list -deps -f '\{\{if \.Standard\}\}.*not \.Module\.Main.*' \. > \/imports\/third-party\.txt$/,
    );
    const depsBuild = findStage(plan, 'deps-build');
    expect(depsBuild.from).toEqual({ stage: 'deps' });
    const copies = depsBuild.steps.filter((step) => step.kind === 'copy');
    expect(copies).toEqual([expect.objectContaining({ from: 'imports', sources: ['/imports/third-party.txt'] })]);
    const [compile] = runSteps(depsBuild);
    expect(compile.command[2]).toContain(
      'CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH xargs -r go build -trimpath <',
    );
    expect(compile.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
    expect(compile.layers).toEqual(['/root/.cache/go-build']);
    expect(findStage(plan, 'build').from).toEqual({ stage: 'deps-build' });
  });

  it('declares TARGETOS/TARGETARCH after the download, then cross-compiles a stripped, reproducible binary', () => {
    const build = findStage(plan, 'build');
    expect(indexOf(build, isTargetArg)).toBe(0);
    expect(indexOf(findStage(plan, 'deps'), isTargetArg)).toBe(-1);
    const [compile] = runSteps(build);
    expect(compile.command[2]).toContain(
      'CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -ldflags="-s -w -buildid=" -o /out/catalog-go .',
    );
    // GOMODCACHE and GOCACHE come from the deps layers: a cache mount there would hide them.
    expect(compile.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
  });

  it('runs on distroless static with a self-probing HEALTHCHECK and an exec-form ENTRYPOINT', () => {
    const runtime = findStage(plan, 'runtime');
    expect(runtime.from).toEqual({ image: 'gcr.io/distroless/static-debian12', tag: '' });
    expect(runtime.steps).toContainEqual({ kind: 'healthcheck', command: ['/app/catalog-go', '-healthcheck'] });
    expect(runtime.steps).toContainEqual({ kind: 'entrypoint', argv: ['/app/catalog-go'] });
  });

  it('with cgo: builds on the target platform for a glibc runtime; go.work is switched off; the closure is copied before the project', () => {
    const cgo = planGoRecipe(withSettings(goCgoProfile, compiledOptions));
    expect(findStage(cgo, 'base').platform).toBeUndefined();
    expect(findStage(cgo, 'base').steps).toContainEqual(
      expect.objectContaining({ kind: 'env', vars: expect.objectContaining({ GOWORK: 'off' }) }),
    );
    expect(findStage(cgo, 'deps').steps[0]).toMatchObject({ sources: ['apps/svc/go.mod'] });
    expect(runSteps(findStage(cgo, 'build'))[0].command[2]).toContain('CGO_ENABLED=1');
    // The same CGO_ENABLED in the list and the dependency compile: the build cache keys match.
    expect(runSteps(findStage(cgo, 'imports'))[0].command[2]).toContain('CGO_ENABLED=1');
    expect(runSteps(findStage(cgo, 'deps-build'))[0].command[2]).toContain('CGO_ENABLED=1');
    expect(
      findStage(cgo, 'build')
        .steps.filter((step) => step.kind === 'copy')
        .map((step) => step.kind === 'copy' && step.sources),
    ).toEqual([['libs/proto/'], ['apps/svc/']]);
    expect(findStage(cgo, 'runtime').from).toEqual({ image: versions.go.images.runtimeCgo, tag: '' });
    expect(findStage(cgo, 'runtime').steps.some((step) => step.kind === 'healthcheck')).toBe(false);
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
    expect(copies(findStage(plan, 'deps'))).toEqual([
      [['go.work', 'go.work.sum'], '/workspace/'],
      [['apps/other/go.mod'], '/workspace/apps/other/'],
      [['libs/money/go.mod', 'libs/money/go.sum'], '/workspace/libs/money/'],
      [['apps/api/go.mod', 'apps/api/go.sum'], '/workspace/apps/api/'],
    ]);
    expect(findStage(plan, 'base').steps).not.toContainEqual(
      expect.objectContaining({ vars: expect.objectContaining({ GOWORK: 'off' }) }),
    );
  });

  it('copies the sources of the modules the service uses, not of the others', () => {
    expect(copies(findStage(plan, 'build'))).toEqual([
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

describe('Go recipe: cgo libraries', () => {
  it('libpcap: libpcap-dev in the build, libpcap0.8 on a Debian slim runtime (distroless cc lacks it)', () => {
    const plan = planGoRecipe(withSettings(goPcapProfile, compiledOptions));
    expect(runSteps(findStage(plan, 'base'))[0].command[2]).toMatch(/install -y --no-install-recommends libpcap-dev$/);
    expect(findStage(plan, 'runtime').from).toEqual({ image: 'debian', tag: 'bookworm-slim' });
    expect(runSteps(findStage(plan, 'runtime'))[0].command[2]).toMatch(
      /install -y --no-install-recommends ca-certificates libpcap0\.8 tzdata$/,
    );
    expect(plan.notes.join('\n')).toMatch(/cgo library: the service imports github.com\/google\/gopacket\/pcap/);
  });
});
