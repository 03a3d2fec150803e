import { describe, expect, it } from 'vitest';
import type { FsView } from '../../fs-view';
import { expandMemberGlob, findCargoWorkspace } from './find-cargo-workspace';
import { readCargoToml } from './read-cargo-toml';

/** An in-memory FsView: file paths → text; directories are implied by the paths. */
function memoryFs(files: Record<string, string>): FsView {
  const dirs = new Set<string>(['.']);
  for (const path of Object.keys(files))
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) dirs.add(path.slice(0, i));
  return {
    read: (path) => files[path],
    exists: (path) => path in files || dirs.has(path),
    list: (path) => {
      const prefix = path === '.' ? '' : `${path}/`;
      const names = [...Object.keys(files), ...dirs]
        .filter((entry) => entry.startsWith(prefix) && entry !== path)
        .map((entry) => entry.slice(prefix.length).split('/')[0]);
      return [...new Set(names)].sort();
    },
  };
}

const crate = (name: string) => `[package]\nname = '${name}'\nversion = '0.1.0'\n`;

/** The first four rows were checked against `cargo metadata` (cargo 1.95) on the same tree. */
describe("expandMemberGlob (the glob crate's semantics, as cargo expands members)", () => {
  const fs = memoryFs({
    'crates/a/Cargo.toml': crate('a'),
    'crates/b1/Cargo.toml': crate('b1'),
    'crates/.hidden/Cargo.toml': crate('hidden'),
    'crates/{x,y}/Cargo.toml': crate('braces'),
    'crates/notes.md': 'not a directory',
    'deep/one/two/svc-api/Cargo.toml': crate('svc-api'),
  });
  it.each([
    ['crates/*', ['crates/.hidden', 'crates/a', 'crates/b1', 'crates/{x,y}']],
    ['crates/b?', ['crates/b1']],
    ['crates/[ab]*', ['crates/a', 'crates/b1']],
    ['crates/[!a]*', ['crates/.hidden', 'crates/b1', 'crates/{x,y}']],
    ['crates/{x,y}', ['crates/{x,y}']],
    ['deep/**/svc-*', ['deep/one/two/svc-api']],
    ['crates/missing', ['crates/missing']],
  ])('%s → %j', (pattern, expected) => {
    expect(expandMemberGlob(fs, '.', pattern)).toEqual(expected);
  });
});

describe('findCargoWorkspace', () => {
  it('exclude is a path prefix, and an explicitly listed member wins over it', () => {
    const root = "[workspace]\nmembers = ['apps/*', 'apps/legacy/keep']\nexclude = ['apps/legacy']\n";
    const fs = memoryFs({
      'Cargo.toml': root,
      'apps/api/Cargo.toml': crate('api'),
      'apps/legacy/Cargo.toml': crate('legacy'),
      'apps/legacy/keep/Cargo.toml': crate('keep'),
    });
    expect(findCargoWorkspace(fs, 'api', 'apps/api', readCargoToml(crate('api')))).toEqual({
      root: '.',
      members: ['apps/api', 'apps/legacy/keep'],
    });
    expect(findCargoWorkspace(fs, 'legacy', 'apps/legacy', readCargoToml(crate('legacy')))).toEqual({
      root: 'apps/legacy',
      members: ['apps/legacy'],
    });
  });

  it('package.workspace names the root explicitly', () => {
    const fs = memoryFs({
      'rust/Cargo.toml': "[workspace]\nmembers = ['../svc']\n",
      'svc/Cargo.toml': `${crate('svc')}workspace = '../rust'\n`,
    });
    expect(findCargoWorkspace(fs, 'svc', 'svc', readCargoToml(`${crate('svc')}workspace = '../rust'\n`)).root).toBe(
      'rust',
    );
  });
});
