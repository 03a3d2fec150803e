import { describe, expect, it } from 'vitest';
import { explainImageReference } from '../../../plugin/bake';
import { formatImageRef, parseImageRef } from '../../../plugin/plan/image-ref';
import { explainCacheRef, toBranchTagPart, toCacheRef, toCacheRefTemplate } from './cache-ref';
import { resolveCache } from './resolve-cache';

const LONG = `feature/${'x'.repeat(292)}`; // 300 characters
const BRANCHES = [
  'main',
  'feature/ABC_12',
  'fix/ünïcödé-名前',
  '日本語',
  LONG,
  `${LONG.slice(0, 299)}y`,
  '.hidden',
  '-dash',
  'release/1.2.x',
  'a+b@c#d',
  'dependabot/npm_and_yarn/apps/orders/lodash-4.17.21',
];
const IMAGES = [
  { repository: 'localhost:5000/orders', name: 'orders' },
  { repository: 'docker.io/acme/orders', name: 'orders' },
  { repository: 'ghcr.io/acme/orders', name: 'orders' },
  { repository: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders', name: 'orders' },
  { repository: 'europe-docker.pkg.dev/acme-prod/images/team/orders', name: 'team/orders' },
];
const CACHE_REFS = [
  undefined,
  'registry.internal:5000/cache',
  'ghcr.io/acme/{image}',
  '123456789012.dkr.ecr.eu-west-1.amazonaws.com/build-cache:{image}-{branch}',
  'localhost:5000/{image}:cache-{branch}',
  'ghcr.io/acme/{image}-cache',
  '{branch}-never-here/{image}', // rejected by explainCacheRef, skipped below
];

/** Every generated ref must satisfy Docker's grammar and survive the project's parser unchanged. */
function expectValidRoundTrip(ref: string): void {
  expect(explainImageReference(ref), ref).toBeUndefined();
  const parsed = parseImageRef(ref);
  expect(formatImageRef(parsed)).toBe(ref);
  expect(parsed.tag.length, ref).toBeGreaterThan(0);
  expect(parsed.tag.length, ref).toBeLessThanOrEqual(128);
  expect(parsed.tag, ref).toMatch(/^[\w][\w.-]{0,127}$/);
}

describe('registry cache refs against the reference grammar', () => {
  for (const image of IMAGES)
    for (const cacheRef of CACHE_REFS)
      it(`${image.repository} with cacheRef ${cacheRef ?? '(default)'}: every branch gives a valid ref`, () => {
        if (cacheRef !== undefined && explainCacheRef(cacheRef, image.repository, image.name)) return;
        const template = toCacheRefTemplate(image.repository, cacheRef);
        for (const branch of BRANCHES) expectValidRoundTrip(toCacheRef(template, image.name, branch));
      });

  it('default: the image repository, the branch in a buildcache- tag (one repository per image)', () => {
    const { from, to } = resolveCache(IMAGES[1], { registry: 'docker.io/acme' }, { branch: 'feature/ABC_12' });
    expect(from).toEqual([
      'type=registry,ref=docker.io/acme/orders:buildcache-feature-ABC_12',
      'type=registry,ref=docker.io/acme/orders:buildcache-main',
    ]);
    expect(to).toEqual([
      'type=registry,ref=docker.io/acme/orders:buildcache-feature-ABC_12,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true',
    ]);
    // Docker Hub: <namespace>/<repository>, no third path component.
    expect(parseImageRef(from[0].slice('type=registry,ref='.length)).image.split('/')).toHaveLength(3);
  });

  it('on the default branch, one ref only', () => {
    expect(resolveCache(IMAGES[0], { registry: 'localhost:5000' }, { branch: 'main' }).from).toEqual([
      'type=registry,ref=localhost:5000/orders:buildcache-main',
    ]);
  });

  it('cacheRef without {image} is a repository prefix (its old meaning), without a tag gets buildcache-', () => {
    expect(toCacheRefTemplate('ghcr.io/acme/orders', 'registry.internal:5000/cache/')).toBe(
      'registry.internal:5000/cache/{image}:buildcache-{branch}',
    );
    expect(toCacheRef(toCacheRefTemplate('x/orders', 'reg/cache'), 'team/orders', 'main')).toBe(
      'reg/cache/team/orders:buildcache-main',
    );
  });

  it('the examples docs/docker-build.md gives', () => {
    const ref = (cacheRef?: string) => toCacheRef(toCacheRefTemplate('reg/orders', cacheRef), 'orders', 'feature/x');
    expect(ref()).toBe('reg/orders:buildcache-feature-x');
    expect(ref('registry.internal:5000/cache')).toBe('registry.internal:5000/cache/orders:buildcache-feature-x');
    expect(ref('ghcr.io/acme/{image}-cache')).toBe('ghcr.io/acme/orders-cache:buildcache-feature-x');
    expect(ref('1.dkr.ecr.eu-west-1.amazonaws.com/build-cache:{image}-{branch}')).toBe(
      '1.dkr.ecr.eu-west-1.amazonaws.com/build-cache:orders-feature-x',
    );
  });

  it('cacheRef as a template: one ECR repository for all caches, the image in the tag', () => {
    const template = toCacheRefTemplate('r/orders', 'r/build-cache:{image}-{branch}');
    expect(toCacheRef(template, 'team/orders', 'feature/x')).toBe('r/build-cache:team-orders-feature-x');
  });

  it('rejects cacheRef values that would share one ref between images or misplace {branch}', () => {
    expect(explainCacheRef('ghcr.io/acme/cache:shared', 'ghcr.io/acme/orders', 'orders')).toMatch(/\{image\}/);
    expect(explainCacheRef('ghcr.io/{branch}/{image}', 'ghcr.io/acme/orders', 'orders')).toMatch(/tag/);
    expect(explainCacheRef('ghcr.io/Acme/{image}', 'ghcr.io/acme/orders', 'orders')).toMatch(/lowercase/);
    expect(explainCacheRef(`ghcr.io/acme/{image}@sha256:${'a'.repeat(64)}`, 'ghcr.io/acme/orders', 'orders')).toMatch(
      /never a digest/,
    );
    expect(explainCacheRef('ghcr.io/acme/{image}', 'ghcr.io/acme/orders', 'orders')).toBeUndefined();
  });
});

describe('branch names as tag parts', () => {
  it('keeps a tag-safe branch readable, / becomes -', () => {
    expect(toBranchTagPart('feature/ABC_12', 117)).toBe('feature-ABC_12');
    expect(toBranchTagPart('.hidden', 117)).toBe('.hidden');
  });

  it('adds a hash when characters were replaced, so two branches do not collide', () => {
    const a = toBranchTagPart('fix/ü', 117);
    const b = toBranchTagPart('fix/é', 117);
    expect(a).toMatch(/^fix-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(toBranchTagPart('日本語', 117)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('truncates a 300-character branch to fit 128 with the prefix, with a hash suffix', () => {
    const one = toCacheRef('r/x:buildcache-{branch}', 'x', LONG);
    const two = toCacheRef('r/x:buildcache-{branch}', 'x', `${LONG.slice(0, 299)}y`);
    expect(parseImageRef(one).tag).toHaveLength(128);
    expect(one).not.toBe(two);
    expect(parseImageRef(one).tag).toMatch(/^buildcache-feature-x+-[0-9a-f]{8}$/);
  });

  it('a branch that starts the tag loses its leading dot or dash (and gets a hash)', () => {
    expect(toCacheRef('r/x:{branch}', 'x', '-dash')).toMatch(/^r\/x:dash-[0-9a-f]{8}$/);
  });
});

describe('gha scope and local directory (unchanged for default image names)', () => {
  const git = { branch: 'feature/login' };
  it('gha: <prefix><image>-<branch>, both branches read', () => {
    expect(resolveCache({ repository: 'api', name: 'api' }, { cache: 'gha' }, git)).toEqual({
      from: ['type=gha,scope=api-feature-login', 'type=gha,scope=api-main'],
      to: ['type=gha,scope=api-feature-login,mode=max,ignore-error=true'],
    });
  });

  it('gha: a nested image name becomes one scope word; local keeps it as a sub-directory', () => {
    const image = { repository: 'team/api', name: 'team/api' };
    expect(resolveCache(image, { cache: 'gha', cacheRef: 'ci-' }, git).to[0]).toContain(
      'scope=ci-team-api-feature-login',
    );
    expect(resolveCache(image, { cache: 'local', cacheRef: '/tmp/c' }, git)).toEqual({
      from: ['type=local,src=/tmp/c/team/api'],
      to: ['type=local,dest=/tmp/c/team/api,mode=max,ignore-error=true'],
    });
  });
});
