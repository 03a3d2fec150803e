import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWEST_NX, NX_MAJORS, selectedNxMajors } from '../e2e/lib/nx-majors';

const ROOT = join(__dirname, '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf-8'));

describe('supported Nx majors (e2e/lib/nx-majors.ts)', () => {
  it('the peer range is exactly the majors the Nx-CLI e2e suite runs', () => {
    const range = `>=${NX_MAJORS[0].major}.0.0 <${NEWEST_NX.major + 1}.0.0`;
    const majors = NX_MAJORS.map((n) => n.major);
    expect(majors).toEqual(majors.map((_, i) => majors[0] + i)); // no gap in the range
    expect(readJson('package.json').peerDependencies).toEqual({ '@nx/devkit': range, nx: range });
  });

  it('each entry is one major, nx and @nx/devkit of the same major', () => {
    for (const n of NX_MAJORS) {
      expect(n.nx.split('.')[0]).toBe(String(n.major));
      expect(n.devkit.split('.')[0]).toBe(String(n.major));
    }
  });

  it('unit tests and examples/ run the newest', () => {
    const dev = readJson('package.json').devDependencies;
    expect({ nx: dev.nx, devkit: dev['@nx/devkit'] }).toEqual({ nx: NEWEST_NX.nx, devkit: NEWEST_NX.devkit });
    expect(readJson('examples/package.json').devDependencies.nx).toBe(NEWEST_NX.nx);
  });

  it('E2E_NX selects majors, oldest first, and rejects unknown ones', () => {
    expect(selectedNxMajors(undefined)).toEqual(NX_MAJORS);
    expect(selectedNxMajors('24, 22').map((n) => n.major)).toEqual([22, 24]);
    expect(() => selectedNxMajors('21')).toThrow(/Nx 21, which is not in e2e\/lib\/nx-majors\.ts/);
  });
});
