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
import { toSlimToolchainImage } from '../languages/go/slim-toolchain';
import { withSettings } from '../detect/service-settings';

describe('Go recipe', () => {
  const plan = planGoRecipe(withSettings(goProfile, compiledOptions));

  it('downloads modules from go.mod/go.sum alone, on $BUILDPLATFORM, into the layer (no cache mount on GOMODCACHE)', () => {
    expect(findStage(plan, 'base')).toMatchObject({
      platform: '$BUILDPLATFORM',
      from: { image: 'golang', tag: '1.26-bookworm' },
    });
    const deps = findStage(plan, 'deps');
    expect(deps.steps[0]).toEqual({ kind: 'workdir', path: '/workspace/apps/catalog-go' });
    expect(deps.steps[1]).toEqual({
      kind: 'copy',
      role: 'manifest',
      sources: ['apps/catalog-go/go.mod', 'apps/catalog-go/go.sum'],
      dest: '/workspace/apps/catalog-go/',
    });
    const [download] = runSteps(deps);
    // The zips go in the download's own layer: the go command builds from the extracted tree.
    expect(download.command[2]).toMatch(
      /go mod download && find \/go\/pkg\/mod\/cache\/download -type f -name '\*\.zip' -delete$/,
    );
    expect(download.mounts.filter((mount) => mount.type === 'cache')).toEqual([]);
    expect(download.layers).toEqual(['/go/pkg/mod']);
  });

  it('lists the imported non-workspace packages from the sources, and compiles them in a stage that copies only that list', () => {
    const imports = findStage(plan, 'imports');
    expect(imports.from).toEqual({ stage: 'modules' });
    expect(
      imports.steps.filter((step) => step.kind === 'copy').map((step) => step.kind === 'copy' && step.sources),
    ).toEqual([['apps/catalog-go/']]);
    const [list] = runSteps(imports);
    expect(list.command[2]).toMatch(
      /CGO_ENABLED=0 GOOS=\$TARGETOS GOARCH=\$TARGETARCH go list -deps -f '\{\{if \.Standard\}\}.*not \.Module\.Main.*' \. > \/imports\/third-party\.txt$/,
    );
    const depsBuild = findStage(plan, 'deps-build');
    expect(depsBuild.from).toEqual({ stage: 'modules' });
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

  it('without cgo, imports/deps-build/build descend from Debian slim with Go and the module tree, not from the golang image', () => {
    expect(findStage(plan, 'toolchain')).toEqual({
      name: 'toolchain',
      role: 'base',
      purpose: expect.stringContaining('without its C compilers and git'),
      from: { image: 'debian', tag: 'bookworm-slim' },
      platform: '$BUILDPLATFORM',
      steps: [
        {
          kind: 'copy',
          role: 'tool',
          from: 'base',
          sources: ['/usr/local/go'],
          dest: '/usr/local/go',
          link: true,
          exclude: ['test', 'api', '**/testdata', '**/*_test.go'],
        },
        {
          kind: 'copy',
          role: 'tool',
          from: 'base',
          sources: ['/etc/ssl/certs/ca-certificates.crt'],
          dest: '/etc/ssl/certs/ca-certificates.crt',
          link: true,
        },
        {
          kind: 'env',
          vars: {
            PATH: '/go/bin:/usr/local/go/bin:$PATH',
            GOPATH: '/go',
            GOMODCACHE: '/go/pkg/mod',
            GOCACHE: '/root/.cache/go-build',
            GOTOOLCHAIN: 'local',
            GOFLAGS: '-mod=readonly',
          },
        },
      ],
    });
    // No WORKDIR in base: the toolchain's copy is keyed by the golang image alone.
    expect(findStage(plan, 'base').steps.map((step) => step.kind)).toEqual(['env']);
    const modules = findStage(plan, 'modules');
    expect(modules.from).toEqual({ stage: 'toolchain' });
    expect(modules.steps).toEqual([
      expect.objectContaining({
        kind: 'copy',
        from: 'deps',
        sources: ['/go/pkg/mod'],
        dest: '/go/pkg/mod',
        link: true,
        exclude: ['**/*_test.go'],
      }),
      expect.objectContaining({
        kind: 'copy',
        from: 'deps',
        sources: ['/workspace/'],
        dest: '/workspace/',
        link: true,
      }),
      { kind: 'workdir', path: '/workspace/apps/catalog-go' },
    ]);
    expect(plan.notes.join('\n')).toMatch(/Slim toolchain: only deps runs on golang:1\.26-bookworm/);
  });

  it('a go.work that does not list the module: GOWORK=off in the toolchain too, where go list and go build run', () => {
    const off = planGoRecipe(
      withSettings({ ...goCgoProfile, cgo: { value: false, source: 'options.cgo' } }, compiledOptions),
    );
    expect(findStage(off, 'toolchain').steps).toContainEqual(
      expect.objectContaining({ kind: 'env', vars: expect.objectContaining({ GOWORK: 'off', GOPATH: '/go' }) }),
    );
  });

  it('keeps every stage on the golang image when the tag names no Debian release, or cgo needs a C toolchain', () => {
    const golang = { image: 'golang', tag: '1.26-bookworm' };
    expect(toSlimToolchainImage(goProfile, golang)).toEqual({ image: 'debian', tag: 'bookworm-slim' });
    expect(toSlimToolchainImage(goProfile, { image: 'golang', tag: '1.26-trixie' })).toEqual({
      image: 'debian',
      tag: 'trixie-slim',
    });
    expect(toSlimToolchainImage(goProfile, { image: 'golang', tag: '1.26-alpine3.22' })).toBeUndefined();
    expect(toSlimToolchainImage(goProfile, { image: 'golang', tag: '1.26' })).toBeUndefined();
    expect(toSlimToolchainImage(goCgoProfile, golang)).toBeUndefined();
    // cgo forced off, yet a cgo library's headers in the build stage: the golang image stays.
    const pcapOff = { ...goPcapProfile, cgo: { value: false, source: 'options.cgo' } };
    expect(toSlimToolchainImage(pcapOff, golang)).toBeUndefined();
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
    expect(cgo.stages.map((stage) => stage.name)).toEqual([
      'base',
      'deps',
      'imports',
      'deps-build',
      'build',
      'runtime',
    ]);
    expect(runSteps(findStage(cgo, 'deps'))[0].command).toEqual([
      'env',
      'SSL_CERT_DIR=/etc/ssl/certs:/run/secrets',
      'go',
      'mod',
      'download',
    ]);
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
