import { describe, expect, it } from 'vitest';
import { planAllowList } from './allow-list';
import { toContextFiles } from './__test__/context-files';

const sent = (lines: string[], files: string[]) => toContextFiles(lines.join('\n'), files);

describe('planAllowList (checked with a real dockerignore matcher)', () => {
  it('a nested project: its own folder and its closure, minus a project nested inside it and tool state', () => {
    const lines = planAllowList({
      project: 'api',
      projectRoot: 'apps/api',
      rootFiles: ['package.json'],
      closure: ['libs/util'],
      buildContext: { nestedProjects: ['apps/api/e2e'] },
      excludeEverywhere: ['dist'],
    });
    const files = [
      'package.json',
      'apps/api/src/main.ts',
      'apps/api/e2e/spec.ts',
      'apps/api/node_modules/x.js',
      'apps/api/dist/main.js',
      'libs/util/index.ts',
      'libs/other/index.ts',
      'README.md',
    ];
    expect(sent(lines, files)).toEqual(['apps/api/src/main.ts', 'libs/util/index.ts', 'package.json']);
  });

  it('a root project in copy-output mode: the gitignored build output is let back in, node_modules never', () => {
    const lines = planAllowList({
      project: 'solo',
      projectRoot: '.',
      rootFiles: ['package.json', 'package-lock.json'],
      closure: [],
      buildContext: { rootEntries: ['package.json', 'package-lock.json', 'src'], nestedProjects: [] },
      excludeEverywhere: ['dist'],
      reinclude: ['dist/solo'],
    });
    const files = [
      'package.json',
      'package-lock.json',
      'src/main.ts',
      'dist/solo/main.js',
      'dist/solo/node_modules/x.js',
      'dist/other/main.js',
      'node_modules/nx/index.js',
      '.env',
    ];
    expect(sent(lines, files)).toEqual(['dist/solo/main.js', 'package-lock.json', 'package.json', 'src/main.ts']);
  });
});
