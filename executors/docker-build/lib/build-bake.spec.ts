import { describe, expect, it } from 'vitest';
import { buildBakeArgs } from './build-bake-args';
import { buildBakeOverrides } from './build-bake-overrides';
import { formatSummary } from './format-summary';
import { resolveCache } from './resolve-cache';
import { toImageRefs, toTag } from './resolve-images';

const git = {
  sha: '0123456789abcdef0123',
  branch: 'feature/login',
  commitTime: 1_700_000_000,
  remoteUrl: 'https://example.com/acme.git',
};
const inventory = {
  project: '@acme/inventory',
  bakeTarget: 'acme-inventory',
  repository: 'acme-inventory',
  version: '1.4.0',
};

describe('image references', () => {
  it('fills tag templates, sanitises them and drops unknown values', () => {
    const refs = toImageRefs(
      inventory,
      { registry: 'ghcr.io/acme/', tags: ['{shortSha}', '{branch}', 'v{version}', '{nope}'] },
      git,
    );
    expect(refs).toEqual([
      'ghcr.io/acme/acme-inventory:0123456789ab',
      'ghcr.io/acme/acme-inventory:feature-login',
      'ghcr.io/acme/acme-inventory:v1.4.0',
    ]);
  });

  it('falls back to latest when git knows nothing', () => {
    expect(toImageRefs({ project: 'api', bakeTarget: 'api', repository: 'api' }, {}, {})).toEqual(['api:latest']);
  });

  it('drops a tag that sanitises to nothing (a branch named only in another script)', () => {
    const build = { project: 'api', bakeTarget: 'api', repository: 'api' };
    expect(toImageRefs(build, { tags: ['{branch}', '{shortSha}'] }, { branch: '日本語', sha: 'abcdef' })).toEqual([
      'api:abcdef',
    ]);
  });

  it('never produces an invalid tag', () => {
    expect(toTag('-feat/ÄÖ..x')).toBe('feat-..x');
  });
});

describe('cache specs', () => {
  const api = { repository: 'localhost:5000/api', name: 'api' };
  it('registry: one ref per image in its own repository, branch then default branch, export never fatal', () => {
    expect(resolveCache(api, { registry: 'localhost:5000', defaultBranch: 'main' }, git)).toEqual({
      from: [
        'type=registry,ref=localhost:5000/api:buildcache-feature-login',
        'type=registry,ref=localhost:5000/api:buildcache-main',
      ],
      to: [
        'type=registry,ref=localhost:5000/api:buildcache-feature-login,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true',
      ],
    });
  });

  it('registry without a registry says why it is off', () => {
    expect(resolveCache(api, {}, git).note).toMatch(/needs `registry` or `cacheRef`/);
  });

  it('gha, local, inline and none', () => {
    expect(resolveCache(api, { cache: 'gha' }, { branch: 'main' }).to).toEqual([
      'type=gha,scope=api-main,mode=max,ignore-error=true',
    ]);
    expect(resolveCache(api, { cache: 'local', cacheRef: '/tmp/c' }, git).from).toEqual(['type=local,src=/tmp/c/api']);
    expect(resolveCache(api, { cache: 'inline' }, git).to).toEqual(['type=inline']);
    expect(resolveCache(api, { cache: 'none' }, git)).toEqual({ from: [], to: [] });
  });
});

describe('bake overrides', () => {
  it('carries tags, cache, labels, reproducible time, platforms, secrets and attestations per target', () => {
    const file = buildBakeOverrides(
      [inventory],
      {
        registry: 'localhost:5000',
        platforms: ['linux/amd64', 'linux/arm64'],
        secrets: ['id=ca-certificates,src=/etc/ssl/certs/ca-certificates.crt'],
        buildArgs: { FLAVOUR: 'x' },
        sbom: true,
        provenance: 'max',
        sourceDateEpoch: true,
      },
      git,
    );
    const target = file.target['acme-inventory'];
    expect(file.group.default.targets).toEqual(['acme-inventory']);
    expect(target.tags).toEqual([
      'localhost:5000/acme-inventory:0123456789ab',
      'localhost:5000/acme-inventory:feature-login',
    ]);
    expect(target.args).toEqual({ SOURCE_DATE_EPOCH: '1700000000', FLAVOUR: 'x' });
    expect(target.labels).toMatchObject({
      'org.opencontainers.image.revision': git.sha,
      'org.opencontainers.image.source': git.remoteUrl,
      'org.opencontainers.image.created': '2023-11-14T22:13:20.000Z',
      'org.opencontainers.image.version': '1.4.0',
    });
    expect(target['cache-from']).toEqual([
      'type=registry,ref=localhost:5000/acme-inventory:buildcache-feature-login',
      'type=registry,ref=localhost:5000/acme-inventory:buildcache-main',
    ]);
    expect(target.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(target.secret).toEqual(['id=ca-certificates,src=/etc/ssl/certs/ca-certificates.crt']);
    expect(target.attest).toEqual(['type=sbom', 'type=provenance,mode=max']);
  });
});

it('keeps SOURCE_DATE_EPOCH out unless asked: it would make every commit a cache miss', () => {
  expect(buildBakeOverrides([inventory], { buildArgs: { A: '1' } }, git).target['acme-inventory'].args).toEqual({
    A: '1',
  });
});

describe('bake argv', () => {
  const run = {
    bakeFile: 'docker-bake.json',
    overridesFile: '/tmp/o.json',
    metadataFile: '/tmp/m.json',
    targets: ['a', 'b'],
  };

  it('always names its files, so no compose file is merged', () => {
    expect(buildBakeArgs(run, { push: true, builder: 'remote' })).toEqual([
      'buildx',
      'bake',
      '--file',
      'docker-bake.json',
      '--file',
      '/tmp/o.json',
      '--builder',
      'remote',
      '--metadata-file',
      '/tmp/m.json',
      '--progress',
      'plain',
      '--push',
      'a',
      'b',
    ]);
  });

  it('grants bake read access to the files named as secrets, and only those', () => {
    const args = buildBakeArgs(
      {
        ...run,
        secrets: [
          'id=ca,src=/etc/ssl/ca.crt',
          'id=tok,env=TOKEN',
          'id=npmrc,source=/home/ci/.npmrc',
          'id=ca,src=/etc/ssl/ca.crt',
        ],
      },
      {},
    );
    expect(args.filter((a) => a.startsWith('--allow'))).toEqual([
      '--allow=fs.read=/etc/ssl/ca.crt',
      '--allow=fs.read=/home/ci/.npmrc',
    ]);
  });

  it('neither push nor load keeps the result in the cache only', () => {
    expect(buildBakeArgs(run, {})).toContain('*.output=type=cacheonly');
  });

  it('dry run prints the resolved definition', () => {
    expect(buildBakeArgs(run, { dryRun: true })).toEqual([
      'buildx',
      'bake',
      '--file',
      'docker-bake.json',
      '--file',
      '/tmp/o.json',
      '--print',
      'a',
      'b',
    ]);
  });
});

describe('summary', () => {
  it('lists each project with its image, digest, time and steps, then the failures', () => {
    const ok = {
      success: true,
      digest: 'sha256:0123456789abcdef0123',
      imageName: 'reg/a:1',
      seconds: 12.34,
      progress: { cached: 9, executed: 3, seconds: 8, errors: [] },
    };
    const bad = {
      success: false,
      seconds: 2,
      progress: { cached: 1, executed: 0, seconds: 0, errors: ['exit code: 2'] },
    };
    const text = formatSummary([
      { project: 'a', outcome: ok, images: [] },
      { project: 'broken', outcome: bad, images: ['reg/broken:1'] },
    ]);
    expect(text).toContain('1 image(s) built, 1 failed');
    expect(text).toMatch(/a\s+reg\/a:1\s+sha256:0123456789ab…\s+12\.3s\s+3 run, 9 cached/);
    expect(text).toMatch(/broken\s+FAILED/);
    expect(text).toContain('broken: exit code: 2');
  });

  it('a dry run says nothing was built', () => {
    const printed = { success: true, seconds: 0.4, progress: { cached: 0, executed: 0, seconds: 0, errors: [] } };
    const text = formatSummary([{ project: 'a', outcome: printed, images: ['reg/a:1'] }], { dryRun: true });
    expect(text).toContain('dry run, nothing built: 1 target(s) resolved, 0 failed');
    expect(text).not.toMatch(/image\(s\) built/);
  });
});
