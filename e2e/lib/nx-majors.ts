/**
 * The Nx majors nx-dockerize supports, and the version of each that the Nx-CLI e2e suite
 * (e2e/affected.e2e.ts) runs: the newest minor of each major the npm registry serves.
 * package.json's peer range (`>=<oldest>.0.0 <<newest + 1>.0.0`) must be exactly these majors,
 * the repo's devDependencies and examples/ run the newest; tools/nx-majors.spec.ts checks both.
 *
 * `devkit` differs from `nx` only where the registry has no @nx/devkit of the same version
 * (nx 24.0.6 was published without a matching @nx/devkit; 24.0.0 is the newest, and its own
 * peer range is nx `>= 23 <= 25`). Checked with `npm view nx versions`, `npm view @nx/devkit versions`.
 */
export interface NxMajor {
  major: number;
  nx: string;
  devkit: string;
}

export const NX_MAJORS: readonly NxMajor[] = [
  { major: 22, nx: '22.7.12', devkit: '22.7.12' },
  { major: 23, nx: '23.3.2', devkit: '23.3.2' },
  { major: 24, nx: '24.0.6', devkit: '24.0.0' },
];

export const NEWEST_NX: NxMajor = NX_MAJORS[NX_MAJORS.length - 1];

/**
 * The majors to run, oldest first: all of them, or those named in `E2E_NX` (e.g. `E2E_NX=24`
 * or `E2E_NX=22,24`). Throws on a major that is not in the table.
 */
export function selectedNxMajors(filter = process.env.E2E_NX): NxMajor[] {
  if (!filter?.trim()) return [...NX_MAJORS];
  const wanted = filter.split(',').map((m) => Number(m.trim()));
  const unknown = wanted.filter((m) => !NX_MAJORS.some((n) => n.major === m));
  if (unknown.length)
    throw new Error(
      `E2E_NX names Nx ${unknown.join(', ')}, which is not in e2e/lib/nx-majors.ts (supported: ${NX_MAJORS.map((n) => n.major).join(', ')})`,
    );
  return NX_MAJORS.filter((n) => wanted.includes(n.major));
}
