import type { FsView } from '../../fs-view';
import type { NodePackageManager } from '../../types';

export interface FoundLockfile {
  file: string;
  manager: NodePackageManager;
}

/**
 * Lockfiles at the workspace root, in this order. Yarn's two generations share a file name;
 * only Berry's lockfile carries a `__metadata:` block. `bun.lock` (text, Bun ≥ 1.2) is
 * listed before the older binary `bun.lockb` so it wins when both are present.
 */
const LOCKFILES: { file: string; managerOf: (content: string) => NodePackageManager }[] = [
  { file: 'package-lock.json', managerOf: () => 'npm' },
  { file: 'pnpm-lock.yaml', managerOf: () => 'pnpm' },
  { file: 'yarn.lock', managerOf: (content) => (content.includes('__metadata:') ? 'yarn-berry' : 'yarn-classic') },
  { file: 'bun.lock', managerOf: () => 'bun' },
  { file: 'bun.lockb', managerOf: () => 'bun' },
];

/** Every lockfile present at the workspace root, with the manager that wrote it. */
export function findLockfiles(fs: FsView): FoundLockfile[] {
  return LOCKFILES.filter(({ file }) => fs.exists(file)).map(({ file, managerOf }) => ({
    file,
    // bun.lockb is binary; its manager does not depend on its content.
    manager: managerOf(fs.read(file) ?? ''),
  }));
}
