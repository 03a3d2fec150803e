import { join } from 'node:path';
import { createTree } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { diskFsView, treeFsView, type FsView } from './fs-view';

/** The same contract, checked against both adapters. */
function checkContract(fs: FsView) {
  expect(fs.read('apps/api/package.json')).toContain('"@ws/api"');
  expect(fs.exists('apps/api/package.json')).toBe(true);
  expect(fs.read('missing.json')).toBeUndefined();
  expect(fs.exists('missing.json')).toBe(false);
  // A directory exists but has no text.
  expect(fs.exists('apps/api')).toBe(true);
  expect(fs.read('apps/api')).toBeUndefined();
}

describe('diskFsView', () => {
  it('reads workspace-relative POSIX paths under the root', () => {
    checkContract(diskFsView(join(__dirname, 'detect', '__fixtures__', 'npm')));
  });
});

describe('treeFsView', () => {
  it('reads through an Nx Tree, including files written but not yet flushed', () => {
    const tree = createTree();
    tree.write('apps/api/package.json', JSON.stringify({ name: '@ws/api' }));
    checkContract(treeFsView(tree));
  });

  it('sees a deletion made in the Tree', () => {
    const tree = createTree();
    tree.write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
    tree.delete('pnpm-lock.yaml');
    const fs = treeFsView(tree);
    expect(fs.exists('pnpm-lock.yaml')).toBe(false);
    expect(fs.read('pnpm-lock.yaml')).toBeUndefined();
  });
});
