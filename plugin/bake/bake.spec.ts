import { describe, expect, it } from 'vitest';
import type { BakeFile } from '../types';
import { mergeBakeFile } from './merge-bake-file';
import { serializeBakeFile } from './serialize-bake-file';
import { toBakeTargetName } from './to-bake-target-name';

describe('toBakeTargetName', () => {
  it.each([
    ['@examples/inventory', 'examples-inventory'],
    ['orders', 'orders'],
    ['my.app/v2', 'my-app-v2'],
    ['Api_Gateway', 'Api_Gateway'],
  ])('%s → %s', (project, expected) => {
    expect(toBakeTargetName(project)).toBe(expected);
    expect(toBakeTargetName(project)).toMatch(/^[a-zA-Z0-9_-]+$/);
  });

  it('refuses a name with nothing left', () => {
    expect(() => toBakeTargetName('@/')).toThrow(/Rename the project/);
  });
});

describe('mergeBakeFile', () => {
  const existing: BakeFile = {
    group: { default: { targets: ['zeta', 'orders', 'zeta'] }, ci: { targets: ['zeta'] } },
    target: { zeta: { context: '.', dockerfile: 'apps/zeta/Dockerfile' }, orders: { context: 'old' } },
  };

  it('creates a file with one target in the default group', () => {
    expect(mergeBakeFile(undefined, 'orders', { context: '.' })).toEqual({
      group: { default: { targets: ['orders'] } },
      target: { orders: { context: '.' } },
    });
  });

  it('replaces its own target, keeps others and other groups, sorts and dedupes default', () => {
    const merged = mergeBakeFile(existing, 'orders', { context: '.', dockerfile: 'apps/orders/Dockerfile' });
    expect(merged.target.orders).toEqual({ context: '.', dockerfile: 'apps/orders/Dockerfile' });
    expect(merged.target.zeta).toEqual(existing.target.zeta);
    expect(merged.group.default.targets).toEqual(['orders', 'zeta']);
    expect(merged.group.ci).toEqual({ targets: ['zeta'] });
    expect(existing.target.orders).toEqual({ context: 'old' });
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
    expect(text).toContain('\n  "group": {');
    expect(text.indexOf('"group"')).toBeLessThan(text.indexOf('"target"'));
    expect(text.indexOf('"a": {')).toBeLessThan(text.indexOf('"b": {'));
    expect(text.indexOf('"context"')).toBeLessThan(text.indexOf('"tags"'));
    expect(JSON.parse(text).target.b.tags).toEqual(['b:latest', 'a:1']);
  });

  it('is byte-identical whatever the insertion order', () => {
    const one = mergeBakeFile(mergeBakeFile(undefined, 'a', { context: '.' }), 'b', { context: '.' });
    const two = mergeBakeFile(mergeBakeFile(undefined, 'b', { context: '.' }), 'a', { context: '.' });
    expect(serializeBakeFile(one)).toBe(serializeBakeFile(two));
  });
});
