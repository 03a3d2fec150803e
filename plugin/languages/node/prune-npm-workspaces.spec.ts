import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneNpmWorkspaces, type NpmLockfile, type NpmManifest } from './prune-npm-workspaces';

const fixtureDir = join(__dirname, '../../plan/__fixtures__/npm-two-workspaces');
const examplesDir = join(__dirname, '../../../examples');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function loadWorkspace(dir: string) {
  return {
    manifest: readJson<NpmManifest>(join(dir, 'package.json')),
    lockfile: readJson<NpmLockfile>(join(dir, 'package-lock.json')),
  };
}

/** Names a package's dependency fields ask for; every one must resolve inside the pruned map. */
function findUnresolved(lockfile: NpmLockfile): string[] {
  const packages = lockfile.packages;
  const unresolved: string[] = [];
  for (const [location, entry] of Object.entries(packages)) {
    if (entry.link) continue;
    const fields =
      location === '' || !location.includes('node_modules/')
        ? ['dependencies', 'devDependencies', 'optionalDependencies']
        : ['dependencies'];
    for (const field of fields) {
      for (const name of Object.keys((entry[field] as Record<string, string>) ?? {})) {
        if (!resolvesUpward(packages, location, name)) unresolved.push(`${location || '(root)'} -> ${name}`);
      }
    }
  }
  return unresolved;
}

function resolvesUpward(packages: NpmLockfile['packages'], location: string, name: string): boolean {
  const parts = location ? location.split('/') : [];
  for (let i = parts.length; i >= 0; i--) {
    const dir = parts.slice(0, i).join('/');
    if (dir.endsWith('node_modules')) continue;
    if (packages[dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`]) return true;
  }
  return false;
}

describe('pruneNpmWorkspaces on a two-workspace fixture', () => {
  const { manifest, lockfile } = loadWorkspace(fixtureDir);

  it('keeps the kept workspace, its link, shared and exclusive deps, and its nested version', () => {
    const pruned = pruneNpmWorkspaces(manifest, lockfile, ['apps/api']);
    expect(Object.keys(pruned.lockfile.packages)).toEqual([
      '',
      'apps/api',
      'apps/api/node_modules/ms',
      'node_modules/@shop/api',
      'node_modules/debug',
      'node_modules/ms',
      'node_modules/typescript',
    ]);
    expect(pruned.manifest.workspaces).toEqual(['apps/api']);
    expect(pruned.lockfile.packages['']).toMatchObject({ workspaces: ['apps/api'] });
    expect(findUnresolved(pruned.lockfile)).toEqual([]);
  });

  it('drops every workspace when none is kept, leaving the root devDependencies', () => {
    const pruned = pruneNpmWorkspaces(manifest, lockfile, []);
    expect(Object.keys(pruned.lockfile.packages)).toEqual(['', 'node_modules/typescript']);
    expect(pruned.manifest.workspaces).toEqual([]);
  });

  it('gives the same bytes when an unrelated workspace changes its dependencies', () => {
    const changed = structuredClone(lockfile);
    changed.packages['apps/web'] = {
      ...changed.packages['apps/web'],
      dependencies: { debug: '^4.3.0', chalk: '^5.0.0' },
    };
    changed.packages['node_modules/chalk'] = { version: '5.4.1', license: 'MIT' };
    delete changed.packages['node_modules/picocolors'];
    const before = JSON.stringify(pruneNpmWorkspaces(manifest, lockfile, ['apps/api']));
    const after = JSON.stringify(pruneNpmWorkspaces(manifest, changed, ['apps/api']));
    expect(after).toBe(before);
  });

  it('is independent of the key order of its input', () => {
    const shuffled = { ...lockfile, packages: Object.fromEntries(Object.entries(lockfile.packages).reverse()) };
    expect(JSON.stringify(pruneNpmWorkspaces(manifest, shuffled, ['apps/api']))).toBe(
      JSON.stringify(pruneNpmWorkspaces(manifest, lockfile, ['apps/api'])),
    );
  });

  it('names the missing workspace and the fix', () => {
    expect(() => pruneNpmWorkspaces(manifest, lockfile, ['apps/nope'])).toThrow(/apps\/nope.*npm install/);
  });

  it('runs as the stdin CLI the Dockerfile uses and writes /pruned-style output', () => {
    const out = mkdtempSync(join(tmpdir(), 'pruned-'));
    const source = readFileSync(join(__dirname, 'prune-npm-workspaces.js'), 'utf8');
    execFileSync(process.execPath, ['-', `--out=${out}`, 'apps/api'], { cwd: fixtureDir, input: source });
    expect(readJson<NpmManifest>(join(out, 'package.json')).workspaces).toEqual(['apps/api']);
    expect(Object.keys(readJson<NpmLockfile>(join(out, 'package-lock.json')).packages)).toContain(
      'apps/api/node_modules/ms',
    );
    expect(readFileSync(join(out, 'apps/api/package.json'), 'utf8')).toBe(
      readFileSync(join(fixtureDir, 'apps/api/package.json'), 'utf8'),
    );
    expect(existsSync(join(out, 'apps/web'))).toBe(false);
  });
});

describe.runIf(existsSync(join(examplesDir, 'package-lock.json')))('pruneNpmWorkspaces on examples/', () => {
  const { manifest, lockfile } = existsSync(join(examplesDir, 'package-lock.json'))
    ? loadWorkspace(examplesDir)
    : { manifest: {}, lockfile: { packages: {} } };

  it.each([[['apps/inventory']], [[]]])('keeps %j closed under dependencies', (keep: string[]) => {
    const pruned = pruneNpmWorkspaces(manifest, lockfile, keep);
    expect(findUnresolved(pruned.lockfile)).toEqual([]);
    expect(pruned.lockfile.packages['']).toMatchObject({ workspaces: keep });
  });

  it('drops the inventory-only dependency when inventory is not kept', () => {
    const withInventory = pruneNpmWorkspaces(manifest, lockfile, ['apps/inventory']).lockfile.packages;
    const without = pruneNpmWorkspaces(manifest, lockfile, []).lockfile.packages;
    expect(withInventory['node_modules/@examples/inventory']).toBeDefined();
    expect(without['node_modules/@examples/inventory']).toBeUndefined();
    expect(Object.keys(without).length).toBeLessThan(Object.keys(withInventory).length);
  });
});
