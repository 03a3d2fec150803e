import type { FsView } from '../../fs-view';

/** Root files a Node build reads besides the closure: TypeScript path mappings and npm config. */
const ROOT_FILES = ['tsconfig.base.json', 'tsconfig.json', '.npmrc'];

/** The root files present in this workspace, in the order above. */
export function detectRootFiles(fs: FsView): string[] {
  return ROOT_FILES.filter((file) => fs.exists(file));
}
