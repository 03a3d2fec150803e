import { describe, expect, it } from 'vitest';
import type { BakeFile } from '../types';
import { explainImageName, explainImageReference } from '../plan/image-ref';
import { mergeBakeFile, serializeBakeDocument } from './merge-bake-file';
import { serializeBakeFile } from './serialize-bake-file';
import { assertUniqueNames, toImageNames } from './to-image-names';

describe('toImageNames: Nx project → bake target → image repository', () => {
  it.each([
    ['orders', 'orders', 'orders'],
    ['@examples/inventory', 'examples-inventory', 'examples-inventory'],
    ['my.app/v2', 'my-app-v2', 'my-app-v2'],
    ['Api_Gateway', 'Api_Gateway', 'api_gateway'],
    ['api__v2', 'api__v2', 'api__v2'],
    ['api___v2', 'api___v2', 'api-v2'],
    ['a-_b', 'a-_b', 'a-b'],
    ['_private', '_private', 'private'],
    ['café', 'cafe', 'cafe'],
    ['Straße', 'Strasse', 'strasse'],
    ['smørrebrød', 'smorrebrod', 'smorrebrod'],
    ['über-api', 'uber-api', 'uber-api'],
    ['@acme/api:v1', 'acme-api-v1', 'acme-api-v1'],
    ['123', '123', '123'],
  ])('%s → %s → %s', (project, bakeTarget, repository) => {
    expect(toImageNames(project)).toEqual({ bakeTarget, repository });
    expect(bakeTarget).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(explainImageName(repository)).toBeUndefined();
  });

  it.each([
    ['@/', /no letters or digits.*Rename the project/],
    ['___', /no letters or digits/],
    ['сервис', /"с" has no ASCII spelling.*Rename the project/],
    ['api-日本', /"日" has no ASCII spelling/],
    ['a'.repeat(200), /at most 128/],
  ])('refuses %s', (project, message) => {
    expect(() => toImageNames(project)).toThrow(message);
  });

  it('is stable: the same name always gives the same result', () => {
    expect(toImageNames('@acme/Api.v2')).toEqual(toImageNames('@acme/Api.v2'));
  });

  it('refuses two projects with one bake target or one image name, naming both', () => {
    expect(() => assertUniqueNames('my-app', ['my.app', 'other'])).toThrow(
      /"my-app" and "my.app" would share the bake target "my-app".*Rename one/,
    );
    expect(() => assertUniqueNames('Api', ['api'])).toThrow(/"Api" and "api" would share the image name "api"/);
    expect(assertUniqueNames('api', ['api', 'web', '@/'])).toEqual({ bakeTarget: 'api', repository: 'api' });
  });
});

describe('image references (distribution/reference grammar)', () => {
  it.each([
    'api',
    'api:1.0',
    'ghcr.io/acme/api:latest',
    'localhost:5000/a/b',
    '[::1]:5000/api',
    `api@sha256:${'a'.repeat(64)}`,
  ])('%s is valid', (ref) => {
    expect(explainImageReference(ref)).toBeUndefined();
  });
  it.each([
    ['ghcr.io/Acme/api', /lowercase/],
    ['api:', /does not match/],
    ['my api', /white space/],
    ['api:-x', /does not match/],
    ['-api', /does not match/],
  ])('%s is refused', (ref, reason) => {
    expect(explainImageReference(ref)).toMatch(reason);
  });
  it('names allow no tag', () => {
    expect(explainImageName('ghcr.io/acme:1')).toBe('a tag or digest is not allowed here');
  });
});

describe('mergeBakeFile', () => {
  const generated = { context: '.', dockerfile: 'apps/api/Dockerfile', tags: ['api:latest'] };
  const merge = (existing: unknown, extra: { previous?: object; force?: boolean; name?: string } = {}) =>
    mergeBakeFile({
      existing,
      file: 'docker-bake.json',
      name: extra.name ?? 'api',
      generated,
      previous: extra.previous,
      force: extra.force ?? false,
    });

  it('creates a file with one target in the default group', () => {
    expect(merge(undefined)).toEqual({
      document: { target: { api: generated }, group: { default: { targets: ['api'] } } },
      conflicts: [],
    });
  });

  it('keeps variables, functions, other groups and targets, unknown keys and the key order', () => {
    const existing = {
      variable: { TAG: { default: 'latest' } },
      function: { tag: { params: ['n'], result: '${n}:${TAG}' } },
      group: { default: { targets: ['zeta', 'web'] }, ci: { targets: ['zeta'] } },
      target: { zeta: { context: '.', tags: ['${tag("zeta")}'] } },
    };
    const { document, conflicts } = merge(existing);
    expect(conflicts).toEqual([]);
    expect(Object.keys(document)).toEqual(['variable', 'function', 'group', 'target']);
    expect(document.variable).toEqual(existing.variable);
    expect(document.function).toEqual(existing.function);
    expect(document.group).toEqual({ default: { targets: ['api', 'zeta', 'web'] }, ci: { targets: ['zeta'] } });
    expect(Object.keys(document.target as object)).toEqual(['api', 'zeta']);
    expect(existing.group.default.targets).toEqual(['zeta', 'web']);
  });

  it('keeps fields a user added to the generated target and updates its own', () => {
    const existing = {
      target: { api: { ...generated, dockerfile: 'old/Dockerfile', platforms: ['linux/arm64'], args: { A: '1' } } },
    };
    const { document, conflicts } = merge(existing, { previous: { ...generated, dockerfile: 'old/Dockerfile' } });
    expect(conflicts).toEqual([]);
    expect((document.target as Record<string, unknown>).api).toEqual({
      ...generated,
      platforms: ['linux/arm64'],
      args: { A: '1' },
    });
  });

  it('reports a generated field the user changed, naming it; --force overwrites only generated fields', () => {
    const existing = { target: { api: { ...generated, tags: ['ghcr.io/acme/api:1'], platforms: ['linux/arm64'] } } };
    const refused = merge(existing, { previous: generated });
    expect(refused.conflicts).toEqual([
      'target "api" field "tags": the file has ["ghcr.io/acme/api:1"], nx-dockerize writes ["api:latest"]',
    ]);
    expect(refused.document).toEqual(existing);
    const forced = merge(existing, { previous: generated, force: true });
    expect((forced.document.target as Record<string, unknown>).api).toEqual({
      ...generated,
      platforms: ['linux/arm64'],
    });
  });

  it('treats a same-named target it has no record of as someone else’s', () => {
    const existing = { target: { api: { context: 'services/api' } } };
    expect(merge(existing).conflicts).toEqual([
      'target "api" field "context": the file has "services/api", nx-dockerize writes "."',
      'target "api" field "dockerfile": the file has no value, nx-dockerize writes "apps/api/Dockerfile"',
      'target "api" field "tags": the file has no value, nx-dockerize writes ["api:latest"]',
    ]);
  });

  it('does not re-add a target the user took out of the default group', () => {
    const existing = { group: { default: { targets: ['web'] } }, target: { api: generated } };
    expect(merge(existing, { previous: generated }).document.group).toEqual({ default: { targets: ['web'] } });
  });

  it.each([
    [[], /not a JSON object/],
    [{ target: [] }, /"target" is not an object/],
    [{ group: { default: { targets: 'api' } } }, /group "default" is not/],
  ])('refuses a file of the wrong shape %j, naming the file', (existing, message) => {
    expect(() => merge(existing)).toThrow(message);
    expect(() => merge(existing)).toThrow(/docker-bake\.json/);
  });

  it('is byte-identical whatever the order projects are added in', () => {
    const add = (doc: unknown, name: string) =>
      mergeBakeFile({ existing: doc, file: 'f', name, generated: { context: '.' }, force: false }).document;
    expect(serializeBakeDocument(add(add(undefined, 'a'), 'b'))).toBe(
      serializeBakeDocument(add(add(undefined, 'b'), 'a')),
    );
  });
});

describe('serializeBakeFile', () => {
  it('writes 2-space JSON with a trailing newline and sorted keys', () => {
    const file: BakeFile = {
      target: { b: { tags: ['b:latest', 'a:1'], context: '.' }, a: { dockerfile: 'x' } },
      group: { default: { targets: ['a', 'b'] } },
    };
    const text = serializeBakeFile(file);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"group"')).toBeLessThan(text.indexOf('"target"'));
    expect(text.indexOf('"a": {')).toBeLessThan(text.indexOf('"b": {'));
    expect(JSON.parse(text).target.b.tags).toEqual(['b:latest', 'a:1']);
  });
});
