import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readNxJson, updateNxJson } from '@nx/devkit';
import { describe, expect, it } from 'vitest';
import { describeRegistration, initGenerator } from './generator';

describe('init generator', () => {
  it('registers the plugin in nx.json', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, {});
    expect(readNxJson(tree)?.plugins).toContain('nx-dockerize');
  });

  it('is idempotent and keeps an existing registration with options', async () => {
    const tree = createTreeWithEmptyWorkspace();
    const entry = { plugin: 'nx-dockerize', options: { targetName: 'image' } };
    updateNxJson(tree, { ...readNxJson(tree), plugins: [entry] });
    await initGenerator(tree, {});
    await initGenerator(tree, {});
    expect(readNxJson(tree)?.plugins).toEqual([entry]);
  });

  it('records a custom target name as plugin options', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, { targetName: 'image' });
    expect(readNxJson(tree)?.plugins).toEqual([{ plugin: 'nx-dockerize', options: { targetName: 'image' } }]);
  });

  it('says what it registered and what to run next', () => {
    const message = describeRegistration('image');
    expect(message).toMatch(/registered the plugin in nx\.json/);
    expect(message).toMatch(/inferred `image` target/);
    expect(message).toMatch(/nx g nx-dockerize:dockerize <project>/);
  });
});
